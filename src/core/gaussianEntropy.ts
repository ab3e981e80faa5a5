// Gaussian entropies from a sample covariance, with gcmi's bias correction (Ince et al.,
// Hum. Brain Mapp. 38, 2017; robince/gcmi `ent_g`, `mi_gg`): the shared arithmetic of the
// 'gaussian' and 'gcmi' estimators.
import { digamma } from '../backend/js/digamma.js';
import { logDetSub } from './cholesky.js';

/** A Cholesky pivot of the correlation matrix at or below this is singular. */
const SINGULAR = 1e-12;

/**
 * The d × d matrix Σ_i x_i x_iᵀ / (n − 1) of the columns, each centred first when
 * `demean` (gcmi skips centring for copula-normalised data, whose mean is 0 by symmetry).
 */
export function covariance(cols: readonly Float64Array[], n: number, demean: boolean): Float64Array {
  const d = cols.length;
  const c = demean
    ? cols.map((v) => {
        let m = 0;
        for (let i = 0; i < n; i++) m += v[i];
        m /= n;
        return v.map((t) => t - m);
      })
    : cols;
  const C = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      const u = c[a];
      const v = c[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += u[i] * v[i];
      C[a * d + b] = C[b * d + a] = s / (n - 1);
    }
  }
  return C;
}

/**
 * ½ ln det of the principal submatrix of C on idx, through the Cholesky factor of the
 * correlation matrix (well conditioned whatever the column scales) plus ½ Σ ln C_aa.
 * Calls `singular(position in idx)` when that submatrix is not numerically positive definite.
 */
export function halfLogDet(C: Float64Array, d: number, idx: readonly number[], singular: (at: number) => never): number {
  const R = new Float64Array(d * d);
  for (const a of idx) if (!(C[a * d + a] > 0)) singular(idx.indexOf(a));
  for (const a of idx) for (const b of idx) R[a * d + b] = C[a * d + b] / Math.sqrt(C[a * d + a] * C[b * d + b]);
  const r = logDetSub(R, d, idx, SINGULAR);
  if (!('logDet' in r)) singular(r.singularAt);
  let s = r.logDet;
  for (const a of idx) s += Math.log(C[a * d + a]);
  return 0.5 * s;
}

/**
 * gcmi's bias of a Gaussian entropy of m dimensions from n samples (in nats), the amount it
 * subtracts: m·(ln 2 − ln(n − 1))/2 + Σ_{j=1..m} ψ((n − j)/2)/2. Needs n > m.
 */
export function entropyBias(m: number, n: number): number {
  let s = (m * (Math.LN2 - Math.log(n - 1))) / 2;
  for (let j = 1; j <= m; j++) s += digamma((n - j) / 2) / 2;
  return s;
}

/** Lower Cholesky factor of the (symmetric positive-definite) d × d matrix C, row-major. */
export function choleskyLower(C: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let s = C[j * d + j];
    for (let p = 0; p < j; p++) s -= L[j * d + p] * L[j * d + p];
    const ljj = Math.sqrt(s);
    L[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = C[i * d + j];
      for (let p = 0; p < j; p++) t -= L[i * d + p] * L[j * d + p];
      L[i * d + j] = t / ljj;
    }
  }
  return L;
}
