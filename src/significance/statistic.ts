// The statistic that a permutation test recomputes: the MI estimate of x against y
// reordered, with everything that the reordering does not change prepared once (label
// codes, bin codes, scaled and noised points, the x-side sorted order). A spec is plain
// data, so the same statistic can be rebuilt in a pool worker and gives the same bits there.
import type { Kernels } from '../backend/kernels.js';
import { kernelsFor, type BackendOption } from '../backend/select.js';
import { contingency } from '../core/contingency.js';
import type { DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import type { Points } from '../core/points.js';
import { correctedMutualInfoNats } from '../estimators/biasCorrected.js';
import { gaussianMutualInformation } from '../estimators/gaussian.js';
import { ksgNats } from '../estimators/ksg.js';
import { rossMutualInfo } from '../estimators/ross.js';
import { conditionalMutualInfoNats } from '../estimators/discreteConditional.js';
import { joinColumns } from '../core/points.js';
import { lineKsgStatistic } from './lineKsg.js';

/** What every spec holds: the sample size and the backend that must run it (for identical bits). */
interface SpecBase {
  n: number;
  backend?: BackendOption;
}

/** Label or bin codes of both sides: the discrete and binned estimators. */
export interface CodesSpec extends SpecBase {
  kind: 'codes';
  a: Int32Array;
  b: Int32Array;
  correction: DiscreteEntropyEstimator;
}

/** Scaled, noised points: KSG algorithm 1 or 2. */
export interface KsgSpec extends SpecBase {
  kind: 'ksg';
  x: Float64Array;
  dx: number;
  y: Float64Array;
  dy: number;
  k: number;
  algorithm: 1 | 2;
}

/** Ross's mixed estimator: a continuous side (scaled, noised) and label codes. */
export interface RossSpec extends SpecBase {
  kind: 'ross';
  c: Float64Array;
  d: number;
  codes: Int32Array;
  classes: number;
  k: number;
  /** Which of the two is y, the side that is reordered. */
  permute: 'codes' | 'points';
}

/** The parametric Gaussian MI, from the columns of each side. */
export interface GaussianSpec extends SpecBase {
  kind: 'gaussian';
  x: Float64Array[];
  y: Float64Array[];
  /** The public function, named when a shuffle makes the covariance singular. */
  fn?: string;
}

/** I(X; Y | Z) of label codes (discrete CMI); x is the side reordered. */
export interface CmiCodesSpec extends SpecBase {
  kind: 'cmi-codes';
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  correction: DiscreteEntropyEstimator;
}

/** Frenzel–Pompe I(X; Y | Z) of scaled, noised points; x is the side reordered. */
export interface CmiKsgSpec extends SpecBase {
  kind: 'cmi-ksg';
  x: Float64Array;
  dx: number;
  y: Float64Array;
  dy: number;
  z: Float64Array;
  dz: number;
  k: number;
}

/** Any estimator not prepared above: the raw samples, re-estimated by a caller-supplied function. */
export interface GenericSpec extends SpecBase {
  kind: 'generic';
  x: unknown;
  y: unknown;
  /** Conditional tests: z, and x (not y) is the side reordered. */
  z?: unknown;
  options: Record<string, unknown>;
  /** The public function the estimate runs for: a worker names it in its errors, as the caller would. */
  fn?: string;
}

export type StatisticSpec = CodesSpec | KsgSpec | RossSpec | GaussianSpec | CmiCodesSpec | CmiKsgSpec | GenericSpec;

/** Estimates MI of raw x and y (CMI given z, when z is passed) with options: the fallback for GenericSpec. */
export type GenericEstimate = (x: unknown, y: unknown, options: Record<string, unknown>, z?: unknown) => number;

/**
 * statistic(perm): the estimate with y_i replaced by y_perm[i] (conditional: x_i by
 * x_perm[i]); perm null means the data as given. perm need not be a bijection (Runge's
 * local scheme draws with few repeats).
 */
export type Statistic = (perm: Int32Array | null) => number;

function gatherRows(src: Float64Array, d: number, perm: Int32Array, out: Float64Array): Float64Array {
  if (d === 1) for (let i = 0; i < perm.length; i++) out[i] = src[perm[i]];
  else for (let i = 0; i < perm.length; i++) for (let c = 0; c < d; c++) out[i * d + c] = src[perm[i] * d + c];
  return out;
}

function maxCode(c: Int32Array): number {
  let k = 0;
  for (let i = 0; i < c.length; i++) if (c[i] >= k) k = c[i] + 1;
  return k;
}

function gatherCodes(src: Int32Array, perm: Int32Array, out: Int32Array): Int32Array {
  for (let i = 0; i < perm.length; i++) out[i] = src[perm[i]];
  return out;
}

function rawRows(cols: Float64Array[], perm: Int32Array | null): number[] | number[][] {
  const n = cols[0].length;
  const at = (i: number) => (perm ? perm[i] : i);
  if (cols.length === 1) return Array.from({ length: n }, (_, i) => cols[0][at(i)]);
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[at(i)]));
}

/** Permutes a raw sample (1-D array, typed array or rows) into a plain array. */
export function permuteRaw(y: unknown, perm: Int32Array): unknown[] {
  const ys = y as ArrayLike<unknown>;
  return Array.from(perm, (j) => ys[j]);
}

/**
 * The plug-in MI of codes under permutation: the marginals never change, so
 * I = ln N + (Σ n_ij ln n_ij − Σ a_i ln a_i − Σ b_j ln b_j) / N with n ln n from a table,
 * one pass over the samples and one over the cells. Observed and permuted values both come
 * from here, so the p-value compares like with like (`value` itself is sklearn's sum).
 */
function pluginCodesStatistic(s: CodesSpec): Statistic {
  const n = s.n;
  let ka = 0;
  let kb = 0;
  for (let i = 0; i < n; i++) {
    if (s.a[i] >= ka) ka = s.a[i] + 1;
    if (s.b[i] >= kb) kb = s.b[i] + 1;
  }
  const nlogn = new Float64Array(n + 1);
  for (let c = 2; c <= n; c++) nlogn[c] = c * Math.log(c);
  const ra = new Int32Array(ka);
  const rb = new Int32Array(kb);
  for (let i = 0; i < n; i++) (ra[s.a[i]]++, rb[s.b[i]]++);
  let marg = 0;
  for (const c of ra) marg += nlogn[c];
  for (const c of rb) marg += nlogn[c];
  const cells = new Int32Array(ka * kb);
  return (perm) => {
    cells.fill(0);
    const { a, b } = s;
    if (perm) for (let i = 0; i < n; i++) cells[a[i] * kb + b[perm[i]]]++;
    else for (let i = 0; i < n; i++) cells[a[i] * kb + b[i]]++;
    let joint = 0;
    for (let c = 0; c < cells.length; c++) joint += nlogn[cells[c]];
    const mi = Math.log(n) + (joint - marg) / n;
    return mi > 0 ? mi : 0;
  };
}

function codesStatistic(K: Kernels, s: CodesSpec): Statistic {
  // Dense cells up to 2^24 (64 MiB of counts); beyond, the sparse contingency path below.
  if (s.correction === 'plugin' && maxCode(s.a) * maxCode(s.b) <= 1 << 24) return pluginCodesStatistic(s);
  const buf = new Int32Array(s.n);
  return (perm) => correctedMutualInfoNats(K, contingency(K, 'statistic', s.a, perm ? gatherCodes(s.b, perm, buf) : s.b), s.correction);
}

function ksgStatistic(K: Kernels, s: KsgSpec): Statistic {
  if (s.dx === 1 && s.dy === 1 && s.algorithm === 1) return lineKsgStatistic(K, s.x, s.y, s.k);
  const x: Points = { data: s.x, n: s.n, d: s.dx };
  const buf = new Float64Array(s.y.length);
  return (perm) => ksgNats(K, x, { data: perm ? gatherRows(s.y, s.dy, perm, buf) : s.y, n: s.n, d: s.dy }, s.k, s.algorithm);
}

function rossStatistic(K: Kernels, s: RossSpec): Statistic {
  const cb = new Int32Array(s.n);
  const pb = new Float64Array(s.c.length);
  return (perm) => {
    if (!perm) return rossMutualInfo(K, s.c, s.d, s.codes, s.classes, s.k);
    if (s.permute === 'codes') return rossMutualInfo(K, s.c, s.d, gatherCodes(s.codes, perm, cb), s.classes, s.k);
    return rossMutualInfo(K, gatherRows(s.c, s.d, perm, pb), s.d, s.codes, s.classes, s.k);
  };
}

function cmiKsgStatistic(K: Kernels, s: CmiKsgSpec): Statistic {
  const n = s.n;
  const z: Points = { data: s.z, n, d: s.dz };
  const y: Points = { data: s.y, n, d: s.dy };
  const yz = joinColumns([y, z]);
  const head = K.digamma(s.k);
  const buf = new Float64Array(s.x.length);
  return (perm) => {
    // Frenzel–Pompe as in estimators/frenzelPompe.ts; only the spaces holding x change
    const x: Points = { data: perm ? gatherRows(s.x, s.dx, perm, buf) : s.x, n, d: s.dx };
    const { dist } = K.knnMaxNorm(joinColumns([x, y, z]).data, s.dx + s.dy + s.dz, s.k, false);
    const nxz = K.countWithinMaxNorm(joinColumns([x, z]).data, s.dx + s.dz, dist, false);
    const nyz = K.countWithinMaxNorm(yz.data, s.dy + s.dz, dist, false);
    const nz = K.countWithinMaxNorm(s.z, s.dz, dist, false);
    return head - (K.sumDigamma(nxz, 1) + K.sumDigamma(nyz, 1) - K.sumDigamma(nz, 1)) / n;
  };
}

function cmiCodesStatistic(K: Kernels, s: CmiCodesSpec): Statistic {
  const buf = new Int32Array(s.n);
  const enc = (codes: Int32Array) => {
    let k = 0;
    for (let i = 0; i < codes.length; i++) if (codes[i] >= k) k = codes[i] + 1;
    return { codes, k, alphabet: k };
  };
  const b = enc(s.b);
  const c = enc(s.c);
  const ka = enc(s.a).k;
  return (perm) => {
    const a = perm ? { codes: gatherCodes(s.a, perm, buf), k: ka, alphabet: ka } : enc(s.a);
    return conditionalMutualInfoNats({ k: K, vars: [a, b, c], est: s.correction, div: 1 });
  };
}

/** Builds the statistic of a spec, in nats (generic: in the units of its options). */
export function makeStatistic(s: StatisticSpec, generic?: GenericEstimate): Statistic {
  const K = kernelsFor('statistic', s.backend);
  switch (s.kind) {
    case 'codes':
      return codesStatistic(K, s);
    case 'ksg':
      return ksgStatistic(K, s);
    case 'ross':
      return rossStatistic(K, s);
    case 'cmi-codes':
      return cmiCodesStatistic(K, s);
    case 'cmi-ksg':
      return cmiKsgStatistic(K, s);
    case 'gaussian': {
      const xr = rawRows(s.x, null);
      return (perm) => gaussianMutualInformation(s.fn ?? 'statistic', xr, rawRows(s.y, perm), { backend: s.backend });
    }
    default: {
      if (!generic) throw new Error('statistic: a generic spec needs an estimate function');
      if (s.z !== undefined) return (perm) => generic(perm ? permuteRaw(s.x, perm) : s.x, s.y, s.options, s.z);
      return (perm) => generic(s.x, perm ? permuteRaw(s.y, perm) : s.y, s.options);
    }
  }
}
