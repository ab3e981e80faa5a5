// Pure-TypeScript twin of assembly/histogram.ts: same loops, arrays instead of pointers.

/** counts[c] = number of i with codes[i] == c. */
export function histogram(codes: Int32Array, counts: Float64Array): void {
  counts.fill(0);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
}

/** counts[a[i]·kb + b[i]] += 1, counted in i32 and returned as f64 (as the WASM kernel). */
export function jointHistogram(a: Int32Array, b: Int32Array, kb: number, counts: Float64Array): void {
  const tmp = new Int32Array(counts.length);
  for (let i = 0; i < a.length; i++) tmp[a[i] * kb + b[i]]++;
  for (let c = 0; c < tmp.length; c++) counts[c] = tmp[c];
}

/** counts[(a[i]·kb + b[i])·kc + c[i]] += 1, counted in i32 and returned as f64 (as the WASM kernel). */
export function jointHistogram3(a: Int32Array, b: Int32Array, c: Int32Array, kb: number, kc: number, counts: Float64Array): void {
  const tmp = new Int32Array(counts.length);
  for (let i = 0; i < a.length; i++) tmp[(a[i] * kb + b[i]) * kc + c[i]]++;
  for (let t = 0; t < tmp.length; t++) counts[t] = tmp[t];
}

/** [min, max] of a non-empty int array. */
export function rangeI32(x: Int32Array): [number, number] {
  let lo = x[0];
  let hi = x[0];
  for (let i = 1; i < x.length; i++) {
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Σ n ln n over the counts (empty cells add 0). */
export function sumNLogN(counts: Float64Array): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 1) s += c * Math.log(c);
  }
  return s;
}

/** sklearn.metrics.mutual_info_score (1.2.1), term by term: terms below epsilon are zeroed, the sum clipped at 0. */
export function miSparse(
  rowIdx: Int32Array,
  colIdx: Int32Array,
  nij: Float64Array,
  rows: Float64Array,
  cols: Float64Array,
  total: number,
): number {
  const logTotal = Math.log(total);
  let s = 0;
  for (let t = 0; t < nij.length; t++) {
    const v = nij[t];
    const p = v / total;
    const logOuter = -Math.log(rows[rowIdx[t]] * cols[colIdx[t]]) + logTotal + logTotal;
    const term = p * (Math.log(v) - logTotal) + p * logOuter;
    if (Math.abs(term) >= Number.EPSILON) s += term;
  }
  return s > 0 ? s : 0;
}
