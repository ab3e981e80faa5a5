// Log-determinants of symmetric positive-definite matrices by Cholesky factorization.

/**
 * ln det of the principal submatrix of a (row-major, d × d, symmetric) on the given
 * indices: 2 Σ ln L_jj from the Cholesky factor L. Returns the position (in `idx`)
 * of the first pivot at or below `tol`, as { singularAt }, when the submatrix is not
 * numerically positive definite. Cost: O(m³/3) for m indices.
 */
export function logDetSub(a: Float64Array, d: number, idx: readonly number[], tol: number): { logDet: number } | { singularAt: number } {
  const m = idx.length;
  const L = new Float64Array(m * m);
  let logDet = 0;
  for (let j = 0; j < m; j++) {
    let s = a[idx[j] * d + idx[j]];
    for (let p = 0; p < j; p++) s -= L[j * m + p] * L[j * m + p];
    if (!(s > tol)) return { singularAt: j };
    const ljj = Math.sqrt(s);
    L[j * m + j] = ljj;
    logDet += 2 * Math.log(ljj);
    for (let i = j + 1; i < m; i++) {
      let t = a[idx[i] * d + idx[j]];
      for (let p = 0; p < j; p++) t -= L[i * m + p] * L[j * m + p];
      L[i * m + j] = t / ljj;
    }
  }
  return { logDet };
}
