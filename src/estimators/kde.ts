// Kernel density estimation of MI and entropy: the resubstitution estimate with one
// scipy.stats.gaussian_kde per space (Moon, Rajagopalan & Lall, Phys. Rev. E 52, 1995).
import type { Kernels } from '../backend/kernels.js';
import { covariance } from '../core/gaussianEntropy.js';
import { logDetSub } from '../core/cholesky.js';
import { readColumns } from '../core/numericSamples.js';
import { sameLength, show } from '../core/validate.js';
import { syncWorkers } from '../parallel/options.js';
import { kdeSumsOn } from './kdeParallel.js';

/** The validated KDE options. */
export interface KdeSettings {
  bandwidth: 'scott' | 'silverman' | number;
  leaveOneOut: boolean;
  /** Pool threads that share the kernel sums (1: this thread). */
  workers: number;
}

/** Checks `bandwidth` ('scott', 'silverman' or a factor > 0), `leaveOneOut` and `workers`. */
export function kdeSettings(fn: string, o: Record<string, unknown>): KdeSettings {
  const b = o.bandwidth === undefined ? 'scott' : o.bandwidth;
  if (typeof b === 'number') {
    if (!Number.isFinite(b) || b <= 0) throw new RangeError(`${fn}: bandwidth must be 'scott', 'silverman' or a finite number > 0, got ${b}`);
  } else if (b !== 'scott' && b !== 'silverman') {
    throw new RangeError(`${fn}: bandwidth must be 'scott', 'silverman' or a finite number > 0, got ${show(b)}`);
  }
  const loo = o.leaveOneOut === undefined ? false : o.leaveOneOut;
  if (typeof loo !== 'boolean') throw new TypeError(`${fn}: leaveOneOut must be a boolean, got ${show(loo)}`);
  return { bandwidth: b as KdeSettings['bandwidth'], leaveOneOut: loo, workers: syncWorkers(fn, o.workers) };
}

/** scipy's factor: Scott n^(−1/(d+4)), Silverman (n(d+2)/4)^(−1/(d+4)), or the number given. */
function factor(b: KdeSettings['bandwidth'], n: number, d: number): number {
  if (typeof b === 'number') return b;
  return b === 'scott' ? Math.pow(n, -1 / (d + 4)) : Math.pow((n * (d + 2)) / 4, -1 / (d + 4));
}

/**
 * ln f̂(x_i) at every sample of the given columns (one space), f̂ = gaussian_kde: kernel
 * covariance = sample covariance (ddof 1) × factor², f̂(x) = (1/n) Σ_j N(x; x_j, cov), or
 * (1/(n − 1)) Σ_{j≠i} when leaving one out. The points are whitened by the Cholesky factor
 * of the covariance, so the kernel sums need only ‖Δ‖². Cost O(n²·d) in the kernel.
 */
export function kdeLogDensities(fn: string, K: Kernels, cols: readonly Float64Array[], n: number, s: KdeSettings): Float64Array {
  const d = cols.length;
  const hint = "; use estimator: 'ksg' for a nonparametric estimate that needs no covariance";
  if (n < d + 1) throw new RangeError(`${fn}: kde needs more samples than dimensions (n = ${n}, d = ${d}), else the covariance is singular${hint}`);
  const C = covariance(cols, n, true);
  // Cholesky of the correlation matrix (any column scale), then the standard deviations back
  const sd = Float64Array.from({ length: d }, (_, a) => Math.sqrt(C[a * d + a]));
  const R = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    if (!(sd[a] > 0)) throw new RangeError(`${fn}: a column is constant, so the kernel covariance is singular${hint}`);
    for (let b = 0; b < d; b++) R[a * d + b] = C[a * d + b] / (sd[a] * sd[b]);
  }
  const idx = Array.from({ length: d }, (_, j) => j);
  if (!('logDet' in logDetSub(R, d, idx, 1e-12))) {
    throw new RangeError(`${fn}: the sample covariance is singular (a column is a linear function of the others)${hint}`);
  }
  const L = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let t = R[j * d + j];
    for (let p = 0; p < j; p++) t -= L[j * d + p] ** 2;
    L[j * d + j] = Math.sqrt(t);
    for (let i = j + 1; i < d; i++) {
      let u = R[i * d + j];
      for (let p = 0; p < j; p++) u -= L[i * d + p] * L[j * d + p];
      L[i * d + j] = u / L[j * d + j];
    }
  }
  const f = factor(s.bandwidth, n, d);
  // z = (f·diag(sd)·L)⁻¹ x, row-major
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      let t = cols[a][i] / (sd[a] * f);
      for (let p = 0; p < a; p++) t -= L[a * d + p] * z[i * d + p];
      z[i * d + a] = t / L[a * d + a];
    }
  }
  // ln of the kernel's normaliser: (2π)^(d/2)·det(cov)^(1/2) = (2π)^(d/2)·f^d·Π sd·Π L_aa
  let lnNorm = 0.5 * d * Math.log(2 * Math.PI) + d * Math.log(f);
  for (let a = 0; a < d; a++) lnNorm += Math.log(sd[a]) + Math.log(L[a * d + a]);
  const lnCount = Math.log(s.leaveOneOut ? n - 1 : n);
  const sums = kdeSumsOn(K, z, d, s.leaveOneOut, s.workers);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!(sums[i] > 0)) {
      throw new RangeError(`${fn}: with leaveOneOut the density at sample ${i} is 0 (no other sample within reach of its kernel); use a larger bandwidth`);
    }
    out[i] = Math.log(sums[i]) - lnCount - lnNorm;
  }
  return out;
}

function mean(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

/** Per-sample local MI ln f̂_XY − ln f̂_X − ln f̂_Y (nats); the estimate is its mean. */
export function kdeLocalMutualInformation(fn: string, K: Kernels, x: readonly Float64Array[], y: readonly Float64Array[], n: number, s: KdeSettings): Float64Array {
  const fx = kdeLogDensities(fn, K, x, n, s);
  const fy = kdeLogDensities(fn, K, y, n, s);
  const fxy = kdeLogDensities(fn, K, [...x, ...y], n, s);
  return fxy.map((v, i) => v - fx[i] - fy[i]);
}

/** mutualInformation(x, y, { estimator: 'kde' }) in nats. */
export function kdeMutualInformation(fn: string, K: Kernels, xs: unknown, ys: unknown, o: Record<string, unknown>): number {
  const s = kdeSettings(fn, o);
  const X = readColumns(fn, 'x', xs);
  const Y = readColumns(fn, 'y', ys);
  sameLength(fn, 'x', X.n, 'y', Y.n);
  return mean(kdeLocalMutualInformation(fn, K, X.columns, Y.columns, X.n, s));
}

/** entropy(x, { estimator: 'kde' }) in nats: −mean ln f̂(x_i). */
export function kdeEntropy(fn: string, K: Kernels, xs: unknown, o: Record<string, unknown>): number {
  const s = kdeSettings(fn, o);
  const X = readColumns(fn, 'x', xs);
  return -mean(kdeLogDensities(fn, K, X.columns, X.n, s));
}

/** conditionalMutualInformation(x, y, z, { estimator: 'kde' }) in nats: mean of ln f̂_XYZ f̂_Z / (f̂_XZ f̂_YZ). */
export function kdeConditionalMutualInformation(fn: string, K: Kernels, xs: unknown, ys: unknown, zs: unknown, o: Record<string, unknown>): number {
  const s = kdeSettings(fn, o);
  const X = readColumns(fn, 'x', xs);
  const Y = readColumns(fn, 'y', ys);
  const Z = readColumns(fn, 'z', zs);
  sameLength(fn, 'x', X.n, 'y', Y.n);
  sameLength(fn, 'x', X.n, 'z', Z.n);
  const n = X.n;
  const fxyz = kdeLogDensities(fn, K, [...X.columns, ...Y.columns, ...Z.columns], n, s);
  const fz = kdeLogDensities(fn, K, Z.columns, n, s);
  const fxz = kdeLogDensities(fn, K, [...X.columns, ...Z.columns], n, s);
  const fyz = kdeLogDensities(fn, K, [...Y.columns, ...Z.columns], n, s);
  let t = 0;
  for (let i = 0; i < n; i++) t += fxyz[i] + fz[i] - fxz[i] - fyz[i];
  return t / n;
}
