// Stable LSD radix argsort of f64 values: six passes of 11 bits over order-preserving
// u64 keys, O(n). Twin: src/backend/js/radix.ts.

const BITS: u64 = 11;
const BUCKETS: i32 = 1 << 11;
const PASSES: i32 = 6;

/** Bytes of scratch that argsortF64 needs for n values. */
export function argsortScratchBytes(n: i32): i32 {
  return (n << 4) + (n << 2) + ((PASSES * BUCKETS) << 2);
}

/** Maps the bits of a double to a u64 that sorts as the double does (−0 just before +0). */
// @ts-ignore: decorator
@inline function toKey(v: f64): u64 {
  const b = reinterpret<u64>(v);
  return b >> 63 ? ~b : b | 0x8000000000000000;
}

// @ts-ignore: decorator
@inline function fromKey(k: u64): f64 {
  return reinterpret<f64>(k >> 63 ? k & 0x7fffffffffffffff : ~k);
}

/**
 * perm[r] = index of the r-th smallest of the n values (ties keep input order), and
 * sorted[r] = vals[perm[r]]. `scratch` holds argsortScratchBytes(n) bytes.
 */
export function argsortF64(vals: usize, n: i32, sorted: usize, perm: usize, scratch: usize): void {
  let keys = scratch;
  let keys2 = keys + (<usize>n << 3);
  const idx2 = keys2 + (<usize>n << 3);
  const hist = idx2 + (<usize>n << 2);
  memory.fill(hist, 0, <usize>(PASSES * BUCKETS) << 2);
  for (let i = 0; i < n; i++) {
    const k = toKey(load<f64>(vals + (<usize>i << 3)));
    store<u64>(keys + (<usize>i << 3), k);
    store<i32>(perm + (<usize>i << 2), i);
    for (let p = 0; p < PASSES; p++) {
      const h = hist + ((<usize>(p * BUCKETS) + <usize>((k >> (BITS * <u64>p)) & 2047)) << 2);
      store<i32>(h, load<i32>(h) + 1);
    }
  }
  let idx = perm;
  let other = idx2;
  for (let p = 0; p < PASSES; p++) {
    const h = hist + (<usize>(p * BUCKETS) << 2);
    // A digit that every key shares leaves the order as it is.
    let skip = false;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = load<i32>(h + (<usize>b << 2));
      if (c == n) skip = true;
      store<i32>(h + (<usize>b << 2), sum);
      sum += c;
    }
    if (skip) continue;
    const shift = BITS * <u64>p;
    for (let i = 0; i < n; i++) {
      const k = load<u64>(keys + (<usize>i << 3));
      const slot = h + (<usize>((k >> shift) & 2047) << 2);
      const at = load<i32>(slot);
      store<i32>(slot, at + 1);
      store<u64>(keys2 + (<usize>at << 3), k);
      store<i32>(other + (<usize>at << 2), load<i32>(idx + (<usize>i << 2)));
    }
    const tk = keys;
    keys = keys2;
    keys2 = tk;
    const ti = idx;
    idx = other;
    other = ti;
  }
  if (idx != perm) memory.copy(perm, idx, <usize>n << 2);
  for (let i = 0; i < n; i++) store<f64>(sorted + (<usize>i << 3), fromKey(load<u64>(keys + (<usize>i << 3))));
}
