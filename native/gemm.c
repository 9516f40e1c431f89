/* nnlab's native float64 matrix multiply for Node: the "native" kernel of src/np/kernels/gemm.ts.
 *
 * C = op(A)·op(B), op = identity or transpose (BLAS's transa/transb), C row-major m×n, computed
 * in the summation order every nnlab kernel keeps (kernels/gemm.ts): k cut into blocks of KC = 256;
 * within a block each entry of C is summed left to right from +0 in one vector lane, with a
 * separate multiply and add (never a fused multiply-add: built with -ffp-contract=off, the AVX2
 * clone targets AVX2 without FMA, and a test checks the built addon holds no FMA instruction); the
 * block sums are added to the entry in block order (the first block's sum is stored, which equals
 * +0 + sum). So the bits equal the JS and WebAssembly kernels', whatever the vector width.
 *
 * Why native beside WebAssembly: WebAssembly SIMD has 2 doubles a vector, so on a core with two
 * 256-bit multipliers and two 256-bit adders it reaches at most half of the core's float64 rate
 * (8 of 16 FLOP a cycle); AVX2 vectors of 4 doubles reach all of it without FMA. And the kernel
 * reads the operands and writes C where V8 keeps them: nothing is copied into or out of a module's
 * memory.
 *
 * Register tile MR×NR = 6×8: twelve 4-double accumulators, two B vectors and a broadcast A value
 * in AVX2's 16 vector registers (kernel.h, compiled once for the baseline instruction set, once
 * for AVX2 and once for AVX-512, chosen at load by the CPU). With AVX-512 each row of a tile is
 * one 8-double accumulator, the same lanes and operations in half the instructions, and an
 * in-place strip may have up to 8 rows (32 registers). Large products are packed GotoBLAS-style (B into 8-column
 * panels per K block, A into 6-row panels per MC×KC block, zero-padded, so the micro-kernel has no
 * edge cases and only edge stores are clipped); small ones read A and B in place (B row-major),
 * with a last panel narrower than 8 columns copied into a padded one, strip of rows by strip
 * where B is small or the rows few (kernel.h's runInPlace; a row at a time when k ≤ 3). Products
 * with fewer than 4 columns are plain dot products.
 *
 * Threads: one call may use up to MAX_THREADS threads (the caller and helpers started on first
 * use). A product is cut into chunks of whole entries of C (ranges of column panels, or of rows
 * when C is narrow), claimed by whichever thread is free, never split over k: the bits do not
 * depend on the thread count.
 */
#define NAPI_VERSION 8
#include <node_api.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sched.h>
#endif

#define KC 256
#define MR 6
#define NR 8
#define MC 96   /* rows of a packed A block: 96·256 doubles = 192 KiB, in L2 */
#define NC 1024 /* columns of a packed B block: 1024·256 doubles = 2 MiB, in L3 */
#define MAX_THREADS 8
#define MAX_CHUNKS 64

typedef double v4d __attribute__((vector_size(32)));
typedef double v8d __attribute__((vector_size(64)));

/* Never fuse a multiply and an add (binding.gyp also passes -ffp-contract=off; clang honours this
 * pragma, GCC the flag): on arm64 a fused multiply-add would change the bits. */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* ------------------------------------------------------------------ one product */
enum { PACKED, IN_PLACE, DOTS };

typedef struct {
  long m, n, k;
  const double *a, *b;
  double *c;
  /* op(A)[i, p] = a[i·ai + p·ap], op(B)[p, j] = b[p·bp + j·bj] */
  long ai, ap, bp, bj;
  int mode; /* PACKED, IN_PLACE or DOTS */
  int inPlaceA; /* PACKED with A read in place (a + i·ai + p·ap) instead of packed */
  /* op(A) or op(B) packed whole for every chunk (packAllA, packAllB), or NULL */
  const double *paAll, *pbAll;
  /* chunks: by column panels (byRows = 0) or by rows, csize panels or rows each */
  int byRows, nchunks;
  long csize, total;
  _Atomic int next, done; /* the next chunk to claim; chunks finished */
} Job;

typedef struct {
  double *pa, *pb; /* one MC×KC block of packed A; one KC×NC block of packed B */
  long pbCap;
} Scratch;

/* n doubles on a cache line boundary (aligned_alloc wants a size that is a multiple of the
 * alignment: macOS returns NULL otherwise). */
static double *allocDoubles(size_t n) {
  const size_t bytes = (n * sizeof(double) + 63) / 64 * 64;
  return aligned_alloc(64, bytes ? bytes : 64);
}

/* op(B)[pc:pc+kc, j0:j1] → panels of NR columns: pb[panel·kc·NR + p·NR + t], zero past column n.
 * Row by row of B, so a row-major B is read front to back (large B comes from memory). */
static void packB(const Job *jb, long pc, int kc, long j0, long j1, double *pb) {
  for (int p = 0; p < kc; p++) {
    const double *row = jb->b + (pc + p) * jb->bp;
    double *d = pb + p * NR;
    long j = j0;
    if (jb->bj == 1) {
      for (; j < j1 && j + NR <= jb->n; j += NR, d += (long)kc * NR) memcpy(d, row + j, NR * sizeof(double));
    }
    for (; j < j1; j += NR, d += (long)kc * NR) {
      const long w = jb->n - j < NR ? jb->n - j : NR;
      for (long t = 0; t < NR; t++) d[t] = t < w ? row[(j + t) * jb->bj] : 0.0;
    }
  }
}

/* op(A)[i0:i1, pc:pc+kc] → panels of MR rows: pa[panel·kc·MR + p·MR + r], zero past row m. */
static void packA(const Job *jb, long i0, long i1, long pc, int kc, double *pa) {
  for (long i = i0; i < i1; i += MR, pa += (long)kc * MR) {
    const long h = jb->m - i < MR ? jb->m - i : MR;
    for (long r = 0; r < MR; r++) {
      if (r < h) {
        const double *s = jb->a + (i + r) * jb->ai + pc * jb->ap;
        for (int p = 0; p < kc; p++) pa[p * MR + r] = s[p * jb->ap];
      } else {
        for (int p = 0; p < kc; p++) pa[p * MR + r] = 0.0;
      }
    }
  }
}

/* The whole of op(A) (op(B)) packed once for every chunk of a split product: K block pc at
 * pc·mpad (pc·npad), laid out as packA (packB) lays out one block, over all rows (columns). */
static void packAllA(const Job *jb, double *pa) {
  const long mpad = (jb->m + MR - 1) / MR * MR;
  for (long pc = 0; pc < jb->k; pc += KC) packA(jb, 0, jb->m, pc, (int)(jb->k - pc < KC ? jb->k - pc : KC), pa + pc * mpad);
}
static void packAllB(const Job *jb, double *pb) {
  const long npad = (jb->n + NR - 1) / NR * NR;
  for (long pc = 0; pc < jb->k; pc += KC) packB(jb, pc, (int)(jb->k - pc < KC ? jb->k - pc : KC), 0, jb->n, pb + pc * npad);
}

/* Thin products (fewer than 4 columns): one dot product per entry, a K block at a time. */
static void runDots(const Job *jb, long i0, long i1, long j0, long j1) {
  for (long i = i0; i < i1; i++) {
    for (long j = j0; j < j1; j++) {
      double total = 0.0;
      for (long p0 = 0; p0 < jb->k; p0 += KC) {
        const long p1 = jb->k - p0 < KC ? jb->k : p0 + KC;
        double s = 0.0;
        for (long p = p0; p < p1; p++) s += jb->a[i * jb->ai + p * jb->ap] * jb->b[p * jb->bp + j * jb->bj];
        total += s;
      }
      jb->c[i * jb->n + j] = total;
    }
  }
}

/* The height of the next strip of rows of an in-place product, `left` rows remaining: 6, but 7 or 8
 * rows go as two strips of about half. A step of an h-row tile costs about max(h, 3) cycles (2h
 * multiplies and 2h adds on two pipes each, against an add's latency of 3 cycles on each of the 2h
 * accumulators), so 7 rows as 4 + 3 take 7 cycles a step where 6 + 1 take 9. */
static inline long stripRows(long left) { return left > 8 ? MR : left > MR ? (left + 1) / 2 : left; }

/* Products with k at most this and one strip of rows go one row at a time in place: a tile then
 * does less arithmetic than it stores, and one row at a time makes the result a single sequential
 * stream of stores, which the hardware prefetcher follows best into memory out of cache (the new
 * result's usual place). Measured on 4×2·2×400 through np.dot: 1.35 µs a call against 1.49 µs in
 * strips of 4 rows; from k = 4, or with more rows, strips are as fast or faster. */
#define ROW_AT_A_TIME_MAX_K 3
/* In-place products whose K block of B is at most this big go strip by strip (kernel.h's
 * runInPlace): half of a 32 KiB L1, the rest left to A and C. */
#define SWEEP_MAX_B_BYTES (16L << 10)

/* The compute loops, once for the baseline instruction set (SSE2 on x86-64, NEON on arm64: the
 * compiler splits each 4-double vector in two) and, on x86-64 with GCC or clang, once more for
 * AVX2 (4 doubles a vector; AVX2 only, not FMA) and once for AVX-512F (8 doubles a vector, 32
 * registers; AVX-512F has FMA instructions, which -ffp-contract=off keeps the compiler from
 * using). Measured through np.dot on a Zen 4 core: (7×20)·(20×209) 1.95 → 1.54 µs, (20×20)·(20×209)
 * 6.4 → 4.8 µs against the AVX2 loops. */
#define SUFFIX _base
#include "kernel.h"
#undef SUFFIX
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2_CLONE 1
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2")
#endif
#define SUFFIX _avx2
#include "kernel.h"
#undef SUFFIX
#if defined(__clang__)
#pragma clang attribute pop
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#else
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("avx512f")
#endif
#define SUFFIX _avx512
#define TILE_V8 1
#include "kernel.h"
#undef TILE_V8
#undef SUFFIX
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#endif

typedef struct {
  const char *isa;
  void (*inPlace)(const Job *, long, long, long, long);
  void (*packed)(const Job *, Scratch *, long, long, long, long);
} Isa;

static Isa isa = {"baseline", runInPlace_base, runPacked_base};

/* The instruction set for this CPU, once, at load (__builtin_cpu_supports also checks that the
 * OS saves the wider registers). NNLAB_NATIVE_ISA=baseline keeps the baseline loops even where
 * AVX2 is there, NNLAB_NATIVE_ISA=avx2 the AVX2 loops where AVX-512 is there (tests run them to
 * check they give the same bits). */
static void chooseIsa(void) {
  const char *forced = getenv("NNLAB_NATIVE_ISA");
  const int baseline = forced && strcmp(forced, "baseline") == 0;
#ifdef HAVE_AVX2_CLONE
  __builtin_cpu_init();
  const int avx2Only = forced && strcmp(forced, "avx2") == 0;
  if (__builtin_cpu_supports("avx512f") && !baseline && !avx2Only) isa = (Isa){"avx512", runInPlace_avx512, runPacked_avx512};
  else if (__builtin_cpu_supports("avx2") && !baseline) isa = (Isa){"avx2", runInPlace_avx2, runPacked_avx2};
  else isa.isa = "sse2";
#elif defined(__aarch64__)
  isa.isa = "neon";
#endif
  (void)baseline;
}

static int scratchFor(Scratch *s, const Job *jb) {
  if (jb->mode != PACKED) return 1;
  if (!s->pa && !jb->paAll) {
    s->pa = allocDoubles((size_t)MC * KC);
    if (!s->pa) return 0;
  }
  const long nc = jb->n < NC ? jb->n : NC;
  const long need = (nc + NR - 1) / NR * NR * KC;
  if (!jb->pbAll && s->pbCap < need) {
    free(s->pb);
    s->pb = allocDoubles((size_t)need);
    s->pbCap = s->pb ? need : 0;
    if (!s->pb) return 0;
  }
  return 1;
}

/* Chunk c of the job on the calling thread. */
static void runChunk(const Job *jb, Scratch *s, int c) {
  const long start = c * jb->csize, end = start + jb->csize < jb->total ? start + jb->csize : jb->total;
  long i0 = 0, i1 = jb->m, j0 = 0, j1 = jb->n;
  if (jb->byRows) {
    i0 = start;
    i1 = end;
  } else {
    j0 = start * NR;
    j1 = end * NR < jb->n ? end * NR : jb->n;
  }
  if (jb->mode == PACKED) isa.packed(jb, s, i0, i1, j0, j1);
  else if (jb->mode == IN_PLACE) isa.inPlace(jb, i0, i1, j0, j1);
  else runDots(jb, i0, i1, j0, j1);
}

/* ------------------------------------------------------------------ threads
 * Helpers are started on the first split product and live as long as the process. After a job a
 * helper watches for the next one for SPIN_NS before it sleeps on the condition variable: products
 * come in runs (a training step makes several), and waking a sleeping thread costs tens of
 * microseconds. One JS thread at a time may use the helpers (callMu); a product called meanwhile
 * from another JS thread (a worker_thread that loaded nnlab) runs on its caller alone. */
#define SPIN_NS 200000L

typedef struct {
  pthread_mutex_t mu;
  pthread_cond_t wake, idle;
  const Job *job;          /* the posted job, while one runs */
  _Atomic unsigned long seq; /* jobs posted so far */
  int sleeping;            /* helpers waiting on `wake` */
  int helpers;             /* helper threads started */
  int busy;                /* helpers inside the posted job */
  Scratch scratch[MAX_THREADS];
} Pool;

static Pool pool = {.mu = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER, .idle = PTHREAD_COND_INITIALIZER};
static pthread_mutex_t callMu = PTHREAD_MUTEX_INITIALIZER;

/* Each calling thread's own scratch, freed when the thread ends. */
static pthread_key_t scratchKey;
static pthread_once_t scratchOnce = PTHREAD_ONCE_INIT;
static void freeScratch(void *p) {
  Scratch *s = p;
  free(s->pa);
  free(s->pb);
  free(s);
}
static void makeScratchKey(void) { pthread_key_create(&scratchKey, freeScratch); }
static Scratch *callerScratch(void) {
  pthread_once(&scratchOnce, makeScratchKey);
  Scratch *s = pthread_getspecific(scratchKey);
  if (!s) {
    s = calloc(1, sizeof *s);
    if (s && pthread_setspecific(scratchKey, s) != 0) {
      free(s);
      s = NULL;
    }
  }
  return s;
}

static void claimAll(Job *jb, Scratch *s) {
  for (int c = atomic_fetch_add(&jb->next, 1); c < jb->nchunks; c = atomic_fetch_add(&jb->next, 1)) {
    runChunk(jb, s, c);
    atomic_fetch_add(&jb->done, 1);
  }
}

static long nowNs(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

static void *helperMain(void *arg) {
  Scratch *s = arg;
  unsigned long seen = 0;
  for (;;) {
    /* watch for a new job, then sleep */
    for (long until = nowNs() + SPIN_NS; atomic_load(&pool.seq) == seen && nowNs() < until;) {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
    pthread_mutex_lock(&pool.mu);
    while (atomic_load(&pool.seq) == seen) {
      pool.sleeping++;
      pthread_cond_wait(&pool.wake, &pool.mu);
      pool.sleeping--;
    }
    seen = atomic_load(&pool.seq);
    Job *jb = (Job *)pool.job;
    if (!jb) { /* the job was over before this helper saw it */
      pthread_mutex_unlock(&pool.mu);
      continue;
    }
    pool.busy++;
    pthread_mutex_unlock(&pool.mu);
    if (scratchFor(s, jb)) claimAll(jb, s); /* else it claims nothing: the caller runs what is left */
    pthread_mutex_lock(&pool.mu);
    pool.busy--;
    pthread_cond_broadcast(&pool.idle);
    pthread_mutex_unlock(&pool.mu);
  }
  return NULL;
}

static void ensureHelpers(int want) {
  while (pool.helpers < want && pool.helpers < MAX_THREADS - 1) {
    pthread_t t;
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
    const int ok = pthread_create(&t, &at, helperMain, &pool.scratch[pool.helpers + 1]) == 0;
    pthread_attr_destroy(&at);
    if (!ok) break;
    pool.helpers++;
  }
}

/* Runs every chunk of the job, on up to `threads` threads; returns 0 when scratch memory ran out. */
static int runJob(Job *jb, int threads) {
  Scratch *s = callerScratch();
  if (!s || !scratchFor(s, jb)) return 0;
  atomic_store(&jb->next, 0);
  atomic_store(&jb->done, 0);
  if (threads <= 1 || jb->nchunks <= 1 || pthread_mutex_trylock(&callMu) != 0) {
    claimAll(jb, s);
    return 1;
  }
  ensureHelpers(threads - 1);
  pthread_mutex_lock(&pool.mu);
  pool.job = jb;
  atomic_fetch_add(&pool.seq, 1);
  if (pool.sleeping > 0) pthread_cond_broadcast(&pool.wake);
  pthread_mutex_unlock(&pool.mu);
  claimAll(jb, s);
  pthread_mutex_lock(&pool.mu);
  pool.job = NULL; /* helpers that look from now on find nothing */
  while (pool.busy > 0) pthread_cond_wait(&pool.idle, &pool.mu);
  pthread_mutex_unlock(&pool.mu);
  pthread_mutex_unlock(&callMu);
  /* a helper that failed claimed no chunk; any chunk left unclaimed is run here */
  if (atomic_load(&jb->done) < jb->nchunks) claimAll(jb, s);
  return 1;
}

/* ------------------------------------------------------------------ the product's plan */
/* Products below this many multiply-adds (B row-major) read A and B in place: packing would cost
 * more than it saves. */
#define PACKED_MIN_MACS (1L << 18)
/* Packed products with a transposed A and k up to this read A in place. */
#define IN_PLACE_A_MAX_K 64
/* Products of at least this many multiply-adds are split over the threads. */
#define THREAD_MIN_MACS (1L << 20)
/* Chunks per thread of a split product, so a thread the OS schedules late costs little. */
#define CHUNKS_PER_THREAD 4

/* C = op(A)·op(B) on up to `threads` threads. pb: op(B) already packed whole (the `pack` export,
 * kept by the caller across calls), or NULL. Returns 0 when scratch memory ran out. */
static int gemm(long m, long n, long k, const double *a, const double *b, double *c, int ta, int tb, int threads,
                const double *pb) {
  Job jb;
  memset(&jb, 0, sizeof jb);
  jb.m = m, jb.n = n, jb.k = k, jb.a = a, jb.b = b, jb.c = c;
  jb.ai = ta ? 1 : k, jb.ap = ta ? m : 1, jb.bp = tb ? 1 : n, jb.bj = tb ? k : 1;
  const long macs = m * n * k;
  if (pb) jb.mode = PACKED;
  else if (n < 4) jb.mode = DOTS;
  else if (!tb && macs < PACKED_MIN_MACS) jb.mode = IN_PLACE;
  else jb.mode = PACKED;
  jb.pbAll = pb;
  /* A transposed with a short k (L_layer_model's dA0 = W1ᵀ·dZ1, k = 20) is read in place: each
   * step's 6 values are contiguous, and packing would be one more pass over A for few uses
   * (measured: 10-15 % faster on two threads; with a long k, packed A is faster). */
  jb.inPlaceA = jb.mode == PACKED && ta && k <= IN_PLACE_A_MAX_K;
  const long panels = (n + NR - 1) / NR;
  if (threads > 1 && macs >= THREAD_MIN_MACS) {
    /* by column panels when there are enough of them, else by rows */
    jb.byRows = panels < 4L * threads;
    jb.total = jb.byRows ? m : panels;
    long chunks = CHUNKS_PER_THREAD * threads;
    if (chunks > jb.total / (jb.byRows ? MR : 1)) chunks = jb.total / (jb.byRows ? MR : 1);
    if (chunks > MAX_CHUNKS) chunks = MAX_CHUNKS;
    if (chunks < 1) chunks = 1;
    jb.csize = (jb.total + chunks - 1) / chunks;
    if (jb.byRows) jb.csize = (jb.csize + MR - 1) / MR * MR;
  } else {
    jb.byRows = 0;
    jb.total = panels;
    jb.csize = panels;
  }
  jb.nchunks = (int)((jb.total + jb.csize - 1) / jb.csize);
  /* Packed and split: the operand every chunk needs whole is packed once, here. One chunk: A is
   * packed whole when B has more than one N block (else each block of A is packed once anyway). */
  double *whole = NULL;
  if (jb.mode == PACKED) {
    const long mpad = (m + MR - 1) / MR * MR, npad = (n + NR - 1) / NR * NR;
    if (!jb.pbAll && jb.nchunks > 1 && jb.byRows) {
      whole = allocDoubles((size_t)(npad * k));
      if (!whole) return 0;
      packAllB(&jb, whole);
      jb.pbAll = whole;
    } else if (!jb.inPlaceA && ((jb.nchunks > 1 && !jb.byRows) || (jb.nchunks == 1 && n > NC))) {
      whole = allocDoubles((size_t)(mpad * k));
      if (!whole) return 0;
      packAllA(&jb, whole);
      jb.paAll = whole;
    }
  }
  const int ok = runJob(&jb, threads);
  free(whole);
  return ok;
}

/* ------------------------------------------------------------------ Node binding
 * gemm(m, n, k, a, b, c, ta, tb, threads[, pb]): a, b, c Float64Arrays holding op(A) (m×k, stored
 * k×m when ta), op(B) (k×n, stored n×k when tb) and C (m×n, overwritten); pb, if given, op(B)
 * packed by `pack` (then b is not read). pack(k, n, b, tb, out): op(B) packed whole into out, of
 * packedLength(k, n) doubles. The caller (kernels/native.ts) has checked the shapes; these check
 * the types and lengths again, so a wrong call throws instead of reading past an array. */
static napi_value throwError(napi_env env, const char *msg) {
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static int f64Arg(napi_env env, napi_value v, double **data, size_t *len) {
  napi_typedarray_type type;
  void *p;
  if (napi_get_typedarray_info(env, v, &type, len, &p, NULL, NULL) != napi_ok || type != napi_float64_array) return 0;
  *data = p;
  return 1;
}

static int dimArgs(napi_env env, const napi_value *argv, int count, long *out) {
  for (int i = 0; i < count; i++) {
    double d;
    if (napi_get_value_double(env, argv[i], &d) != napi_ok || !(d >= 0) || d > 9.0e15 || d != (double)(long)d) return 0;
    out[i] = (long)d;
  }
  return 1;
}

static long packedLength(long k, long n) { return (n + NR - 1) / NR * NR * k; }

/* CPUs this process may use, read at load: the cap on a call's threads. */
static int onlineCpus = 1;

static napi_value Gemm(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 9) return throwError(env, "gemm: 9 or 10 arguments expected");
  long d[3];
  int32_t flags[3];
  if (!dimArgs(env, argv, 3, d)) return throwError(env, "gemm: m, n, k must be non-negative integers");
  for (int i = 0; i < 3; i++) {
    if (napi_get_value_int32(env, argv[6 + i], &flags[i]) != napi_ok) return throwError(env, "gemm: ta, tb, threads must be numbers");
  }
  double *a, *b, *c, *pb = NULL;
  size_t la, lb, lc, lpb = 0;
  if (!f64Arg(env, argv[3], &a, &la) || !f64Arg(env, argv[4], &b, &lb) || !f64Arg(env, argv[5], &c, &lc))
    return throwError(env, "gemm: a, b, c must be Float64Arrays");
  const long m = d[0], n = d[1], k = d[2];
  if ((double)la < (double)m * k || (double)lb < (double)k * n || (double)lc < (double)m * n)
    return throwError(env, "gemm: an array is shorter than its shape");
  if (argc == 10) {
    napi_valuetype t;
    napi_typeof(env, argv[9], &t);
    if (t != napi_undefined && t != napi_null) {
      if (!f64Arg(env, argv[9], &pb, &lpb)) return throwError(env, "gemm: pb must be a Float64Array");
      if ((double)lpb < (double)packedLength(k, n)) return throwError(env, "gemm: pb is shorter than packedLength(k, n)");
    }
  }
  if (m == 0 || n == 0) return NULL;
  if (k == 0) {
    memset(c, 0, (size_t)(m * n) * sizeof(double));
    return NULL;
  }
  int threads = flags[2] < 1 ? 1 : flags[2] > MAX_THREADS ? MAX_THREADS : flags[2];
  if (threads > onlineCpus) threads = onlineCpus; /* a helper on a shared core only takes the caller's time */
  if (!gemm(m, n, k, a, b, c, flags[0] != 0, flags[1] != 0, threads, pb)) return throwError(env, "gemm: out of memory for packing");
  return NULL;
}

static napi_value Pack(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 5) return throwError(env, "pack: 5 arguments expected");
  long d[2];
  int32_t tb;
  if (!dimArgs(env, argv, 2, d)) return throwError(env, "pack: k, n must be non-negative integers");
  if (napi_get_value_int32(env, argv[3], &tb) != napi_ok) return throwError(env, "pack: tb must be a number");
  double *b, *out;
  size_t lb, lout;
  if (!f64Arg(env, argv[2], &b, &lb) || !f64Arg(env, argv[4], &out, &lout)) return throwError(env, "pack: b, out must be Float64Arrays");
  const long k = d[0], n = d[1];
  if ((double)lb < (double)k * n || (double)lout < (double)packedLength(k, n)) return throwError(env, "pack: an array is shorter than its shape");
  Job jb;
  memset(&jb, 0, sizeof jb);
  jb.m = 1, jb.n = n, jb.k = k, jb.b = b, jb.bp = tb ? 1 : n, jb.bj = tb ? k : 1;
  packAllB(&jb, out);
  return NULL;
}

static napi_value PackedLength(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], out;
  long d[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 2 || !dimArgs(env, argv, 2, d))
    return throwError(env, "packedLength: k, n must be non-negative integers");
  napi_create_double(env, (double)packedLength(d[0], d[1]), &out);
  return out;
}

/* What this build runs: the instruction set chosen for this CPU. */
static napi_value Info(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out;
  napi_create_string_utf8(env, isa.isa, NAPI_AUTO_LENGTH, &out);
  return out;
}

/* Process-wide choices, made once however many JS threads (worker_threads) load the addon. */
static pthread_once_t initOnce = PTHREAD_ONCE_INIT;
static void initProcess(void) {
  chooseIsa();
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
#ifdef __linux__
  cpu_set_t set; /* the CPUs this process may run on (taskset, a container's cpuset) */
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) < cpus) cpus = CPU_COUNT(&set);
#endif
  onlineCpus = cpus < 1 ? 1 : cpus > MAX_THREADS ? MAX_THREADS : (int)cpus;
}

static napi_value Init(napi_env env, napi_value exports) {
  pthread_once(&initOnce, initProcess);
  napi_property_descriptor props[] = {
    {"gemm", NULL, Gemm, NULL, NULL, NULL, napi_default, NULL},
    {"info", NULL, Info, NULL, NULL, NULL, napi_default, NULL},
    {"pack", NULL, Pack, NULL, NULL, NULL, napi_default, NULL},
    {"packedLength", NULL, PackedLength, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 4, props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
