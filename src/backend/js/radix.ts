// Pure-TypeScript twin of assembly/radix.ts: stable LSD radix argsort of doubles,
// six passes of 11 bits over order-preserving keys. JS has no u64 loads, so each
// key is two u32 halves (hi, lo) viewed over the same bytes as the double.

const BUCKETS = 1 << 11;
const PASSES = 6;

/** The 11-bit digit p of the key (hi, lo), p = 0 the lowest. */
function digit(hi: number, lo: number, p: number): number {
  const shift = 11 * p;
  if (shift + 11 <= 32) return (lo >>> shift) & 2047;
  if (shift >= 32) return (hi >>> (shift - 32)) & 2047;
  return ((lo >>> shift) | (hi << (32 - shift))) & 2047;
}

/**
 * perm[r] = index of the r-th smallest value (ties keep input order), and
 * sorted[r] = vals[perm[r]].
 */
export function argsortF64(vals: Float64Array, sorted: Float64Array, perm: Int32Array): void {
  const n = vals.length;
  // keys as u32 pairs, little-endian: [lo, hi] per value
  let keys: Uint32Array = new Uint32Array(new Float64Array(vals).buffer);
  let keys2: Uint32Array = new Uint32Array(2 * n);
  let idx: Int32Array = perm;
  let other: Int32Array = new Int32Array(n);
  const hist = new Int32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    let lo = keys[2 * i];
    let hi = keys[2 * i + 1];
    // sign set: flip every bit; else set the sign bit (−0 sorts just before +0)
    if (hi >>> 31) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    keys[2 * i] = lo;
    keys[2 * i + 1] = hi;
    perm[i] = i;
    for (let p = 0; p < PASSES; p++) hist[p * BUCKETS + digit(hi, lo, p)]++;
  }
  for (let p = 0; p < PASSES; p++) {
    const h = p * BUCKETS;
    // A digit that every key shares leaves the order as it is.
    let skip = false;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = hist[h + b];
      if (c === n) skip = true;
      hist[h + b] = sum;
      sum += c;
    }
    if (skip) continue;
    for (let i = 0; i < n; i++) {
      const lo = keys[2 * i];
      const hi = keys[2 * i + 1];
      const at = hist[h + digit(hi, lo, p)]++;
      keys2[2 * at] = lo;
      keys2[2 * at + 1] = hi;
      other[at] = idx[i];
    }
    [keys, keys2] = [keys2, keys];
    [idx, other] = [other, idx];
  }
  if (idx !== perm) perm.set(idx);
  const out = new Float64Array(keys.buffer, keys.byteOffset, n);
  for (let i = 0; i < n; i++) {
    const hi = keys[2 * i + 1];
    if (hi >>> 31) keys[2 * i + 1] = (hi & 0x7fffffff) >>> 0;
    else {
      keys[2 * i + 1] = ~hi >>> 0;
      keys[2 * i] = ~keys[2 * i] >>> 0;
    }
  }
  sorted.set(out);
}
