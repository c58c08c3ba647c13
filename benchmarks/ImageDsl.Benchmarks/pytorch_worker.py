"""PyTorch side of the ImageDsl benchmark.

Started once by the C# benchmark (PyTorchWorker.cs) so that measurements can be interleaved
with the C# ones in one run: it reads one JSON command per line on stdin and answers with
one JSON line on stdout. The networks mirror ImageDsl's: torchvision's resnet18, resnet34, resnet50,
mobilenet_v3_small / _large and efficientnet_b0 with our heads (dropout + linear for classes,
linear for a range) and SmallCnn layer for layer.
Inputs are random, already-normalized floats, as in the hand-written TorchSharp loop.
"""
import json
import statistics
import sys
import time


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


try:
    import torch
    import torch.nn as nn
    import torchvision
except Exception as e:  # the benchmark reports this and carries on without PyTorch
    reply({"error": f"PyTorch is not available ({type(e).__name__}: {e}); "
                    "install it with: apt-get install -y python3-torch python3-torchvision libopenblas0-openmp"})
    sys.exit(0)

TRAIN_BATCH = 64
INFERENCE_BATCH = 256


def small_cnn(channels, side, classes):
    """ImageDsl's SmallCnn layer for layer: the third block is not pooled, and the map is
    averaged to 7x7 and flattened; then the classification head (dropout, linear)."""
    def block(i, o, pool):
        layers = [nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]
        return layers + [nn.MaxPool2d(2)] if pool else layers
    return nn.Sequential(*block(channels, 32, True), *block(32, 64, True), *block(64, 128, False),
                         nn.AdaptiveAvgPool2d(7), nn.Flatten(),
                         nn.Linear(128 * 7 * 7, 128), nn.ReLU(inplace=True),
                         nn.Dropout(0.3), nn.Linear(128, classes))


def resnet18(outputs, regression):
    model = torchvision.models.resnet18()
    model.fc = nn.Linear(512, 1) if regression else nn.Sequential(nn.Dropout(0.3), nn.Linear(512, outputs))
    return model


def resnet34(classes):
    model = torchvision.models.resnet34()
    model.fc = nn.Sequential(nn.Dropout(0.3), nn.Linear(512, classes))
    return model


def resnet50(classes):
    model = torchvision.models.resnet50()
    model.fc = nn.Sequential(nn.Dropout(0.3), nn.Linear(2048, classes))
    return model


def mobilenet_v3(builder, classes):
    """ImageDsl's MobileNetV3 ends at classifier.0 and its hard-swish (1024 or 1280 features);
    our head (dropout, linear) replaces torchvision's dropout and classifier.3."""
    model = builder()
    features = model.classifier[0].out_features
    model.classifier = nn.Sequential(model.classifier[0], model.classifier[1], nn.Dropout(0.3), nn.Linear(features, classes))
    return model


def efficientnet_b0(classes):
    model = torchvision.models.efficientnet_b0()
    model.classifier = nn.Sequential(nn.Dropout(0.3), nn.Linear(1280, classes))
    return model


WORKLOADS = {
    "resnet18-cls": (lambda: resnet18(10, False), (3, 64, 64), False),
    "resnet34-cls": (lambda: resnet34(10), (3, 64, 64), False),
    "resnet50-cls": (lambda: resnet50(10), (3, 64, 64), False),
    "mobilenet_v3_small-cls": (lambda: mobilenet_v3(torchvision.models.mobilenet_v3_small, 10), (3, 64, 64), False),
    "mobilenet_v3_large-cls": (lambda: mobilenet_v3(torchvision.models.mobilenet_v3_large, 10), (3, 64, 64), False),
    "efficientnet_b0-cls": (lambda: efficientnet_b0(10), (3, 64, 64), False),
    "resnet18-reg": (lambda: resnet18(1, True), (3, 64, 64), True),
    "smallcnn-cls": (lambda: small_cnn(1, 28, 10), (1, 28, 28), False),
}


class Workload:
    def __init__(self, name, train_steps, inference_batches):
        build, shape, self.regression = WORKLOADS[name]
        torch.manual_seed(1)
        self.model = build()
        # The Trainer's default optimizer: Adam, lr 1e-3, betas (0.9, 0.999), no decay.
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-3)
        self.steps = train_steps
        self.inference_batches = inference_batches
        n = TRAIN_BATCH * train_steps
        self.images = torch.randn(n, *shape)
        self.targets = torch.rand(n, 1) * 2 - 1 if self.regression else torch.randint(0, 10, (n,))
        self.inference_images = torch.randn(INFERENCE_BATCH * inference_batches, *shape)
        self.single = torch.randn(1, *shape)

    def train(self):
        self.model.train()
        loss_fn = nn.functional.mse_loss if self.regression else nn.functional.cross_entropy
        return timed(self.steps * TRAIN_BATCH, lambda: self._train_steps(loss_fn))

    def _train_steps(self, loss_fn):
        for step in range(self.steps):
            x = self.images[step * TRAIN_BATCH:(step + 1) * TRAIN_BATCH]
            y = self.targets[step * TRAIN_BATCH:(step + 1) * TRAIN_BATCH]
            loss = loss_fn(self.model(x), y)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            loss.item()

    def infer(self):
        self.model.eval()

        def run():
            with torch.no_grad():
                for b in range(self.inference_batches):
                    self.model(self.inference_images[b * INFERENCE_BATCH:(b + 1) * INFERENCE_BATCH]).softmax(1).numpy()
        return timed(self.inference_batches * INFERENCE_BATCH, run)

    def latency(self, repetitions):
        self.model.eval()
        with torch.no_grad():
            calls = [timed(1, lambda: self.model(self.single).softmax(1).numpy()) for _ in range(repetitions)]
        return {"images": 1, "wall": statistics.median(c["wall"] for c in calls), "cpu": statistics.median(c["cpu"] for c in calls)}


def timed(images, work):
    """Images processed with the wall-clock and process CPU seconds (all threads) it took."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return {"images": images, "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def blas_libraries():
    """The BLAS shared objects actually mapped into this process (what libblas.so.3 points at)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return sorted(paths)
    except OSError:
        return []


def main():
    threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
    torch.set_num_threads(threads)
    workloads = {}
    for line in sys.stdin:
        command = json.loads(line)
        kind = command["cmd"]
        try:
            if kind == "info":
                settings = torch.__config__.show().replace(",", " ").split()
                build = [t for t in settings if t.startswith(("BLAS_INFO=", "USE_MKLDNN=", "USE_OPENMP="))]
                reply({"torch": torch.__version__, "torchvision": torchvision.__version__,
                       "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads(),
                       "build": build, "blas_loaded": blas_libraries()})
            elif kind == "setup":
                workload = Workload(command["workload"], command["train_steps"], command["inference_batches"])
                workloads[command["workload"]] = workload
                reply({"ok": True, "parameters": sum(p.numel() for p in workload.model.parameters())})
            elif kind == "train":
                reply(workloads[command["workload"]].train())
            elif kind == "infer":
                reply(workloads[command["workload"]].infer())
            elif kind == "latency":
                reply(workloads[command["workload"]].latency(command["repetitions"]))
            elif kind == "quit":
                return
            else:
                reply({"error": f"unknown command {kind}"})
        except Exception as e:
            reply({"error": f"{type(e).__name__}: {e}"})


if __name__ == "__main__":
    main()
