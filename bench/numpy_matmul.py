#!/usr/bin/python3
"""numpy side of bench/matmul.mjs: median seconds per np.dot call for each shape.

Reads {"shapes": [[m, k, n], ...], "minSeconds": {"big": s, "small": s}, "bigFlop": f} on stdin
and prints JSON {"numpy", "blas": {...}, "seconds": [...]}. Timing follows bench/harness.mjs's
timeIt: 3 warm-up calls, then calls until the time budget has passed (at least 5), median.
numpy keeps its default BLAS threading; the BLAS library and its thread count are reported.
"""
import ctypes
import json
import sys
import time

import numpy as np


def blas_info():
    """The OpenBLAS numpy loaded (found in this process's memory map), its threads and kernel."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line}
    except OSError:
        paths = set()
    for path in sorted(paths, key=lambda p: "libopenblas" not in p):  # the real file before aliases
        lib = ctypes.CDLL(path)
        if hasattr(lib, "openblas_get_num_threads"):
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return {
                "library": path,
                "threads": lib.openblas_get_num_threads(),
                "core": lib.openblas_get_corename().decode(),
            }
    return {"library": "not OpenBLAS (or not found)", "threads": None, "core": None}


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


def main():
    req = json.load(sys.stdin)
    rng = np.random.RandomState(0)
    seconds = []
    for m, k, n in req["shapes"]:
        a, b = rng.rand(m, k), rng.rand(k, n)
        big = 2 * m * k * n >= req["bigFlop"]
        seconds.append(median_seconds(lambda: np.dot(a, b), req["minSeconds"]["big" if big else "small"]))
    json.dump({"numpy": np.__version__, "blas": blas_info(), "seconds": seconds}, sys.stdout)


main()
