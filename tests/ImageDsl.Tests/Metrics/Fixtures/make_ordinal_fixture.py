#!/usr/bin/python3
"""Writes ordinal-sklearn.json: ordinal cases and the values scikit-learn computes for them.

Reference values only; the tests read the JSON and never run Python. Regenerate with
Debian 12's packages (python3-sklearn 1.2.1, numpy 1.24):

    /usr/bin/python3 tests/ImageDsl.Tests/Metrics/Fixtures/make_ordinal_fixture.py

Every case holds `ranks` (K), `y_true` and `y_pred` (ranks 0..K-1), `expected_rank` (the
model's expected value, a number in [0, K-1]) and `expected`, computed with `labels=range(K)`
wherever scikit-learn takes labels, since the model scores against all K ranks. The kappa
scikit-learn computes without `labels=` (over the ranks present in either array, weighted by
their position in that list rather than by the rank difference) is kept beside it as
`kappa_present_ranks_only`; it differs when a rank in the middle never occurs. A value that
scikit-learn leaves undefined (NaN) is written as null.
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, cohen_kappa_score, confusion_matrix,
                             mean_absolute_error, mean_squared_error)


def expected_ranks(rng, predicted, ranks, spread=0.4):
    """Plausible expected ranks near the predicted ones, rounded so the JSON holds them exactly."""
    noisy = np.asarray(predicted, dtype=float) + rng.normal(0.0, spread, len(predicted))
    return np.round(np.clip(noisy, 0.0, ranks - 1), 6)


def noisy_predictions(rng, truth, ranks, noise):
    return np.clip(np.asarray(truth) + np.round(rng.normal(0.0, noise, len(truth))).astype(int), 0, ranks - 1)


def finite_or_none(value):
    value = float(value)
    return None if math.isnan(value) else value


def case(name, ranks, y_true, y_pred, expected_rank):
    y_true = np.asarray(y_true, dtype=int)
    y_pred = np.asarray(y_pred, dtype=int)
    expected_rank = np.asarray(expected_rank, dtype=float)
    labels = list(range(ranks))
    with warnings.catch_warnings():
        # 0/0 in kappa (one rank only, predicted perfectly) is the undefined case we record.
        warnings.simplefilter("ignore", RuntimeWarning)
        kappa = cohen_kappa_score(y_true, y_pred, weights="quadratic", labels=labels)
        kappa_present = cohen_kappa_score(y_true, y_pred, weights="quadratic")
    return {
        "name": name,
        "ranks": ranks,
        "y_true": y_true.tolist(),
        "y_pred": y_pred.tolist(),
        "expected_rank": expected_rank.tolist(),
        "expected": {
            "count": int(len(y_true)),
            "accuracy": float(accuracy_score(y_true, y_pred)),
            "mae": float(mean_absolute_error(y_true, y_pred)),
            "rmse": float(math.sqrt(mean_squared_error(y_true, y_pred))),
            "within_one_rank": float(np.mean(np.abs(y_true - y_pred) <= 1)),
            "quadratic_weighted_kappa": finite_or_none(kappa),
            "expected_rank_mae": float(mean_absolute_error(y_true, expected_rank)),
            "expected_rank_rmse": float(math.sqrt(mean_squared_error(y_true, expected_rank))),
            "confusion_matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        },
        "kappa_present_ranks_only": finite_or_none(kappa_present),
    }


def compact_json(document):
    """Objects one key per line, arrays of numbers on one line: small, and diffs stay readable."""
    def write(value, indent):
        pad = " " * indent
        if isinstance(value, dict):
            items = [f'{pad} {json.dumps(key)}: {write(item, indent + 1).lstrip()}' for key, item in value.items()]
            return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(value, list) and any(isinstance(item, dict) for item in value):
            return pad + "[\n" + ",\n".join(write(item, indent + 1) for item in value) + "\n" + pad + "]"
        return pad + json.dumps(value)
    return write(document, 0)


def main():
    rng = np.random.RandomState(20240613)
    cases = []

    truth = rng.randint(0, 5, 200)
    predicted = noisy_predictions(rng, truth, 5, 0.9)
    cases.append(case("random K=5", 5, truth, predicted, expected_ranks(rng, predicted, 5)))

    truth = rng.randint(0, 5, 60)
    cases.append(case("perfect K=5", 5, truth, truth, expected_ranks(rng, truth, 5, spread=0.1)))

    truth = np.full(50, 2)
    predicted = noisy_predictions(rng, truth, 4, 1.0)
    cases.append(case("truth all one rank K=4", 4, truth, predicted, expected_ranks(rng, predicted, 4)))

    truth = rng.randint(0, 2, 120)
    predicted = np.where(rng.rand(120) < 0.8, truth, 1 - truth)
    cases.append(case("random K=2", 2, truth, predicted, expected_ranks(rng, predicted, 2, spread=0.3)))

    truth = rng.randint(0, 7, 300)
    predicted = noisy_predictions(rng, truth, 7, 1.3)
    cases.append(case("random K=7", 7, truth, predicted, expected_ranks(rng, predicted, 7)))

    # Most samples at the lowest rank; the model leans upwards.
    truth = np.minimum(rng.geometric(0.55, 250) - 1, 4)
    predicted = np.clip(truth + rng.choice([0, 0, 1, 1, 2, -1], 250), 0, 4)
    cases.append(case("skewed K=5", 5, truth, predicted, expected_ranks(rng, predicted, 5)))

    # Ranks 2 and 3 never occur: scikit-learn without labels= weights rank 4 as the next after 1.
    truth = rng.choice([0, 1, 4], 80)
    predicted = np.where(rng.rand(80) < 0.6, truth, rng.choice([0, 1, 4], 80))
    cases.append(case("ranks missing in the middle K=5", 5, truth, predicted, expected_ranks(rng, predicted, 5)))

    # One rank only, every prediction right: kappa is 0/0, which scikit-learn returns as NaN.
    truth = np.full(12, 3)
    cases.append(case("one rank predicted perfectly K=6", 6, truth, truth, np.full(12, 3.0)))

    # Truth and prediction each a single, different rank: kappa is defined (0).
    cases.append(case("constant but wrong K=3", 3, np.zeros(9, dtype=int), np.full(9, 2), np.full(9, 1.75)))

    document = {
        "generator": "make_ordinal_fixture.py",
        "scikit_learn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ordinal-sklearn.json")
    with open(path, "w", encoding="utf-8") as out:
        out.write(compact_json(document) + "\n")
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
