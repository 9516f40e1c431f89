#!/usr/bin/python3
"""numpy side of bench/matmul.mjs: median seconds per np.dot call for each shape.

Reads {"shapes": [[m, k, n], ...], "minSeconds": {"big": s, "small": s}, "bigFlop": f} on stdin
and prints JSON {"numpy", "blas": {...}, "seconds": [...], "outSeconds": [...], "meanSeconds": [...]}:
outSeconds times np.dot(a, b, out=c) into one preallocated c, meanSeconds is the mean per call of
np.dot(a, b) back to back in a loop (both for small shapes only; null for big ones). Timing follows bench/harness.mjs's
timeIt: 3 warm-up calls, then calls until the time budget has passed (at least 5), median;
meanSeconds follows its meanPerCall.
numpy keeps its default BLAS threading; the BLAS library and its thread count are reported.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blas_info import blas_info  # noqa: E402


def median_seconds(fn, min_seconds, warmup=3, min_calls=5):
    for _ in range(warmup):
        fn()
    times = []
    start = time.perf_counter()
    while len(times) < min_calls or time.perf_counter() - start < min_seconds:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    mid = len(times) // 2
    return times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) / 2


def mean_seconds(fn, min_seconds, warmup=1000, batch=1000):
    """Mean seconds per call, back to back in batches (bench/harness.mjs's meanPerCall)."""
    for _ in range(warmup):
        fn()
    calls = 0
    start = time.perf_counter()
    elapsed = 0.0
    while elapsed < min_seconds:
        for _ in range(batch):
            fn()
        calls += batch
        elapsed = time.perf_counter() - start
    return elapsed / calls


def main():
    req = json.load(sys.stdin)
    rng = np.random.RandomState(0)
    seconds, out_seconds, mean = [], [], []
    for m, k, n in req["shapes"]:
        a, b = rng.rand(m, k), rng.rand(k, n)
        big = 2 * m * k * n >= req["bigFlop"]
        budget = req["minSeconds"]["big" if big else "small"]
        seconds.append(median_seconds(lambda: np.dot(a, b), budget))
        c = np.empty((m, n))
        out_seconds.append(None if big else median_seconds(lambda: np.dot(a, b, out=c), budget))
        mean.append(None if big else mean_seconds(lambda: np.dot(a, b), budget))
    json.dump({"numpy": np.__version__, "blas": blas_info(), "seconds": seconds, "outSeconds": out_seconds, "meanSeconds": mean},
              sys.stdout)


main()
