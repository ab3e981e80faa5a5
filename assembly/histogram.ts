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

/**
 * counts[a[i]·kb + b[i]] += 1: the contingency table as one histogram of `cells` cells.
 * Counts go to four interleaved i32 tables in `tmp` (4·cells ints), so runs of the same
 * cell do not wait on each other's store; they are summed into the f64 counts at the end.
 */
export function jointHistogram(a: usize, b: usize, n: i32, kb: i32, counts: usize, cells: i32, tmp: usize): void {
  const stride = <usize>cells << 2;
  memory.fill(tmp, 0, stride << 2);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const off = <usize>i << 2;
    const p0 = tmp + (<usize>(load<i32>(a + off) * kb + load<i32>(b + off)) << 2);
    const p1 = tmp + stride + (<usize>(load<i32>(a + off, 4) * kb + load<i32>(b + off, 4)) << 2);
    const p2 = tmp + 2 * stride + (<usize>(load<i32>(a + off, 8) * kb + load<i32>(b + off, 8)) << 2);
    const p3 = tmp + 3 * stride + (<usize>(load<i32>(a + off, 12) * kb + load<i32>(b + off, 12)) << 2);
    store<i32>(p0, load<i32>(p0) + 1);
    store<i32>(p1, load<i32>(p1) + 1);
    store<i32>(p2, load<i32>(p2) + 1);
    store<i32>(p3, load<i32>(p3) + 1);
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    const p = tmp + (<usize>(load<i32>(a + off) * kb + load<i32>(b + off)) << 2);
    store<i32>(p, load<i32>(p) + 1);
  }
  for (let c = 0; c < cells; c++) {
    const q = tmp + (<usize>c << 2);
    const total = load<i32>(q) + load<i32>(q + stride) + load<i32>(q + 2 * stride) + load<i32>(q + 3 * stride);
    store<f64>(counts + (<usize>c << 3), <f64>total);
  }
}

/**
 * counts[(a[i]·kb + b[i])·kc + c[i]] += 1: the three-way table of (a, b, c) as one
 * histogram of `cells` cells, so that greedy feature selection counts (pick, class,
 * candidate) in one pass over the samples instead of first writing a joint code.
 * Same interleaved i32 tables in `tmp` (4·cells ints) as jointHistogram.
 */
export function jointHistogram3(a: usize, b: usize, c: usize, n: i32, kb: i32, kc: i32, counts: usize, cells: i32, tmp: usize): void {
  const stride = <usize>cells << 2;
  memory.fill(tmp, 0, stride << 2);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const off = <usize>i << 2;
    const p0 = tmp + (<usize>((load<i32>(a + off) * kb + load<i32>(b + off)) * kc + load<i32>(c + off)) << 2);
    const p1 = tmp + stride + (<usize>((load<i32>(a + off, 4) * kb + load<i32>(b + off, 4)) * kc + load<i32>(c + off, 4)) << 2);
    const p2 = tmp + 2 * stride + (<usize>((load<i32>(a + off, 8) * kb + load<i32>(b + off, 8)) * kc + load<i32>(c + off, 8)) << 2);
    const p3 = tmp + 3 * stride + (<usize>((load<i32>(a + off, 12) * kb + load<i32>(b + off, 12)) * kc + load<i32>(c + off, 12)) << 2);
    store<i32>(p0, load<i32>(p0) + 1);
    store<i32>(p1, load<i32>(p1) + 1);
    store<i32>(p2, load<i32>(p2) + 1);
    store<i32>(p3, load<i32>(p3) + 1);
  }
  for (; i < n; i++) {
    const off = <usize>i << 2;
    const p = tmp + (<usize>((load<i32>(a + off) * kb + load<i32>(b + off)) * kc + load<i32>(c + off)) << 2);
    store<i32>(p, load<i32>(p) + 1);
  }
  for (let t = 0; t < cells; t++) {
    const q = tmp + (<usize>t << 2);
    const total = load<i32>(q) + load<i32>(q + stride) + load<i32>(q + 2 * stride) + load<i32>(q + 3 * stride);
    store<f64>(counts + (<usize>t << 3), <f64>total);
  }
}

/** out[0] = min and out[1] = max of n ints (n ≥ 1), four lanes at a time. */
export function rangeI32(x: usize, n: i32, out: usize): void {
  let lo = i32x4.splat(load<i32>(x));
  let hi = lo;
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    lo = i32x4.min_s(lo, v);
    hi = i32x4.max_s(hi, v);
  }
  let l = min(min(i32x4.extract_lane(lo, 0), i32x4.extract_lane(lo, 1)), min(i32x4.extract_lane(lo, 2), i32x4.extract_lane(lo, 3)));
  let h = max(max(i32x4.extract_lane(hi, 0), i32x4.extract_lane(hi, 1)), max(i32x4.extract_lane(hi, 2), i32x4.extract_lane(hi, 3)));
  for (let i = n4; i < n; i++) {
    const v = load<i32>(x + (<usize>i << 2));
    l = min(l, v);
    h = max(h, v);
  }
  store<i32>(out, l);
  store<i32>(out, h, 4);
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
