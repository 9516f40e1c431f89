;; nnlab's float64 matrix multiply in WebAssembly SIMD (f64x2), compiled by scripts/build-wasm.mjs
;; with wabt into src/np/kernels/generated/gemm-wasm.ts (two variants: this text, and the same with
;; a shared memory for the worker threads). kernels/wasm.ts drives it.
;;
;; C = op(A)·op(B), op = identity or transpose (BLAS's transa/transb), C row-major m×n.
;; Summation order, the same as every other kernel of nnlab (kernels/gemm.ts): k is cut into blocks
;; of KC = 256; within a block each C entry is summed left to right from +0 in one register lane;
;; block sums are added to C in block order (the first block's sum is stored, which equals 0 + sum).
;; Separate f64x2.mul and f64x2.add, never a fused multiply-add, so every step rounds as JS's
;; `c += a * b` does: the bits equal the JS kernels' bits for the same inputs.
;;
;; Layouts (all addresses are byte addresses into the one memory):
;;   packed A (per thread, one MC×KC block): panels of MR = 4 rows, kc steps each, step p holding
;;     A[i..i+3, p]: panel r at pa + 8·(r·4·kc), element (row t, step p) at + 8·(4p + t);
;;     rows past the matrix are zero.
;;   packed B (all of B, built once by pack_b, shareable between threads and calls): for each K
;;     block pc (kc deep), Q = ceil(n/4) panels of NR = 4 columns, step p holding B[p, j..j+3]:
;;     panel q of block pc at pb + 8·(pc·4Q + q·4·kc), element (step p, column t) at + 8·(4p + t);
;;     columns past the matrix are zero.
;; The micro-kernel therefore reads both operands with unit stride and has no edge cases; only
;; the store of an edge tile is clipped (through a 16-double scratch tile).
(module
  (import "env" "memory" (memory 1 65536))

  ;; ---------------------------------------------------------------- micro-kernel
  ;; The 4×4 tile of C at c (row stride ldc bytes): C = S (first) or C += S, where S is the sum
  ;; over kc ≥ 1 steps of (A panel column p)·(B panel row p). Eight f64x2 accumulators, row r
  ;; holding columns 0-1 ($cr0) and 2-3 ($cr1).
  (func $kernel (param $kc i32) (param $pa i32) (param $pb i32) (param $c i32) (param $ldc i32) (param $first i32)
    (local $end i32) (local $a v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $end (i32.add (local.get $pa) (i32.shl (local.get $kc) (i32.const 5))))
    ;; Two steps per trip, the second behind its own test (is there a step p+1?): V8 hoists a
    ;; block's loads to its start, so two steps in one block would load 12 operands at once and
    ;; spill; the branch keeps each step's loads in its own block, and the trip's overhead (V8's
    ;; stack check, the pointer updates, the loop branch) is paid once per two steps (about 10 %
    ;; faster, bench/matmul.mjs). Each accumulator still adds step p, then p + 1: the same order.
    (loop $steps
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      (local.set $a (v128.load64_splat (local.get $pa)))
      (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a) (local.get $b0))))
      (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a) (local.get $b1))))
      (local.set $a (v128.load64_splat offset=8 (local.get $pa)))
      (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a) (local.get $b0))))
      (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a) (local.get $b1))))
      (local.set $a (v128.load64_splat offset=16 (local.get $pa)))
      (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a) (local.get $b0))))
      (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a) (local.get $b1))))
      (local.set $a (v128.load64_splat offset=24 (local.get $pa)))
      (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a) (local.get $b0))))
      (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a) (local.get $b1))))
      (if (i32.lt_u (i32.add (local.get $pa) (i32.const 32)) (local.get $end))
        (then
          (local.set $b0 (v128.load offset=32 (local.get $pb)))
          (local.set $b1 (v128.load offset=48 (local.get $pb)))
          (local.set $a (v128.load64_splat offset=32 (local.get $pa)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=40 (local.get $pa)))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=48 (local.get $pa)))
          (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a) (local.get $b1))))
          (local.set $a (v128.load64_splat offset=56 (local.get $pa)))
          (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a) (local.get $b0))))
          (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a) (local.get $b1))))))
      (local.set $pa (i32.add (local.get $pa) (i32.const 64)))
      (local.set $pb (i32.add (local.get $pb) (i32.const 64)))
      (br_if $steps (i32.lt_u (local.get $pa) (local.get $end))))
    (if (i32.eqz (local.get $first))
      (then
        (local.set $c00 (f64x2.add (v128.load (local.get $c)) (local.get $c00)))
        (local.set $c01 (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c01)))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (if (i32.eqz (local.get $first))
      (then
        (local.set $c10 (f64x2.add (v128.load (local.get $c)) (local.get $c10)))
        (local.set $c11 (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c11)))))
    (v128.store (local.get $c) (local.get $c10))
    (v128.store offset=16 (local.get $c) (local.get $c11))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (if (i32.eqz (local.get $first))
      (then
        (local.set $c20 (f64x2.add (v128.load (local.get $c)) (local.get $c20)))
        (local.set $c21 (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c21)))))
    (v128.store (local.get $c) (local.get $c20))
    (v128.store offset=16 (local.get $c) (local.get $c21))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (if (i32.eqz (local.get $first))
      (then
        (local.set $c30 (f64x2.add (v128.load (local.get $c)) (local.get $c30)))
        (local.set $c31 (f64x2.add (v128.load offset=16 (local.get $c)) (local.get $c31)))))
    (v128.store (local.get $c) (local.get $c30))
    (v128.store offset=16 (local.get $c) (local.get $c31)))

  ;; ---------------------------------------------------------------- packing one panel
  ;; Every packer writes kc steps of 4 doubles at dst; element (step p, lane t) of the source is
  ;; at src + p·sp + t·st (byte strides). Lanes t ≥ cnt are zero (edge panels).

  ;; Lanes contiguous (st = 8), all 4 present: each step is a 32-byte copy.
  (func $pack_contiguous (param $src i32) (param $sp i32) (param $kc i32) (param $dst i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $kc) (i32.const 5))))
    (loop $steps
      (v128.store (local.get $dst) (v128.load (local.get $src)))
      (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $src)))
      (local.set $src (i32.add (local.get $src) (local.get $sp)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
      (br_if $steps (i32.lt_u (local.get $dst) (local.get $end)))))

  ;; Steps contiguous (sp = 8), all 4 lanes present: 4 source rows read two steps at a time and
  ;; transposed in registers (2×2 blocks of doubles), then an odd last step alone.
  (func $pack_rows (param $src i32) (param $st i32) (param $kc i32) (param $dst i32)
    (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $end i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local.set $r1 (i32.add (local.get $src) (local.get $st)))
    (local.set $r2 (i32.add (local.get $r1) (local.get $st)))
    (local.set $r3 (i32.add (local.get $r2) (local.get $st)))
    (local.set $end (i32.add (local.get $dst) (i32.shl (i32.and (local.get $kc) (i32.const -2)) (i32.const 5))))
    (if (i32.lt_u (local.get $dst) (local.get $end))
      (then
        (loop $pairs
          (local.set $x0 (v128.load (local.get $src)))
          (local.set $x1 (v128.load (local.get $r1)))
          (local.set $x2 (v128.load (local.get $r2)))
          (local.set $x3 (v128.load (local.get $r3)))
          ;; step p: (x0[0], x1[0]), (x2[0], x3[0]); step p+1: (x0[1], x1[1]), (x2[1], x3[1])
          (v128.store (local.get $dst)
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1)))
          (v128.store offset=16 (local.get $dst)
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x2) (local.get $x3)))
          (v128.store offset=32 (local.get $dst)
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1)))
          (v128.store offset=48 (local.get $dst)
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x2) (local.get $x3)))
          (local.set $src (i32.add (local.get $src) (i32.const 16)))
          (local.set $r1 (i32.add (local.get $r1) (i32.const 16)))
          (local.set $r2 (i32.add (local.get $r2) (i32.const 16)))
          (local.set $r3 (i32.add (local.get $r3) (i32.const 16)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
          (br_if $pairs (i32.lt_u (local.get $dst) (local.get $end))))))
    (if (i32.and (local.get $kc) (i32.const 1))
      (then
        (f64.store (local.get $dst) (f64.load (local.get $src)))
        (f64.store offset=8 (local.get $dst) (f64.load (local.get $r1)))
        (f64.store offset=16 (local.get $dst) (f64.load (local.get $r2)))
        (f64.store offset=24 (local.get $dst) (f64.load (local.get $r3))))))

  ;; Any strides and 1 ≤ cnt ≤ 4 lanes, the rest zero: the edge panels.
  (func $pack_edge (param $src i32) (param $sp i32) (param $st i32) (param $cnt i32) (param $kc i32) (param $dst i32)
    (local $p i32) (local $t i32) (local $s i32)
    (loop $steps
      (local.set $s (local.get $src))
      (local.set $t (i32.const 0))
      (loop $lanes
        (f64.store (local.get $dst)
          (select (f64.load (local.get $s)) (f64.const 0) (i32.lt_u (local.get $t) (local.get $cnt))))
        (local.set $s (select (i32.add (local.get $s) (local.get $st)) (local.get $s)
          (i32.lt_u (i32.add (local.get $t) (i32.const 1)) (local.get $cnt))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br_if $lanes (i32.lt_u (local.get $t) (i32.const 4))))
      (local.set $src (i32.add (local.get $src) (local.get $sp)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $steps (i32.lt_u (local.get $p) (local.get $kc)))))

  ;; One panel: picks the packer for the strides and the lane count.
  (func $pack_panel (param $src i32) (param $sp i32) (param $st i32) (param $cnt i32) (param $kc i32) (param $dst i32)
    (if (i32.lt_u (local.get $cnt) (i32.const 4))
      (then (call $pack_edge (local.get $src) (local.get $sp) (local.get $st) (local.get $cnt) (local.get $kc) (local.get $dst)))
      (else
        (if (i32.eq (local.get $st) (i32.const 8))
          (then (call $pack_contiguous (local.get $src) (local.get $sp) (local.get $kc) (local.get $dst)))
          (else
            (if (i32.eq (local.get $sp) (i32.const 8))
              (then (call $pack_rows (local.get $src) (local.get $st) (local.get $kc) (local.get $dst)))
              (else (call $pack_edge (local.get $src) (local.get $sp) (local.get $st) (i32.const 4) (local.get $kc) (local.get $dst)))))))))

  ;; ---------------------------------------------------------------- packing B
  ;; Panels q0 ≤ q < q1 (columns 4q..4q+3) of op(B) (k×n), every K block, into the packed-B
  ;; layout at dst. op(B)[p, j] is at b + 8·(p·ldb + j), or + 8·(j·ldb + p) when tb ≠ 0.
  ;; Threads pack disjoint panel ranges of one buffer.
  (func (export "pack_b") (param $b i32) (param $ldb i32) (param $tb i32) (param $k i32) (param $n i32)
      (param $q0 i32) (param $q1 i32) (param $dst i32)
    (local $pc i32) (local $kc i32) (local $q i32) (local $j i32) (local $w i32)
    (local $sp i32) (local $st i32) (local $row4 i32)
    (if (i32.ge_u (local.get $q0) (local.get $q1)) (then (return)))
    (if (local.get $tb)
      (then (local.set $sp (i32.const 8)) (local.set $st (i32.shl (local.get $ldb) (i32.const 3))))
      (else (local.set $sp (i32.shl (local.get $ldb) (i32.const 3))) (local.set $st (i32.const 8))))
    ;; bytes of one K step across all panels: 4·Q doubles
    (local.set $row4 (i32.shl (i32.shr_u (i32.add (local.get $n) (i32.const 3)) (i32.const 2)) (i32.const 5)))
    (loop $blocks
      (local.set $kc (select (i32.const 256) (i32.sub (local.get $k) (local.get $pc))
        (i32.gt_u (i32.sub (local.get $k) (local.get $pc)) (i32.const 256))))
      (local.set $q (local.get $q0))
      (loop $panels
        (local.set $j (i32.shl (local.get $q) (i32.const 2)))
        (local.set $w (select (i32.const 4) (i32.sub (local.get $n) (local.get $j))
          (i32.gt_u (i32.sub (local.get $n) (local.get $j)) (i32.const 4))))
        (call $pack_panel
          (i32.add (local.get $b)
            (i32.add (i32.mul (local.get $pc) (local.get $sp)) (i32.mul (local.get $j) (local.get $st))))
          (local.get $sp) (local.get $st) (local.get $w) (local.get $kc)
          (i32.add (local.get $dst)
            (i32.add (i32.mul (local.get $pc) (local.get $row4)) (i32.shl (i32.mul (local.get $q) (local.get $kc)) (i32.const 5)))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br_if $panels (i32.lt_u (local.get $q) (local.get $q1))))
      (local.set $pc (i32.add (local.get $pc) (i32.const 256)))
      (br_if $blocks (i32.lt_u (local.get $pc) (local.get $k)))))

  ;; ---------------------------------------------------------------- small products
  ;; C = op(A)·B for small products, B (k×n, row stride ldb) read in place: no packing, which for
  ;; them costs more than it saves. Needs m ≥ 2 and n ≥ 8. Tiles of 2 rows × 8 columns, eight
  ;; accumulators; the last row pair and column octet are shifted back to end at the edge, so they
  ;; overlap their neighbours and recompute a few entries (same order, same values: each tile
  ;; stores its first K block and adds the others, so a recomputed entry ends where it was).
  (func (export "gemm_small") (param $m i32) (param $n i32) (param $k i32)
      (param $a i32) (param $lda i32) (param $ta i32) (param $b i32) (param $ldb i32) (param $c i32)
    (local $i0 i32) (local $i i32) (local $j0 i32) (local $j i32) (local $pc i32) (local $kc i32)
    (local $sp i32) (local $st i32) (local $ldbb i32) (local $ldcb i32) (local $bq i32) (local $sp2 i32) (local $ldbb2 i32)
    (local $ap i32) (local $aq i32) (local $bp i32) (local $end i32) (local $cp i32) (local $first i32)
    (local $x v128) (local $y v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    ;; op(A)[i, p] at a + i·st + p·sp
    (if (local.get $ta)
      (then (local.set $sp (i32.shl (local.get $lda) (i32.const 3))) (local.set $st (i32.const 8)))
      (else (local.set $sp (i32.const 8)) (local.set $st (i32.shl (local.get $lda) (i32.const 3)))))
    (local.set $ldbb (i32.shl (local.get $ldb) (i32.const 3)))
    (local.set $ldcb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $sp2 (i32.shl (local.get $sp) (i32.const 1)))
    (local.set $ldbb2 (i32.shl (local.get $ldbb) (i32.const 1)))
    (loop $rows
      (local.set $i (select (local.get $i0) (i32.sub (local.get $m) (i32.const 2))
        (i32.le_u (i32.add (local.get $i0) (i32.const 2)) (local.get $m))))
      (local.set $j0 (i32.const 0))
      (loop $cols
        (local.set $j (select (local.get $j0) (i32.sub (local.get $n) (i32.const 8))
          (i32.le_u (i32.add (local.get $j0) (i32.const 8)) (local.get $n))))
        (local.set $pc (i32.const 0))
        (local.set $first (i32.const 1))
        (loop $blocks
          (local.set $kc (select (i32.const 256) (i32.sub (local.get $k) (local.get $pc))
            (i32.gt_u (i32.sub (local.get $k) (local.get $pc)) (i32.const 256))))
          (local.set $c00 (v128.const i64x2 0 0)) (local.set $c01 (v128.const i64x2 0 0))
          (local.set $c02 (v128.const i64x2 0 0)) (local.set $c03 (v128.const i64x2 0 0))
          (local.set $c10 (v128.const i64x2 0 0)) (local.set $c11 (v128.const i64x2 0 0))
          (local.set $c12 (v128.const i64x2 0 0)) (local.set $c13 (v128.const i64x2 0 0))
          (local.set $ap (i32.add (local.get $a)
            (i32.add (i32.mul (local.get $i) (local.get $st)) (i32.mul (local.get $pc) (local.get $sp)))))
          (local.set $aq (i32.add (local.get $ap) (local.get $st)))
          (local.set $bp (i32.add (local.get $b)
            (i32.shl (i32.add (i32.mul (local.get $pc) (local.get $ldb)) (local.get $j)) (i32.const 3))))
          (local.set $end (i32.add (local.get $bp) (i32.mul (local.get $kc) (local.get $ldbb))))
          ;; two steps per trip, the second behind its own test, as in $kernel
          (loop $steps
            (local.set $b0 (v128.load (local.get $bp)))
            (local.set $b1 (v128.load offset=16 (local.get $bp)))
            (local.set $b2 (v128.load offset=32 (local.get $bp)))
            (local.set $b3 (v128.load offset=48 (local.get $bp)))
            (local.set $x (v128.load64_splat (local.get $ap)))
            (local.set $y (v128.load64_splat (local.get $aq)))
            (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x) (local.get $b2))))
            (local.set $c03 (f64x2.add (local.get $c03) (f64x2.mul (local.get $x) (local.get $b3))))
            (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $y) (local.get $b0))))
            (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $y) (local.get $b1))))
            (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $y) (local.get $b2))))
            (local.set $c13 (f64x2.add (local.get $c13) (f64x2.mul (local.get $y) (local.get $b3))))
            (if (i32.lt_u (i32.add (local.get $bp) (local.get $ldbb)) (local.get $end))
              (then
                (local.set $bq (i32.add (local.get $bp) (local.get $ldbb)))
                (local.set $b0 (v128.load (local.get $bq)))
                (local.set $b1 (v128.load offset=16 (local.get $bq)))
                (local.set $b2 (v128.load offset=32 (local.get $bq)))
                (local.set $b3 (v128.load offset=48 (local.get $bq)))
                (local.set $x (v128.load64_splat (i32.add (local.get $ap) (local.get $sp))))
                (local.set $y (v128.load64_splat (i32.add (local.get $aq) (local.get $sp))))
                (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x) (local.get $b2))))
                (local.set $c03 (f64x2.add (local.get $c03) (f64x2.mul (local.get $x) (local.get $b3))))
                (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $y) (local.get $b0))))
                (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $y) (local.get $b1))))
                (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $y) (local.get $b2))))
                (local.set $c13 (f64x2.add (local.get $c13) (f64x2.mul (local.get $y) (local.get $b3))))))
            (local.set $ap (i32.add (local.get $ap) (local.get $sp2)))
            (local.set $aq (i32.add (local.get $aq) (local.get $sp2)))
            (local.set $bp (i32.add (local.get $bp) (local.get $ldbb2)))
            (br_if $steps (i32.lt_u (local.get $bp) (local.get $end))))
          (local.set $cp (i32.add (local.get $c)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))))
          (if (i32.eqz (local.get $first))
            (then
              (local.set $c00 (f64x2.add (v128.load (local.get $cp)) (local.get $c00)))
              (local.set $c01 (f64x2.add (v128.load offset=16 (local.get $cp)) (local.get $c01)))
              (local.set $c02 (f64x2.add (v128.load offset=32 (local.get $cp)) (local.get $c02)))
              (local.set $c03 (f64x2.add (v128.load offset=48 (local.get $cp)) (local.get $c03)))))
          (v128.store (local.get $cp) (local.get $c00))
          (v128.store offset=16 (local.get $cp) (local.get $c01))
          (v128.store offset=32 (local.get $cp) (local.get $c02))
          (v128.store offset=48 (local.get $cp) (local.get $c03))
          (local.set $cp (i32.add (local.get $cp) (local.get $ldcb)))
          (if (i32.eqz (local.get $first))
            (then
              (local.set $c10 (f64x2.add (v128.load (local.get $cp)) (local.get $c10)))
              (local.set $c11 (f64x2.add (v128.load offset=16 (local.get $cp)) (local.get $c11)))
              (local.set $c12 (f64x2.add (v128.load offset=32 (local.get $cp)) (local.get $c12)))
              (local.set $c13 (f64x2.add (v128.load offset=48 (local.get $cp)) (local.get $c13)))))
          (v128.store (local.get $cp) (local.get $c10))
          (v128.store offset=16 (local.get $cp) (local.get $c11))
          (v128.store offset=32 (local.get $cp) (local.get $c12))
          (v128.store offset=48 (local.get $cp) (local.get $c13))
          (local.set $first (i32.const 0))
          (local.set $pc (i32.add (local.get $pc) (i32.const 256)))
          (br_if $blocks (i32.lt_u (local.get $pc) (local.get $k))))
        (local.set $j0 (i32.add (local.get $j0) (i32.const 8)))
        (br_if $cols (i32.lt_u (local.get $j0) (local.get $n))))
      (local.set $i0 (i32.add (local.get $i0) (i32.const 2)))
      (br_if $rows (i32.lt_u (local.get $i0) (local.get $m)))))

  ;; ---------------------------------------------------------------- the product
  ;; Rows i0 ≤ i < i1 and panels q0 ≤ q < q1 of C = op(A)·B̃, B̃ packed by pack_b at pb. op(A)[i, p]
  ;; is at a + 8·(i·lda + p), or + 8·(p·lda + i) when ta ≠ 0. C[i, j] is at c + 8·(i·ldc + j).
  ;; pa is this thread's A buffer (mcmax·256 doubles), edge its 16-double scratch tile. apk ≥ 0:
;; op(A) is already packed there, whole, in pack_b's layout for op(A)ᵀ (pack_b with the transpose
;; flag flipped and n = m: for each K block, 4-row panels, step p holding A[i..i+3, p]), shared by
;; every chunk of a product split by columns, which then packs nothing; apk < 0: each row block of
;; A is packed into pa as it is needed. Loops:
  ;; K blocks (in order: the summation order), blocks of ncq column panels (a K block of them
  ;; stays in cache while all of A meets it), row blocks of mcmax (A block packed, kept in L2),
  ;; B panels (one panel, 8 KiB, stays in L1), A panels.
  (func (export "gemm") (param $m i32) (param $n i32) (param $k i32)
      (param $a i32) (param $lda i32) (param $ta i32) (param $pb i32) (param $c i32) (param $ldc i32)
      (param $i0 i32) (param $i1 i32) (param $q0 i32) (param $q1 i32) (param $mcmax i32) (param $ncq i32)
      (param $pa i32) (param $edge i32) (param $apk i32)
    (local $qb i32) (local $pac i32) (local $rowa4 i32) (local $qe i32) (local $pc i32) (local $kc i32) (local $ic i32) (local $mc i32) (local $ir i32) (local $h i32)
    (local $q i32) (local $j i32) (local $w i32) (local $first i32)
    (local $sp i32) (local $st i32) (local $row4 i32) (local $ldcb i32)
    (local $bp i32) (local $cp i32) (local $r i32) (local $t i32) (local $x i32) (local $y i32)
    (if (i32.or (i32.ge_u (local.get $i0) (local.get $i1)) (i32.ge_u (local.get $q0) (local.get $q1))) (then (return)))
    (if (local.get $ta)
      (then (local.set $sp (i32.shl (local.get $lda) (i32.const 3))) (local.set $st (i32.const 8)))
      (else (local.set $sp (i32.const 8)) (local.set $st (i32.shl (local.get $lda) (i32.const 3)))))
    (local.set $row4 (i32.shl (i32.shr_u (i32.add (local.get $n) (i32.const 3)) (i32.const 2)) (i32.const 5)))
    (local.set $rowa4 (i32.shl (i32.shr_u (i32.add (local.get $m) (i32.const 3)) (i32.const 2)) (i32.const 5)))
    (local.set $ldcb (i32.shl (local.get $ldc) (i32.const 3)))
    (local.set $first (i32.const 1))
    (local.set $pac (local.get $pa))
    (loop $blocks
      (local.set $kc (select (i32.const 256) (i32.sub (local.get $k) (local.get $pc))
        (i32.gt_u (i32.sub (local.get $k) (local.get $pc)) (i32.const 256))))
      (local.set $qb (local.get $q0))
      (loop $colblocks
      (local.set $qe (select (local.get $q1) (i32.add (local.get $qb) (local.get $ncq))
        (i32.le_u (i32.sub (local.get $q1) (local.get $qb)) (local.get $ncq))))
      (local.set $ic (local.get $i0))
      (loop $rowblocks
        (local.set $mc (select (local.get $mcmax) (i32.sub (local.get $i1) (local.get $ic))
          (i32.gt_u (i32.sub (local.get $i1) (local.get $ic)) (local.get $mcmax))))
        ;; pack op(A)[ic:ic+mc, pc:pc+kc], or find it packed (ic is a multiple of 4)
        (if (i32.ge_s (local.get $apk) (i32.const 0))
          (then
            (local.set $pac (i32.add (local.get $apk)
              (i32.add (i32.mul (local.get $pc) (local.get $rowa4)) (i32.shl (i32.mul (local.get $ic) (local.get $kc)) (i32.const 3))))))
          (else
        (local.set $ir (i32.const 0))
        (loop $apanels
          (local.set $h (select (i32.const 4) (i32.sub (local.get $mc) (local.get $ir))
            (i32.gt_u (i32.sub (local.get $mc) (local.get $ir)) (i32.const 4))))
          (call $pack_panel
            (i32.add (local.get $a)
              (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $st)) (i32.mul (local.get $pc) (local.get $sp))))
            (local.get $sp) (local.get $st) (local.get $h) (local.get $kc)
            (i32.add (local.get $pa) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 3))))
          (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
          (br_if $apanels (i32.lt_u (local.get $ir) (local.get $mc))))))
        ;; the tiles
        (local.set $q (local.get $qb))
        (loop $bpanels
          (local.set $j (i32.shl (local.get $q) (i32.const 2)))
          (local.set $w (select (i32.const 4) (i32.sub (local.get $n) (local.get $j))
            (i32.gt_u (i32.sub (local.get $n) (local.get $j)) (i32.const 4))))
          (local.set $bp (i32.add (local.get $pb)
            (i32.add (i32.mul (local.get $pc) (local.get $row4)) (i32.shl (i32.mul (local.get $q) (local.get $kc)) (i32.const 5)))))
          (local.set $ir (i32.const 0))
          (loop $tiles
            (local.set $h (select (i32.const 4) (i32.sub (local.get $mc) (local.get $ir))
              (i32.gt_u (i32.sub (local.get $mc) (local.get $ir)) (i32.const 4))))
            (local.set $cp (i32.add (local.get $c)
              (i32.shl (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $ldc)) (local.get $j)) (i32.const 3))))
            (if (i32.and (i32.eq (local.get $h) (i32.const 4)) (i32.eq (local.get $w) (i32.const 4)))
              (then
                (call $kernel (local.get $kc)
                  (i32.add (local.get $pac) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 3)))
                  (local.get $bp) (local.get $cp) (local.get $ldcb) (local.get $first)))
              (else
                ;; edge tile: the full 4×4 sum into the scratch tile, then the h×w part into C
                (call $kernel (local.get $kc)
                  (i32.add (local.get $pac) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 3)))
                  (local.get $bp) (local.get $edge) (i32.const 32) (i32.const 1))
                (local.set $r (i32.const 0))
                (loop $erows
                  (local.set $t (i32.const 0))
                  (loop $ecols
                    (local.set $x (i32.add (local.get $cp)
                      (i32.shl (i32.add (i32.mul (local.get $r) (local.get $ldc)) (local.get $t)) (i32.const 3))))
                    (local.set $y (i32.add (local.get $edge) (i32.shl (i32.add (i32.shl (local.get $r) (i32.const 2)) (local.get $t)) (i32.const 3))))
                    (if (local.get $first)
                      (then (f64.store (local.get $x) (f64.load (local.get $y))))
                      (else (f64.store (local.get $x) (f64.add (f64.load (local.get $x)) (f64.load (local.get $y))))))
                    (local.set $t (i32.add (local.get $t) (i32.const 1)))
                    (br_if $ecols (i32.lt_u (local.get $t) (local.get $w))))
                  (local.set $r (i32.add (local.get $r) (i32.const 1)))
                  (br_if $erows (i32.lt_u (local.get $r) (local.get $h))))))
            (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
            (br_if $tiles (i32.lt_u (local.get $ir) (local.get $mc))))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br_if $bpanels (i32.lt_u (local.get $q) (local.get $qe))))
        (local.set $ic (i32.add (local.get $ic) (local.get $mc)))
        (br_if $rowblocks (i32.lt_u (local.get $ic) (local.get $i1))))
      (local.set $qb (local.get $qe))
      (br_if $colblocks (i32.lt_u (local.get $qb) (local.get $q1))))
      (local.set $first (i32.const 0))
      (local.set $pc (i32.add (local.get $pc) (i32.const 256)))
      (br_if $blocks (i32.lt_u (local.get $pc) (local.get $k)))))
)
