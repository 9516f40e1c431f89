#!/usr/bin/python3
"""numpy side of bench/labs.mjs: the labs' nn_model and L_layer_model as tests/fixtures/gen_labs.py
writes them (the reference the fixtures come from), timed on the inputs bench/labs.mjs uses.

Reads {"planar": {"X", "Y", "n_h", "iterations", "runs"}, "deep": {"layers", "m", "iterations", "runs",
"learning_rate"}} on stdin; prints JSON {"numpy", "planar": {"seconds", "cost"}, "deep": {...}}.
Timing as bench/labs.mjs: one short warm-up run, then the median of `runs` runs.
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


def main():
    req = json.load(sys.stdin)
    p = req["planar"]
    X = np.array(p["X"]).reshape(2, -1)
    Y = np.array(p["Y"]).reshape(1, -1)
    seconds, params = median_run(lambda: shallow.nn_model(X, Y, p["n_h"], p["iterations"]),
                                 lambda: shallow.nn_model(X, Y, p["n_h"], 100), p["runs"])
    planar = {"seconds": seconds, "cost": shallow.compute_cost(shallow.forward_propagation(X, params)[0], Y)}

    d = req["deep"]
    np.random.seed(0)
    X = np.random.rand(12288, d["m"])
    Y = (np.random.rand(1, d["m"]) > 0.65).astype(np.float64)
    seconds, (params, _) = median_run(
        lambda: deep.L_layer_model(X, Y, d["layers"], d["learning_rate"], d["iterations"]),
        lambda: deep.L_layer_model(X, Y, d["layers"], d["learning_rate"], 2), d["runs"])
    deep_result = {"seconds": seconds, "cost": deep.compute_cost(deep.L_model_forward(X, params)[0], Y)}
    json.dump({"numpy": np.__version__, "blas": blas_info(), "planar": planar, "deep": deep_result}, sys.stdout)


main()
