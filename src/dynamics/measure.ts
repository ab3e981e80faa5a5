// The engine of the time-series measures: I(A; B | C) over delay-embedded, pooled
// observations, by any of the four estimators, with locals put back on the time axis.
import { encodeCompact, joint, type Encoded } from '../core/jointCodes.js';
import { joinColumns, prepare, type Points } from '../core/points.js';
import { countLocals, mean } from '../local/discrete.js';
import { exclusion, minCandidates } from '../local/exclusion.js';
import { gaussianLocals } from '../local/gaussian.js';
import { cmiEstimate, ksgEstimate } from '../local/knn.js';
import { byTime, embed, layout, type Layout, type Part } from './embed.js';
import { labelTrials, numericTrials } from './series.js';
import type { Settings } from './options.js';

/** One input variable: its name (for messages) and its trials. */
export interface Variable {
  name: string;
  trials: ArrayLike<unknown>[];
}

/** I(A; B | C): A and B are required, C may be empty (then an MI). */
export interface Spec {
  A: Part[];
  B: Part[];
  C: Part[];
}

/** Embedded, prepared observations, ready for one or many (permuted) estimates. */
export interface Prepared {
  s: Settings;
  lay: Layout;
  /** Continuous: the points of A, B, C (C null when empty). */
  pts?: { A: Points; B: Points; C: Points | null };
  /** Discrete: the joint codes of A, B, C. */
  codes?: { A: Encoded; B: Encoded; C: Encoded | null };
}

function describeEmbedding(spec: Spec): number {
  return Math.max(0, ...[...spec.A, ...spec.B, ...spec.C].flatMap((p) => p.lags));
}

/** Validates lengths, builds the embedding and prepares the data; throws RangeErrors naming the problem. */
export function prepareMeasure(s: Settings, vars: Variable[], spec: Spec): Prepared {
  const { fn } = s;
  const lengths = vars[0].trials.map((t) => t.length);
  for (const v of vars.slice(1)) {
    if (v.trials.length !== lengths.length) {
      throw new RangeError(`${fn}: ${vars[0].name} and ${v.name} must have the same number of trials, got ${lengths.length} and ${v.trials.length}`);
    }
    v.trials.forEach((t, i) => {
      if (t.length !== lengths[i]) {
        const where = lengths.length > 1 ? ` in trial ${i}` : '';
        throw new RangeError(`${fn}: ${vars[0].name} and ${v.name} must have the same length${where}, got ${lengths[i]} and ${t.length}`);
      }
    });
  }
  const lay = layout(lengths, [...spec.A, ...spec.B, ...spec.C]);
  const t0 = describeEmbedding(spec);
  const knn = s.estimator === 'ksg' || s.estimator === 'ksg2';
  const need = knn ? s.k + 1 : 2;
  lengths.forEach((L, i) => {
    if (L <= t0 || (lengths.length === 1 && L < t0 + need)) {
      const what = knn ? `the embedding (${t0} steps) plus k + 1 = ${s.k + 1}` : `the embedding (${t0} steps) plus 2`;
      const where = lengths.length > 1 ? ` (trial ${i})` : '';
      throw new RangeError(`${fn}: ${vars[0].name} is too short${where}: it needs at least ${t0 + (lengths.length === 1 ? need : 1)} values, ${what}, got ${L}`);
    }
  });
  if (lay.n < need) throw new RangeError(`${fn}: the trials hold ${lay.n} embedded observations in all, fewer than ${need}`);
  if (s.estimator === 'discrete') {
    const enc = vars.map((v) => encodeCompact(fn, v.name, labelTrials(v.trials)));
    const group = (parts: Part[]): Encoded | null => {
      if (parts.length === 0) return null;
      const cols: Encoded[] = [];
      for (const p of parts) {
        const e = embed(enc[p.v].codes, p, lay, (m) => new Int32Array(m));
        const d = p.lags.length;
        for (let c = 0; c < d; c++) {
          const codes = new Int32Array(lay.n);
          for (let i = 0; i < lay.n; i++) codes[i] = e[i * d + c];
          cols.push({ codes, k: enc[p.v].k, alphabet: enc[p.v].k });
        }
      }
      return joint(cols);
    };
    return { s, lay, codes: { A: group(spec.A)!, B: group(spec.B)!, C: group(spec.C) } };
  }
  const series = vars.map((v) => ({ data: numericTrials(fn, v.name, v.trials), n: 0, d: 1 }));
  for (const p of series) p.n = p.data.length;
  if (knn) prepare(series, s.normalize, s.noise, s.seed);
  const group = (parts: Part[]): Points | null => {
    if (parts.length === 0) return null;
    return joinColumns(parts.map((p) => ({ data: embed(series[p.v].data, p, lay, (m) => new Float64Array(m)), n: lay.n, d: p.lags.length })));
  };
  const pts = { A: group(spec.A)!, B: group(spec.B)!, C: group(spec.C) };
  if (knn) {
    const cand = minCandidates(lay.n, exclusion(s.theiler, lay.counts));
    if (cand < s.k) {
      throw new RangeError(`${fn}: k must be at most the number of neighbour candidates, got k = ${s.k} with ${cand} observations outside the Theiler window`);
    }
  }
  return { s, lay, pts };
}

/** Rows of B permuted: row i takes row perm[i]. */
function permuteRows<T extends Float64Array | Int32Array>(data: T, d: number, perm: Int32Array): T {
  const out = data.slice() as T;
  for (let i = 0; i < perm.length; i++) for (let c = 0; c < d; c++) out[i * d + c] = data[perm[i] * d + c];
  return out;
}

/** Splits points into their columns. */
function columns(p: Points): Float64Array[] {
  return Array.from({ length: p.d }, (_, c) => {
    const col = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) col[i] = p.data[i * p.d + c];
    return col;
  });
}

/**
 * The estimate in the requested unit and, when asked, its locals indexed by time (NaN
 * before the first complete history). `perm` reorders the rows of B (the surrogates of
 * transferEntropyTest).
 */
export function runMeasure(pr: Prepared, locals: boolean, perm?: Int32Array): { value: number; local: Float64Array[] | null } {
  const { s, lay } = pr;
  let value: number;
  let local: Float64Array | null = null;
  if (pr.codes) {
    const { A, C } = pr.codes;
    const B = perm ? { ...pr.codes.B, codes: permuteRows(pr.codes.B.codes, 1, perm) } : pr.codes.B;
    const terms = C
      ? [{ vars: [0, 1, 2], sign: 1 }, { vars: [2], sign: 1 }, { vars: [0, 2], sign: -1 }, { vars: [1, 2], sign: -1 }]
      : [{ vars: [0, 1], sign: 1 }, { vars: [0], sign: -1 }, { vars: [1], sign: -1 }];
    local = countLocals(s.K, C ? [A, B, C] : [A, B], terms, C ? 0 : Math.log(lay.n));
    value = mean(local);
  } else {
    const { A, C } = pr.pts!;
    const B = perm ? { ...pr.pts!.B, data: permuteRows(pr.pts!.B.data, pr.pts!.B.d, perm) } : pr.pts!.B;
    if (s.estimator === 'gaussian') {
      const cols = [...columns(A), ...columns(B), ...(C ? columns(C) : [])];
      const ia = cols.slice(0, A.d).map((_, j) => j);
      const ib = Array.from({ length: B.d }, (_, j) => A.d + j);
      const ic = C ? Array.from({ length: C.d }, (_, j) => A.d + B.d + j) : [];
      const terms = C
        ? [{ cols: [...ia, ...ib, ...ic], sign: 1 }, { cols: ic, sign: 1 }, { cols: [...ia, ...ic], sign: -1 }, { cols: [...ib, ...ic], sign: -1 }]
        : [{ cols: [...ia, ...ib], sign: 1 }, { cols: ia, sign: -1 }, { cols: ib, sign: -1 }];
      const r = gaussianLocals(cols, terms, () => {
        throw new RangeError(`${s.fn}: the covariance of the embedded series is singular (a series is constant or a linear function of the others); use estimator: 'ksg'`);
      });
      value = r.value;
      local = r.local;
    } else {
      const ex = exclusion(s.theiler, lay.counts);
      const alg = s.estimator === 'ksg' ? 1 : 2;
      const r = C ? cmiEstimate(s.K, A, B, C, s.k, alg, ex, locals) : ksgEstimate(s.K, A, B, s.k, alg, ex, locals);
      value = r.value;
      local = r.local;
    }
  }
  if (s.div !== 1) {
    value /= s.div;
    if (local && locals) for (let i = 0; i < local.length; i++) local[i] /= s.div;
  }
  return { value, local: locals && local ? byTime(local, lay) : null };
}
