"""PyTorch side of the batch-prediction benchmark (Program.cs starts it once per round).

Reads every PNG under a folder with PIL through a torch DataLoader (a Dataset that opens,
converts to grey, normalises and returns a tensor, batched by the DataLoader), runs ImageDsl's
SmallCnn layer for layer, and turns each batch into per-image predictions (softmax, the top
class and its probability), as PredictMany's typed results. Prints one JSON line:
{"images": N, "seconds": S} for the timed pass, after an untimed warm-up pass over 256 files.
"""
import argparse
import json
import os
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("folder")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--batch", type=int, default=64)
parser.add_argument("--workers", type=int, default=0)
args = parser.parse_args()

try:
    import numpy as np
    import torch
    import torch.nn as nn
    from PIL import Image
except Exception as e:
    print(json.dumps({"error": f"PyTorch is not available ({type(e).__name__}: {e})"}))
    sys.exit(0)

torch.set_num_threads(args.threads)
os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))


def small_cnn(channels, classes):
    def block(i, o, pool):
        layers = [nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]
        return layers + [nn.MaxPool2d(2)] if pool else layers
    return nn.Sequential(*block(channels, 32, True), *block(32, 64, True), *block(64, 128, False),
                         nn.AdaptiveAvgPool2d(7), nn.Flatten(),
                         nn.Linear(128 * 7 * 7, 128), nn.ReLU(inplace=True),
                         nn.Dropout(0.3), nn.Linear(128, classes))


class Pngs(torch.utils.data.Dataset):
    def __init__(self, paths):
        self.paths = paths

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        with Image.open(self.paths[i]) as image:
            grey = image.convert("L")
            if grey.size != (28, 28):
                grey = grey.resize((28, 28), Image.BILINEAR)
            pixels = np.asarray(grey, dtype=np.float32) / 255.0
        return torch.from_numpy((pixels - 0.5) / 0.5).unsqueeze(0)


paths = sorted(os.path.join(root, name) for root, _, names in os.walk(args.folder) for name in names if name.endswith(".png"))
model = small_cnn(1, 10).eval()


def run(files):
    loader = torch.utils.data.DataLoader(Pngs(files), batch_size=args.batch, num_workers=args.workers, shuffle=False)
    results = []
    with torch.inference_mode():
        for batch in loader:
            probabilities = torch.softmax(model(batch), dim=1)
            top, index = probabilities.max(dim=1)
            results.extend(zip(index.tolist(), top.tolist()))
    return len(results)


run(paths[:256])
start = time.perf_counter()
count = run(paths)
print(json.dumps({"images": count, "seconds": time.perf_counter() - start, "threads": torch.get_num_threads()}))
