"""Which BLAS this process's numpy runs on, and with how many threads: shared by the benches'
Python sides (bench/numpy_matmul.py, bench/labs_numpy.py), which print it beside their figures."""
import ctypes


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
    # not OpenBLAS: name whatever BLAS is mapped (Debian's reference libblas without libopenblas0)
    try:
        with open("/proc/self/maps") as f:
            others = sorted({line.split()[-1] for line in f if "blas" in line.lower() and ".so" in line})
    except OSError:
        others = []
    return {"library": "not OpenBLAS: " + (", ".join(others) or "no BLAS found"), "threads": 1, "core": None}
