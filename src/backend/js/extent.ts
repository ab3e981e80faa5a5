// Pure-TypeScript twin of assembly/extent.ts.

/**
 * ext[i] = max over the k neighbours j in row i of idx of max_{c ∈ [from, to)} |p_j[c] − p_i[c]|,
 * for points of d columns (row-major).
 */
export function neighbourExtent(pts: Float64Array, d: number, from: number, to: number, idx: Int32Array, k: number, ext: Float64Array): void {
  const n = ext.length;
  for (let i = 0; i < n; i++) {
    const pi = i * d;
    let m = 0;
    for (let s = 0; s < k; s++) {
      const pj = idx[i * k + s] * d;
      for (let c = from; c < to; c++) {
        const x = Math.abs(pts[pj + c] - pts[pi + c]);
        m = x > m ? x : m;
      }
    }
    ext[i] = m;
  }
}
