// Sums in numpy's order, so that means and standard deviations come out bit for bit
// as numpy 1.24 computes them (numpy/core/src/umath/loops_utils.h.src, pairwise_sum).

const BLOCK = 128;

/** numpy's pairwise summation of x[start .. start+n) (what np.sum does on a contiguous 1-D array). */
export function pairwiseSum(x: ArrayLike<number>, start = 0, n = x.length - start): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[start + i];
    return s;
  }
  if (n <= BLOCK) {
    const r = [x[start], x[start + 1], x[start + 2], x[start + 3], x[start + 4], x[start + 5], x[start + 6], x[start + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += x[start + i + j];
    let s = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) s += x[start + i];
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, start, n2) + pairwiseSum(x, start + n2, n - n2);
}

/** Plain left-to-right sum (numpy's order when it reduces a 2-D array along axis 0). */
export function sequentialSum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** Population standard deviation (ddof = 0) as np.std computes it, with the given summation. */
export function numpyStd(x: Float64Array, sum: (v: ArrayLike<number>) => number): number {
  const mean = sum(x) / x.length;
  const sq = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - mean;
    sq[i] = d * d;
  }
  return Math.sqrt(sum(sq) / x.length);
}
