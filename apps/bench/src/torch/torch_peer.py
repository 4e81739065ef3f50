"""PyTorch as a peer of `pnpm bench`: optimizer steps, training steps and one epoch, timed here, on
one thread.

Reads one JSON command per line on stdin and answers one JSON line on stdout:
  {"cmd": "hello"}                                   -> {"torch": version, "threads": n}
  {"cmd": "prepare", "shapes": [[...], ...], "optimizer": "Adam", "kwargs": {...}}
                                                     -> {"parameters": n}
  {"cmd": "step"}                                    -> {"ms": time of optimizer.step()}
  {"cmd": "train_prepare", "model": "resnet8" | "ncf", "batch": b, "parameters": n}
                                                     -> {"parameters": n}
  {"cmd": "train_step"}                              -> {"ms": forward + backward + Adam step, "peakRssMb": m}
  {"cmd": "epoch_prepare", "dataDir": dir, "batch": b, "trainSize": n, "parameters": n}
                                                     -> {"parameters": n, "steps": s}
  {"cmd": "epoch_run"}                               -> {"ms": one epoch: batching, augmentation, steps, "peakRssMb": m}
  {"cmd": "exit"}
Errors answer {"error": message}. Optimizer gradients are fixed, uniform in [-0.01, 0.01), as gapkit's.
The models are the bench's (apps/bench/src/model-specs.ts): ResNet-8 width 16 with batch-statistics BN
and NCF-MLP, each checked against the parameter count the bench sends (model-specs.ts); the training steps use random inputs of the
same shapes as gapkit's (the values do not change the time: no subnormals), the epoch the real files.
"""
import json
import os
import resource
import sys
import time

import torch
from torch import nn

torch.set_num_threads(1)
state = {}


def prepare(msg):
    torch.manual_seed(0)
    params = []
    for shape in msg["shapes"]:
        p = torch.nn.Parameter(torch.empty(shape).uniform_(-0.1, 0.1))
        p.grad = torch.empty(shape).uniform_(-0.01, 0.01)
        params.append(p)
    cls = getattr(torch.optim, msg["optimizer"])
    state["opt"] = cls(params, **msg["kwargs"])
    return {"parameters": sum(p.numel() for p in params)}


def step(_msg):
    t0 = time.perf_counter()
    state["opt"].step()
    return {"ms": (time.perf_counter() - t0) * 1000}


class BasicBlock(nn.Module):
    """Post-activation basic block: conv3x3-BN-ReLU-conv3x3-BN, + identity or 1x1 conv-BN, ReLU."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Identity()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(out)) + self.shortcut(x))


def resnet8():
    """ResNet-8, width 16, Kaiming-normal (fan_out) convs: 78,042 parameters."""
    stem = [nn.Conv2d(3, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU()]
    blocks = [BasicBlock(16, 16, 1), BasicBlock(16, 32, 2), BasicBlock(32, 64, 2)]
    model = nn.Sequential(*stem, *blocks, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
    return model


class NcfMlp(nn.Module):
    """NCF-MLP: 6040x32 and 3706x32 embeddings, concat, 64 -> 32 -> 16 with ReLU, then 1: 318,657 parameters."""

    def __init__(self):
        super().__init__()
        self.user = nn.Embedding(6040, 32)
        self.item = nn.Embedding(3706, 32)
        self.tower = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, users, items):
        return self.tower(torch.cat([self.user(users), self.item(items)], 1)).squeeze(1)


def built(name, expected):
    model = resnet8() if name == "resnet8" else NcfMlp()
    n = sum(p.numel() for p in model.parameters())
    if n != expected:
        raise ValueError(f"torch {name} has {n} parameters, expected {expected}")
    return model.train(), n


def train_prepare(msg):
    torch.manual_seed(0)
    model, n = built(msg["model"], msg["parameters"])
    b = msg["batch"]
    if msg["model"] == "resnet8":
        x, y = torch.randn(b, 3, 32, 32), torch.arange(b) * 7 % 10
        loss = lambda: nn.functional.cross_entropy(model(x), y)
    else:
        users, items = torch.randint(0, 6040, (b,)), torch.randint(0, 3706, (b,))
        labels = torch.randint(0, 2, (b,)).float()
        loss = lambda: nn.functional.binary_cross_entropy_with_logits(model(users, items), labels)
    state["train"] = (torch.optim.Adam(model.parameters(), lr=1e-3), loss)
    return {"parameters": n}


def train_step(_msg):
    opt, loss = state["train"]
    t0 = time.perf_counter()
    opt.zero_grad()
    value = loss()
    value.backward()
    opt.step()
    return timed_reply(t0, value)


def peak_rss_mb():
    """This Python process's peak resident set (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_reply(t0, loss):
    """The reply of a timed training repetition started at t0: its ms and the peak RSS, if the last loss is finite."""
    ms = (time.perf_counter() - t0) * 1000
    if not torch.isfinite(loss):
        raise ValueError("loss is not finite")
    return {"ms": ms, "peakRssMb": peak_rss_mb()}


def cifar_subset(data_dir, n):
    """The recipe's data: the first n/10 images of each class of data_batch_1.bin (file order), as
    uint8 [n, 3, 32, 32] with labels, and the per-channel mean / population std of the whole file (0..1)."""
    raw = open(os.path.join(data_dir, "cifar10", "data_batch_1.bin"), "rb").read()
    rec = torch.frombuffer(bytearray(raw), dtype=torch.uint8).view(-1, 3073)
    labels, images = rec[:, 0].long(), rec[:, 1:].view(-1, 3, 32, 32)
    pixels = images.float().div(255).transpose(0, 1).reshape(3, -1)
    mean, std = pixels.mean(1), pixels.std(1, unbiased=False)
    picked, quota = [], [n // 10] * 10
    for k, c in enumerate(labels.tolist()):
        if quota[c] > 0:
            quota[c] -= 1
            picked.append(k)
        if len(picked) == n:
            break
    idx = torch.tensor(picked)
    return images[idx], labels[idx], mean.view(1, 3, 1, 1), std.view(1, 3, 1, 1)


def epoch_prepare(msg):
    torch.manual_seed(0)
    model, n = built("resnet8", msg["parameters"])
    images, labels, mean, std = cifar_subset(msg["dataDir"], msg["trainSize"])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    state["epoch"] = (model, opt, images, labels, mean, std, msg["batch"])
    return {"parameters": n, "steps": -(-len(labels) // msg["batch"])}


def augment(batch):
    """Zero-pad 4, random 32x32 crop, horizontal flip with p = 1/2 (torchvision's RandomCrop + RandomHorizontalFlip)."""
    b = batch.shape[0]
    padded = nn.functional.pad(batch, (4, 4, 4, 4))
    ox, oy = torch.randint(0, 9, (b,)).tolist(), torch.randint(0, 9, (b,)).tolist()
    out = torch.stack([padded[i, :, oy[i] : oy[i] + 32, ox[i] : ox[i] + 32] for i in range(b)])
    flip = torch.rand(b) < 0.5
    return torch.where(flip.view(b, 1, 1, 1), out.flip(3), out)


def epoch_run(_msg):
    model, opt, images, labels, mean, std, b = state["epoch"]
    t0 = time.perf_counter()
    order = torch.randperm(len(labels))
    for s in range(0, len(order), b):
        idx = order[s : s + b]
        x = (augment(images[idx]).float().div(255) - mean) / std
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(x), labels[idx])
        loss.backward()
        opt.step()
    return timed_reply(t0, loss)


HANDLERS = {
    "hello": lambda _m: {"torch": torch.__version__, "threads": torch.get_num_threads()},
    "prepare": prepare,
    "step": step,
    "train_prepare": train_prepare,
    "train_step": train_step,
    "epoch_prepare": epoch_prepare,
    "epoch_run": epoch_run,
}

for line in sys.stdin:
    msg = json.loads(line)
    if msg["cmd"] == "exit":
        break
    try:
        reply = HANDLERS[msg["cmd"]](msg)
    except Exception as e:  # reported to the bench, which records it as the workload's error
        reply = {"error": f"{type(e).__name__}: {e}"}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
