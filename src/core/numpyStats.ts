// Summaries computed in numpy's (1.24) order of floating-point operations, so the
// binning rules that depend on them pick the same number of bins as numpy even when
// a width lands within an ulp of a whole number of bins.

/** numpy's pairwise_sum (loops_utils.h): blocks of 8 accumulators up to 128 values, halving above. */
function pairwise(a: ArrayLike<number>, lo: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[lo + i];
    return s;
  }
  if (n <= 128) {
    let r0 = a[lo], r1 = a[lo + 1], r2 = a[lo + 2], r3 = a[lo + 3];
    let r4 = a[lo + 4], r5 = a[lo + 5], r6 = a[lo + 6], r7 = a[lo + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = lo + i;
      r0 += a[p]; r1 += a[p + 1]; r2 += a[p + 2]; r3 += a[p + 3];
      r4 += a[p + 4]; r5 += a[p + 5]; r6 += a[p + 6]; r7 += a[p + 7];
    }
    let s = (r0 + r1 + (r2 + r3)) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += a[lo + i];
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}

/** np.add.reduce of a contiguous float64 array: pairwise sums over buffers of 8192, added in turn. */
export function npSum(a: ArrayLike<number>): number {
  let s = 0;
  for (let lo = 0; lo < a.length; lo += 8192) s += pairwise(a, lo, Math.min(8192, a.length - lo));
  return s;
}

/** np.mean. */
export function npMean(a: ArrayLike<number>): number {
  return npSum(a) / a.length;
}

/** np.std with ddof = 0: the square root of the mean squared deviation. */
export function npStd(a: ArrayLike<number>): number {
  const mean = npMean(a);
  const sq = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - mean;
    sq[i] = d * d;
  }
  return Math.sqrt(npSum(sq) / a.length);
}

/**
 * np.quantile(x, q) with the default method 'linear', on x already sorted ascending:
 * the virtual index (n − 1)·q, then numpy's _lerp, which interpolates from the
 * upper neighbour when the fraction is ≥ ½.
 */
export function npQuantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const v = (n - 1) * q;
  if (v >= n - 1) return sorted[n - 1];
  if (v < 0) return sorted[0];
  const lo = Math.floor(v);
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const t = v - lo;
  const diff = b - a;
  if (!Number.isFinite(diff)) {
    // neighbours of opposite sign near ±1.8e308: the same lerp on halves (exact), doubled
    const h = b / 2 - a / 2;
    return 2 * (t >= 0.5 ? b / 2 - h * (1 - t) : a / 2 + h * t);
  }
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** np.linspace(start, stop, num) for num ≥ 2: i·step + start, with the last value set to stop. */
export function npLinspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = (step === 0 ? (i / div) * delta : i * step) + start;
  out[num - 1] = stop;
  return out;
}
