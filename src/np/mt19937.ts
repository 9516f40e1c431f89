// The Mersenne Twister MT19937 exactly as numpy's legacy RandomState drives it
// (numpy/random/src/mt19937/mt19937.c, numpy/random/_mt19937.pyx): the two seeding
// routines, the block regeneration, tempering, and the 53-bit double built from two words.
// All words are unsigned 32-bit; Math.imul and `>>> 0` keep every product and sum mod 2^32
// (a plain `*` of two 32-bit words exceeds 2^53 and silently loses bits).

export const MT_N = 624;
const MT_M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  /** The 624 state words (numpy's `key`). */
  readonly key = new Uint32Array(MT_N);
  /** Index of the next word to temper; MT_N means "regenerate the block first". */
  pos = MT_N;

  /** init_genrand: numpy's `seed(s)` for an integer 0 <= s < 2^32. */
  seed(s: number): void {
    const mt = this.key;
    mt[0] = s;
    for (let i = 1; i < MT_N; i++) {
      const prev = mt[i - 1];
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.pos = MT_N;
  }

  /** init_by_array: numpy's `seed([k0, k1, ...])` for a non-empty list of 32-bit words. */
  seedByArray(initKey: ArrayLike<number>): void {
    const mt = this.key;
    const len = initKey.length;
    this.seed(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(MT_N, len); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + initKey[j] + j) >>> 0;
      i++;
      j++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = MT_N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB set: guarantees a non-zero state
    this.pos = MT_N;
  }

  /** Regenerate all 624 words in place, in increasing index order: the wrapped reads
   *  (i + 1 and i + 397 past the end) then see already-updated words, as in the C code. */
  private generate(): void {
    let i = 0;
    for (; i < MT_N - MT_M; i++) this.twist(i, i + 1, i + MT_M);
    for (; i < MT_N - 1; i++) this.twist(i, i + 1, i + MT_M - MT_N);
    this.twist(MT_N - 1, 0, MT_M - 1);
    this.pos = 0;
  }

  private twist(i: number, next: number, far: number): void {
    const mt = this.key;
    const y = (mt[i] & UPPER_MASK) | (mt[next] & LOWER_MASK);
    mt[i] = mt[far] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
  }

  /** genrand_int32: the next tempered 32-bit word. */
  next32(): number {
    if (this.pos === MT_N) this.generate();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double uniform on [0, 1) with 53 random bits: (a·2^26 + b) / 2^53, a drawn first. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
