/* The compute loops of native/gemm.c, included once per instruction set: gemm.c defines SUFFIX
 * (and, for the x86 AVX2 copy, a target pragma: GCC's or clang's) before each inclusion, so every function
 * here, the inlined helpers among them, is compiled for that instruction set under its own name.
 * Needs gemm.c's Job, packA/packB, MR, NR, KC, MC, NC. */
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define K(name) CAT(name, SUFFIX)
#define INLINE static inline __attribute__((always_inline))

INLINE v4d K(loadu)(const double *p) {
  v4d v;
  memcpy(&v, p, sizeof v);
  return v;
}
INLINE void K(storeu)(double *p, v4d v) { memcpy(p, &v, sizeof v); }
/* The tallest tile: 6 rows of two 4-double accumulators (12 of AVX2's 16 registers), or with
 * AVX-512 (32 registers) 8 rows of one 8-double accumulator. */
#ifdef TILE_V8
#define TILE_MAX 8
#else
#define TILE_MAX MR
#endif

#ifdef TILE_V8
INLINE v8d K(loadu8)(const double *p) {
  v8d v;
  memcpy(&v, p, sizeof v);
  return v;
}
INLINE void K(storeu8)(double *p, v8d v) { memcpy(p, &v, sizeof v); }
#endif

/* The h×8 tile of C at c (row stride ldc): C = S when first, else C += S, where S sums kc ≥ 1
 * steps of A[r, p]·B[p, 0..7], each accumulator lane left to right from +0, multiply then add.
 * A[r, p] is at a + r·ai + p·ap; B's row p at b + p·ldb. H (1..TILE_MAX) is a constant at each call,
 * so the accumulators (2H, or H with AVX-512) stay in registers. */
#ifdef TILE_V8
/* AVX-512: one 8-double accumulator a row (the same lanes, the same operations, in half the
 * instructions). */
INLINE void K(tile)(const int H, int kc, const double *a, long ai, long ap, const double *b, long ldb,
                    double *c, long ldc, int first) {
  v8d s[TILE_MAX];
  const double *ar[TILE_MAX];
  for (int r = 0; r < H; r++) {
    s[r] = (v8d){0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    ar[r] = a + r * ai;
  }
  long o = 0;
  for (int p = 0; p < kc; p++, o += ap) {
    const v8d b0 = K(loadu8)(b);
    b += ldb;
    for (int r = 0; r < H; r++) {
      const double x = ar[r][o];
      const v8d xv = {x, x, x, x, x, x, x, x};
      s[r] += xv * b0;
    }
  }
  for (int r = 0; r < H; r++) {
    double *cr = c + r * ldc;
    if (first) K(storeu8)(cr, s[r]);
    else K(storeu8)(cr, K(loadu8)(cr) + s[r]);
  }
}
#else
INLINE void K(tile)(const int H, int kc, const double *a, long ai, long ap, const double *b, long ldb,
                    double *c, long ldc, int first) {
  v4d s0[MR], s1[MR];
  const double *ar[MR];
  for (int r = 0; r < H; r++) {
    s0[r] = s1[r] = (v4d){0.0, 0.0, 0.0, 0.0};
    ar[r] = a + r * ai;
  }
  /* one offset o = p·ap for every row (base + index addressing), not a pointer a row to step */
  long o = 0;
  for (int p = 0; p < kc; p++, o += ap) {
    const v4d b0 = K(loadu)(b), b1 = K(loadu)(b + 4);
    b += ldb;
    for (int r = 0; r < H; r++) {
      const double x = ar[r][o];
      const v4d xv = {x, x, x, x};
      s0[r] += xv * b0;
      s1[r] += xv * b1;
    }
  }
  for (int r = 0; r < H; r++) {
    double *cr = c + r * ldc;
    if (first) {
      K(storeu)(cr, s0[r]);
      K(storeu)(cr + 4, s1[r]);
    } else {
      K(storeu)(cr, K(loadu)(cr) + s0[r]);
      K(storeu)(cr + 4, K(loadu)(cr + 4) + s1[r]);
    }
  }
}
#endif

INLINE void K(tileRows)(int h, int kc, const double *a, long ai, long ap, const double *b, long ldb,
                        double *c, long ldc, int first) {
  switch (h) {
#ifdef TILE_V8
    case 8: K(tile)(8, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 7: K(tile)(7, kc, a, ai, ap, b, ldb, c, ldc, first); break;
#endif
    case 6: K(tile)(6, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 5: K(tile)(5, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 4: K(tile)(4, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 3: K(tile)(3, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 2: K(tile)(2, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    default: K(tile)(1, kc, a, ai, ap, b, ldb, c, ldc, first); break;
  }
}

/* The height of the next strip of an in-place product: `left` rows remaining of `rows`, K block
 * kc. A row at a time for a short k and few rows (see ROW_AT_A_TIME_MAX_K); else as stripRows
 * for AVX2's 6-row tiles, and for AVX-512's 8-row tiles up to 8 rows in one strip, 9 to 16 in two
 * of about half (7 rows: 7 cycles a step in one strip, against 4 + 3 in two strips with twice
 * the loads and loop steps). */
INLINE long K(strip)(long left, long rows, int kc) {
  if (kc <= ROW_AT_A_TIME_MAX_K && rows <= MR) return 1;
#ifdef TILE_V8
  return left > 2 * TILE_MAX ? TILE_MAX : left > TILE_MAX ? (left + 1) / 2 : left;
#else
  return stripRows(left);
#endif
}

/* The h×w tile of C at c (h ≤ TILE_MAX, w ≤ 8; see tile): a full-width one straight into C, a narrower
 * one (the last panel) into the scratch tile `edge` first, whose h×w corner is then stored (first
 * K block) or added into C. */
INLINE void K(tileClipped)(long h, long w, int kc, const double *a, long ai, long ap, const double *b, long ldb,
                           double *c, long ldc, int first, double *edge) {
  if (w == NR) {
    K(tileRows)((int)h, kc, a, ai, ap, b, ldb, c, ldc, first);
    return;
  }
  K(tileRows)((int)h, kc, a, ai, ap, b, ldb, edge, NR, 1);
  for (long r = 0; r < h; r++) {
    for (long t = 0; t < w; t++) {
      if (first) c[r * ldc + t] = edge[r * NR + t];
      else c[r * ldc + t] += edge[r * NR + t];
    }
  }
}

/* The full 8-column panels 0 .. np-1 of an H-row strip, a tile each (see tile), B and C moving 8
 * columns a panel: the strip's set-up (row pointers, strides) is paid once, not once a tile,
 * which for a short k (the planar lab's k = 2) was most of the time. */
INLINE void K(sweep)(const int H, long np, int kc, const double *a, long ai, long ap, const double *b, long ldb,
                     double *c, long ldc, int first) {
  for (long q = 0; q < np; q++, b += NR, c += NR) K(tile)(H, kc, a, ai, ap, b, ldb, c, ldc, first);
}

static void K(sweepRows)(int h, long np, int kc, const double *a, long ai, long ap, const double *b, long ldb,
                         double *c, long ldc, int first) {
  switch (h) {
#ifdef TILE_V8
    case 8: K(sweep)(8, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 7: K(sweep)(7, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
#endif
    case 6: K(sweep)(6, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 5: K(sweep)(5, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 4: K(sweep)(4, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 3: K(sweep)(3, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    case 2: K(sweep)(2, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
    default: K(sweep)(1, np, kc, a, ai, ap, b, ldb, c, ldc, first); break;
  }
}

/* Rows [i0, i1) × columns [j0, j1) of C with A and B read in place (B row-major), K block by K
 * block. The last panel, if narrower than 8 columns, is copied into a zero-padded panel first
 * (reading 8 columns in place would run past the array). Two loop orders:
 * - strips outer (sweepRows over the full panels, then the narrow panel): each strip's set-up is
 *   paid once, and each strip reads the K block of B whole, so this is the order where that block
 *   stays in L1 (SWEEP_MAX_B_BYTES) or is read at most twice (two strips, up to 12 rows);
 * - panels outer, strips inner: the panel's K block of B (kc rows of 64 bytes) stays in L1 while
 *   every strip meets it, for taller products with a wide B. */
static void K(runInPlace)(const Job *jb, long i0, long i1, long j0, long j1) {
  const long n = jb->n, k = jb->k;
  double edgeB[KC * NR], edge[TILE_MAX * NR];
  for (long pc = 0; pc < k; pc += KC) {
    const int kc = (int)(k - pc < KC ? k - pc : KC), first = pc == 0;
    const double *a = jb->a + pc * jb->ap;
    if (i1 - i0 <= 2 * MR || kc * (j1 - j0) * (long)sizeof(double) <= SWEEP_MAX_B_BYTES) {
      const long np = (j1 - j0) / NR, jEdge = j0 + np * NR;
      for (long ir = i0, h; ir < i1; ir += h) {
        h = K(strip)(i1 - ir, i1 - i0, kc);
        K(sweepRows)((int)h, np, kc, a + ir * jb->ai, jb->ai, jb->ap, jb->b + pc * jb->bp + j0, jb->bp, jb->c + ir * n + j0, n, first);
      }
      if (jEdge < j1) {
        packB(jb, pc, kc, jEdge, j1, edgeB);
        for (long ir = i0, h; ir < i1; ir += h) {
          h = K(strip)(i1 - ir, i1 - i0, kc);
          K(tileClipped)(h, j1 - jEdge, kc, a + ir * jb->ai, jb->ai, jb->ap, edgeB, NR, jb->c + ir * n + jEdge, n, first, edge);
        }
      }
      continue;
    }
    for (long jr = j0; jr < j1; jr += NR) {
      const long w = j1 - jr < NR ? j1 - jr : NR;
      const double *b = jb->b + pc * jb->bp + jr;
      long ldb = jb->bp;
      if (w < NR) {
        packB(jb, pc, kc, jr, jr + w, edgeB);
        b = edgeB;
        ldb = NR;
      }
      for (long ir = i0, h; ir < i1; ir += h) {
        h = K(strip)(i1 - ir, i1 - i0, kc);
        K(tileClipped)(h, w, kc, a + ir * jb->ai, jb->ai, jb->ap, b, ldb, jb->c + ir * n + jr, n, first, edge);
      }
    }
  }
}

/* Rows [i0, i1) × columns [j0, j1) of C, packed GotoBLAS-style (i0 a multiple of MR, j0 of NR):
 * per N block and K block, B's panels (packed here, or taken from jb->pbAll), then per MC block
 * A's panels (packed here, or from jb->paAll, or A read in place when jb->inPlaceA), then the
 * tiles. */
static void K(runPacked)(const Job *jb, Scratch *s, long i0, long i1, long j0, long j1) {
  const long n = jb->n, k = jb->k;
  const long mpad = (jb->m + MR - 1) / MR * MR, npad = (jb->n + NR - 1) / NR * NR;
  /* strides of A as the tiles read it: in place, or in packed panels */
  const int inPlaceA = jb->inPlaceA;
  const long sa = inPlaceA ? jb->ai : 1, sp = inPlaceA ? jb->ap : MR;
  double edge[MR * NR];
  for (long jc = j0; jc < j1; jc += NC) {
    const long nc = j1 - jc < NC ? j1 - jc : NC;
    for (long pc = 0; pc < k; pc += KC) {
      const int kc = (int)(k - pc < KC ? k - pc : KC), first = pc == 0;
      const double *pbBlock = jb->pbAll ? jb->pbAll + pc * npad + (jc / NR) * kc * NR : s->pb;
      if (!jb->pbAll) packB(jb, pc, kc, jc, jc + nc, s->pb);
      for (long ic = i0; ic < i1; ic += MC) {
        const long mc = i1 - ic < MC ? i1 - ic : MC;
        const double *paBlock = inPlaceA ? NULL : jb->paAll ? jb->paAll + pc * mpad + (ic / MR) * kc * MR : s->pa;
        if (!inPlaceA && !jb->paAll) packA(jb, ic, ic + mc, pc, kc, s->pa);
        for (long jr = 0; jr < nc; jr += NR) {
          const double *pb = pbBlock + (jr / NR) * kc * NR;
          const long w = nc - jr < NR ? nc - jr : NR;
          for (long ir = 0; ir < mc; ir += MR) {
            const double *pa = inPlaceA ? jb->a + (ic + ir) * jb->ai + pc * jb->ap : paBlock + (ir / MR) * kc * MR;
            const long h = mc - ir < MR ? mc - ir : MR;
            K(tileClipped)(h, w, kc, pa, sa, sp, pb, NR, jb->c + (ic + ir) * n + jc + jr, n, first, edge);
          }
        }
      }
    }
  }
}

#undef TILE_MAX
#undef INLINE
#undef K
#undef CAT
#undef CAT2
