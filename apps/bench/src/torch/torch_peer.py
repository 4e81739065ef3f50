"""PyTorch as a peer of `pnpm bench`: one optimizer step at a time, timed here, on one thread.

Reads one JSON command per line on stdin and answers one JSON line on stdout:
  {"cmd": "hello"}                                   -> {"torch": version, "threads": n}
  {"cmd": "prepare", "shapes": [[...], ...], "optimizer": "Adam", "kwargs": {...}}
                                                     -> {"parameters": n}
  {"cmd": "step"}                                    -> {"ms": time of optimizer.step()}
  {"cmd": "exit"}
Errors answer {"error": message}. Gradients are fixed, uniform in [-0.01, 0.01), as gapkit's.
"""
import json
import sys
import time

import torch

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


HANDLERS = {
    "hello": lambda _m: {"torch": torch.__version__, "threads": torch.get_num_threads()},
    "prepare": prepare,
    "step": step,
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
