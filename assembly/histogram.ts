// Histogram kernels over dense integer codes. Twin: src/backend/js/histogram.ts.
// Inputs are pointers into linear memory laid out by src/backend/wasm.ts.

/** counts[c] = number of i with codes[i] == c, for c in [0, k). */
export function histogram(codes: usize, n: i32, counts: usize, k: i32): void {
  memory.fill(counts, 0, <usize>k << 3);
  for (let i = 0; i < n; i++) {
    const p = counts + (<usize>load<i32>(codes + (<usize>i << 2)) << 3);
    store<f64>(p, load<f64>(p) + 1.0);
  }
}

/** counts[a[i]·kb + b[i]] += 1: the contingency table as one histogram of ka·kb cells. */
export function jointHistogram(a: usize, b: usize, n: i32, kb: i32, counts: usize, cells: i32): void {
  memory.fill(counts, 0, <usize>cells << 3);
  for (let i = 0; i < n; i++) {
    const off = <usize>i << 2;
    const c = load<i32>(a + off) * kb + load<i32>(b + off);
    const p = counts + (<usize>c << 3);
    store<f64>(p, load<f64>(p) + 1.0);
  }
}

/** Σ n ln n over the k counts (empty cells add 0). */
export function sumNLogN(counts: usize, k: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < k; i++) {
    const c = load<f64>(counts + (<usize>i << 3));
    if (c > 1.0) s += c * Math.log(c);
  }
  return s;
}

/**
 * Plug-in MI from the m non-zero cells (row i, column j, count n_ij) and the
 * marginals, term by term as sklearn.metrics.mutual_info_score (1.2.1) does:
 * each term below machine epsilon is zeroed, and the sum is clipped at 0.
 */
export function miSparse(rowIdx: usize, colIdx: usize, nij: usize, m: i32, rows: usize, cols: usize, total: f64): f64 {
  const logTotal = Math.log(total);
  let s = 0.0;
  for (let t = 0; t < m; t++) {
    const off4 = <usize>t << 2;
    const v = load<f64>(nij + (<usize>t << 3));
    const ai = load<f64>(rows + (<usize>load<i32>(rowIdx + off4) << 3));
    const bj = load<f64>(cols + (<usize>load<i32>(colIdx + off4) << 3));
    const p = v / total;
    const logOuter = -Math.log(ai * bj) + logTotal + logTotal;
    const term = p * (Math.log(v) - logTotal) + p * logOuter;
    if (Math.abs(term) >= f64.EPSILON) s += term;
  }
  return s > 0.0 ? s : 0.0;
}
