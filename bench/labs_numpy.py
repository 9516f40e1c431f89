#!/usr/bin/python3
"""numpy side of bench/labs.mjs: the labs' nn_model and L_layer_model as tests/fixtures/gen_labs.py
writes them (the reference the fixtures come from), timed on the inputs bench/labs.mjs uses.

Speaks JSON lines on stdin/stdout: the first line is the inputs, {"planar": {"X", "Y", "n_h",
"iterations"}, "deep": {"layers", "m", "iterations", "learning_rate"}}, answered with {"numpy",
"blas"}; then each line {"workload": "planar" | "deep", "runs": R} is answered with {"seconds",
"cost"}: one short warm-up run, then the median of R runs. bench/labs.mjs so puts every nnlab run
beside a numpy run made just before it.
"""
import contextlib
import io
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures"))
from gen_labs import deep, shallow  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blas_info import blas_info  # noqa: E402


def median_run(fn, warm, runs):
    """(median seconds, last result) with the labs' progress prints silenced."""
    with contextlib.redirect_stdout(io.StringIO()):
        warm()
        times, out = [], None
        for _ in range(runs):
            t0 = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t0)
    return float(np.median(times)), out


class Labs:
    """The two workloads on the inputs bench/labs.mjs sends."""

    def __init__(self, req):
        p, d = req["planar"], req["deep"]
        self.p, self.d = p, d
        self.Xp = np.array(p["X"]).reshape(2, -1)
        self.Yp = np.array(p["Y"]).reshape(1, -1)
        np.random.seed(0)
        self.Xd = np.random.rand(12288, d["m"])
        self.Yd = (np.random.rand(1, d["m"]) > 0.65).astype(np.float64)

    def planar(self, runs):
        p, X, Y = self.p, self.Xp, self.Yp
        seconds, params = median_run(lambda: shallow.nn_model(X, Y, p["n_h"], p["iterations"]),
                                     lambda: shallow.nn_model(X, Y, p["n_h"], 100), runs)
        return {"seconds": seconds, "cost": shallow.compute_cost(shallow.forward_propagation(X, params)[0], Y)}

    def deep(self, runs):
        d, X, Y = self.d, self.Xd, self.Yd
        seconds, (params, _) = median_run(
            lambda: deep.L_layer_model(X, Y, d["layers"], d["learning_rate"], d["iterations"]),
            lambda: deep.L_layer_model(X, Y, d["layers"], d["learning_rate"], 2), runs)
        return {"seconds": seconds, "cost": deep.compute_cost(deep.L_model_forward(X, params)[0], Y)}


def answer(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    labs = Labs(json.loads(sys.stdin.readline()))
    answer({"numpy": np.__version__, "blas": blas_info()})
    for line in sys.stdin:
        req = json.loads(line)
        answer(getattr(labs, req["workload"])(req["runs"]))


main()
