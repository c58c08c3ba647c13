#!/usr/bin/python3
"""Writes calibration-sklearn.json: probabilities, truths and the calibration figures for them.

Reference values only; the tests read the JSON and never run Python. Regenerate with
Debian 12's packages (python3-sklearn 1.2.1, numpy 1.24):

    /usr/bin/python3 tests/ImageDsl.Tests/Metrics/Fixtures/make_calibration_fixture.py

Each case is `binary` (p = probability of yes, y in {0, 1}) or `multiclass` (one row of
probabilities per image, y = true index), with float32 values written exactly (the shortest text that reads back as the same float32). `expected` holds
 - brier: scikit-learn's brier_score_loss for binary cases; for multi-class, Brier's original score,
   the mean over images of the summed squared difference to the one-hot truth,
 - ece / mce: top-label expected and maximum calibration error over 15 equal-width bins
   (a bin holds confidences in (lo, hi]; np.digitize), the top label of a binary case being yes when
   p >= 0.5,
 - temperature: for cases with `logits`, the temperature minimising the mean negative
   log-likelihood, by a dense grid over log T refined twice (no derivative, no optimiser shared with
   the C# side).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import brier_score_loss

BINS = 15


def f32(v):
    """The shortest text that reads back as the same float32 (C# reads it as double, then float)."""
    return float(np.format_float_positional(np.float32(v), unique=True, trim="-"))


def top_label_errors(confidence, correct):
    edges = np.linspace(0.0, 1.0, BINS + 1)
    index = np.digitize(confidence, edges[1:-1], right=True)
    ece, mce = 0.0, 0.0
    for b in range(BINS):
        members = index == b
        if not members.any():
            continue
        gap = abs(correct[members].mean() - confidence[members].mean())
        ece += gap * members.sum() / len(confidence)
        mce = max(mce, gap)
    return ece, mce


def softmax_nll(logits, y, log_t):
    z = logits / np.exp(log_t)
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(y)), y].mean()


def sigmoid_nll(logits, y, log_t):
    s = logits / np.exp(log_t)
    return np.mean(np.logaddexp(0.0, -s) * y + np.logaddexp(0.0, s) * (1 - y))


def grid_minimum(loss):
    low, high = -3.9, 3.9
    for _ in range(3):
        grid = np.linspace(low, high, 4001)
        values = np.array([loss(g) for g in grid])
        best = grid[values.argmin()]
        if values.argmin() in (0, len(grid) - 1) and low == -3.9:
            raise SystemExit("the optimum is at the edge of the bracket: pick another case")
        step = grid[1] - grid[0]
        low, high = best - 2 * step, best + 2 * step
    return float(np.exp(best))


def binary_case(name, rng, n, true_temperature):
    logits = rng.normal(0.0, 2.5, n).astype(np.float32)
    y = (rng.random(n) < 1 / (1 + np.exp(-logits.astype(np.float64) / true_temperature))).astype(int)
    p = (1 / (1 + np.exp(-logits.astype(np.float64)))).astype(np.float32)
    p64 = p.astype(np.float64)
    yes = p64 >= 0.5
    confidence = np.where(yes, p64, 1 - p64)
    ece, mce = top_label_errors(confidence, (yes == (y == 1)).astype(float))
    return {
        "name": name, "kind": "binary",
        "logits": [f32(v) for v in logits], "p": [f32(v) for v in p], "y": [int(v) for v in y],
        "expected": {
            "brier": float(brier_score_loss(y, p64)), "ece": ece, "mce": mce,
            "temperature": grid_minimum(lambda t: sigmoid_nll(logits.astype(np.float64), y, t)),
        },
    }


def multiclass_case(name, rng, n, classes, true_temperature):
    logits = (rng.normal(0.0, 2.0, (n, classes)) + 3.0 * np.eye(classes)[rng.integers(0, classes, n)]).astype(np.float32)
    z = logits.astype(np.float64) / true_temperature
    q = np.exp(z - z.max(axis=1, keepdims=True))
    q /= q.sum(axis=1, keepdims=True)
    y = np.array([rng.choice(classes, p=row) for row in q])
    z = logits.astype(np.float64)
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p = (p / p.sum(axis=1, keepdims=True)).astype(np.float32)
    p64 = p.astype(np.float64)
    top = p64.argmax(axis=1)
    ece, mce = top_label_errors(p64.max(axis=1), (top == y).astype(float))
    one_hot = np.eye(classes)[y]
    return {
        "name": name, "kind": "multiclass", "classes": classes,
        "logits": [[f32(v) for v in row] for row in logits], "p": [[f32(v) for v in row] for row in p], "y": [int(v) for v in y],
        "expected": {
            "brier": float(((p64 - one_hot) ** 2).sum(axis=1).mean()), "ece": ece, "mce": mce,
            "temperature": grid_minimum(lambda t: softmax_nll(logits.astype(np.float64), y, t)),
        },
    }


def main():
    rng = np.random.default_rng(20261203)
    cases = [
        binary_case("binary overconfident (true T 2.0)", rng, 300, 2.0),
        binary_case("binary underconfident (true T 0.5)", rng, 200, 0.5),
        binary_case("binary small", rng, 30, 3.0),
        multiclass_case("3 classes overconfident (true T 1.8)", rng, 300, 3, 1.8),
        multiclass_case("10 classes underconfident (true T 0.6)", rng, 150, 10, 0.6),
        multiclass_case("4 classes small", rng, 23, 4, 1.0),
    ]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calibration-sklearn.json")
    with open(out, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "bins": BINS, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases -> {out} ({os.path.getsize(out)} bytes)")


main()
