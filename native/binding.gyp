{
  # nnlab's native gemm kernel (native/gemm.c), built by scripts/build-native.mjs with node-gyp.
  # -ffp-contract=off: never fuse a multiply and an add (the bits must equal the other kernels').
  "targets": [
    {
      "target_name": "nnlab_gemm",
      "sources": ["gemm.c"],
      "cflags": ["-O3", "-std=c11", "-D_GNU_SOURCE", "-ffp-contract=off", "-fno-fast-math", "-Wall", "-Wextra", "-Wno-psabi", "-pthread"],
      "ldflags": ["-pthread"],
      "xcode_settings": {
        "OTHER_CFLAGS": ["-O3", "-std=c11", "-ffp-contract=off", "-fno-fast-math"]
      }
    }
  ]
}
