// Gaussian-copula mutual information (Ince et al., Human Brain Mapping 38, 2017; robince/gcmi
// 0.5.0): copula-normalise, then the parametric Gaussian MI with gcmi's bias correction.
// Every function returns nats (gcmi returns bits: divide by ln 2).
import type { Kernels } from '../backend/kernels.js';
import { choleskyLower, covariance, entropyBias, halfLogDet } from '../core/gaussianEntropy.js';
import { copnormColumn } from './copulaNormalize.js';

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** Throws when a Gaussian fit needs more samples: gcmi's bias terms need n ≥ d + 2. */
export function needSamples(fn: string, n: number, d: number, what: string): void {
  if (n < d + 2) {
    throw new RangeError(`${fn}: gcmi needs at least dimensions + 2 = ${d + 2} samples${what && ` ${what}`}, got ${n}`);
  }
}

function singular(fn: string): (at: number) => never {
  return () => {
    throw new RangeError(`${fn}: the covariance of the copula-normalised data is singular (a constant or duplicated column); use estimator: 'ksg' for a nonparametric estimate`);
  };
}

/**
 * gcmi's `mi_gg`: ½ ln(det Σ_X det Σ_Y / det Σ_XY) from Σ x xᵀ/(n − 1) (centred unless
 * `demeaned`), each entropy minus {@link entropyBias} when `biasCorrect`. Raw (may be < 0).
 */
export function miGG(fn: string, x: readonly Float64Array[], y: readonly Float64Array[], n: number, biasCorrect: boolean, demeaned: boolean): number {
  const dx = x.length;
  const d = dx + y.length;
  const C = covariance([...x, ...y], n, !demeaned);
  const s = singular(fn);
  let hx = halfLogDet(C, d, range(0, dx), s);
  let hy = halfLogDet(C, d, range(dx, d), s);
  let hxy = halfLogDet(C, d, range(0, d), s);
  if (biasCorrect) {
    hx -= entropyBias(dx, n);
    hy -= entropyBias(d - dx, n);
    hxy -= entropyBias(d, n);
  }
  return hx + hy - hxy;
}

/** gcmi's `gcmi_cc`: copnorm every dimension, then `mi_gg` with bias correction on the (demeaned) result. */
export function gcmiCC(fn: string, K: Kernels, x: readonly Float64Array[], y: readonly Float64Array[], n: number, biasCorrect = true): number {
  needSamples(fn, n, x.length + y.length, '');
  const wx = tieWarning(fn, 'x');
  const wy = tieWarning(fn, 'y');
  const cx = x.map((c) => copnormColumn(K, c, wx));
  const cy = y.map((c) => copnormColumn(K, c, wy));
  return miGG(fn, cx, cy, n, biasCorrect, true);
}

/** The rows of each class: members[c] = indices i with codes[i] = c. */
function classMembers(codes: Int32Array, classes: number): number[][] {
  const m: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < codes.length; i++) m[codes[i]].push(i);
  return m.filter((g) => g.length > 0);
}

const pick = (col: Float64Array, idx: readonly number[]): Float64Array => Float64Array.from(idx, (i) => col[i]);

/**
 * gcmi's `gcmi_model_cd` → `mi_model_gd`: H(X) of one Gaussian fitted to the copnormed x
 * minus Σ_c w_c H(X | c) of a Gaussian per class, each entropy bias-corrected when asked.
 */
export function gcmiModelCD(fn: string, K: Kernels, x: readonly Float64Array[], codes: Int32Array, classes: number, biasCorrect = true): number {
  const n = codes.length;
  const d = x.length;
  needSamples(fn, n, d, '');
  const groups = classMembers(codes, classes);
  for (const g of groups) needSamples(fn, g.length, d, 'in each class');
  const wx = tieWarning(fn, 'x');
  const cx = x.map((c) => copnormColumn(K, c, wx));
  const s = singular(fn);
  const all = range(0, d);
  let hunc = halfLogDet(covariance(cx, n, false), d, all, s);
  if (biasCorrect) hunc -= entropyBias(d, n);
  let hcond = 0;
  for (const g of groups) {
    let h = halfLogDet(covariance(cx.map((c) => pick(c, g)), g.length, true), d, all, s);
    if (biasCorrect) h -= entropyBias(d, g.length);
    hcond += (g.length / n) * h;
  }
  return hunc - hcond;
}

/** numpy's median: the middle value, or the mean of the two middle values. */
function median(v: Float64Array): number {
  const s = Float64Array.from(v).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * gcmi's `gcmi_mixture_cd` → `mi_mixture_gd`: each class copnormed on its own, then scaled
 * by 1.482602218505602·MAD and shifted to its median (a robust Gaussian per class); the MI
 * is the Gaussian-mixture entropy, by the unscented transform (Huber et al. 2008: 2d points
 * m_c ± √d·(row j of the class's Cholesky factor), as gcmi takes them), minus Σ_c w_c H_c.
 * No bias correction, as gcmi.
 */
export function gcmiMixtureCD(fn: string, K: Kernels, x: readonly Float64Array[], codes: Int32Array, classes: number): number {
  const n = codes.length;
  const d = x.length;
  needSamples(fn, n, d, '');
  const groups = classMembers(codes, classes);
  for (const g of groups) needSamples(fn, g.length, d, 'in each class');
  const s = singular(fn);
  const wx = tieWarning(fn, 'x');
  const cc = 0.5 * (Math.log(2 * Math.PI) + 1);
  const fits = groups.map((g) => {
    const cols = x.map((c) => {
      const v = pick(c, g);
      const med = median(v);
      const mad = median(v.map((t) => Math.abs(t - med)));
      return copnormColumn(K, v, wx).map((t) => t * (1.482602218505602 * mad) + med);
    });
    const m = g.length;
    const mean = cols.map((c) => c.reduce((a, b) => a + b, 0) / m);
    const C = covariance(cols, m, true);
    const h = halfLogDet(C, d, range(0, d), s) + cc * d;
    return { w: m / n, mean, L: choleskyLower(C, d), h };
  });
  // log N(u; m_c, C_c) = −½‖L_c⁻¹(u − m_c)‖² − H_c + d/2
  const logLik = (u: Float64Array, f: (typeof fits)[number]): number => {
    const z = new Float64Array(d);
    let q = 0;
    for (let i = 0; i < d; i++) {
      let t = u[i] - f.mean[i];
      for (let p = 0; p < i; p++) t -= f.L[i * d + p] * z[p];
      z[i] = t / f.L[i * d + i];
      q += z[i] * z[i];
    }
    return -0.5 * q - f.h + 0.5 * d;
  };
  const root = Math.sqrt(d);
  let hmix = 0;
  for (const f of fits) {
    let sum = 0;
    for (const sign of [1, -1]) {
      for (let j = 0; j < d; j++) {
        const u = Float64Array.from(f.mean, (mu, i) => mu + sign * root * f.L[j * d + i]);
        const a = fits.map((g) => logLik(u, g));
        const top = Math.max(...a);
        let e = 0;
        for (let c = 0; c < fits.length; c++) e += fits[c].w * Math.exp(a[c] - top);
        sum += top + Math.log(e);
      }
    }
    hmix += f.w * sum;
  }
  hmix = -hmix / (2 * d);
  let hcond = 0;
  for (const f of fits) hcond += f.w * f.h;
  return hmix - hcond;
}

/** gcmi's `gccmi_ccc` → `cmi_ggg`: H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z) of the copnormed data, bias-corrected. */
export function gccmiCCC(fn: string, K: Kernels, x: readonly Float64Array[], y: readonly Float64Array[], z: readonly Float64Array[], n: number, biasCorrect = true): number {
  const dx = x.length;
  const dy = y.length;
  const d = dx + dy + z.length;
  needSamples(fn, n, d, '');
  const w = [tieWarning(fn, 'x'), tieWarning(fn, 'y'), tieWarning(fn, 'z')];
  const cols = [...x.map((c) => copnormColumn(K, c, w[0])), ...y.map((c) => copnormColumn(K, c, w[1])), ...z.map((c) => copnormColumn(K, c, w[2]))];
  const C = covariance(cols, n, false);
  const s = singular(fn);
  const zi = range(dx + dy, d);
  const h = (idx: number[]) => halfLogDet(C, d, idx, s) - (biasCorrect ? entropyBias(idx.length, n) : 0);
  return h([...range(0, dx), ...zi]) + h(range(dx, d)) - h(range(0, d)) - h(zi);
}

/** gcmi's `gccmi_ccd` (its first value): Σ_z p(z)·gcmi_cc(x, y | Z = z), each class copnormed on its own. */
export function gccmiCCD(fn: string, K: Kernels, x: readonly Float64Array[], y: readonly Float64Array[], codes: Int32Array, classes: number, biasCorrect = true): number {
  const n = codes.length;
  const groups = classMembers(codes, classes);
  for (const g of groups) needSamples(fn, g.length, x.length + y.length, 'in each class of z');
  let cmi = 0;
  const wx = tieWarning(fn, 'x');
  const wy = tieWarning(fn, 'y');
  for (const g of groups) {
    const cx = x.map((c) => copnormColumn(K, pick(c, g), wx));
    const cy = y.map((c) => copnormColumn(K, pick(c, g), wy));
    cmi += (g.length / n) * miGG(fn, cx, cy, g.length, biasCorrect, true);
  }
  return cmi;
}

/**
 * gcmi warns when a continuous dimension has more than 10% repeated values (ties get
 * arbitrary copula ranks). Returns copnorm's tie callback for one variable: it warns once.
 */
export function tieWarning(fn: string, name: string): (distinctFraction: number) => void {
  let warned = false;
  return (f) => {
    if (f < 0.9 && !warned) {
      warned = true;
      console.warn(`${fn}: ${name} has more than 10% repeated values; gcmi ranks ties by order of appearance, so the estimate depends on it`);
    }
  };
}

/** The `biasCorrect` option: a boolean, default `dflt`. */
export function biasCorrectOption(fn: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new TypeError(`${fn}: biasCorrect must be a boolean, got ${String(v)}`);
  return v;
}
