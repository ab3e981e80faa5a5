// The k-NN estimates of greedy selection's pair terms against a class label Y, for
// continuous columns (already scaled and noised as sklearn's _estimate_mi does) and
// discrete ones: KSG algorithm 1 for two continuous sides, Ross's mixed estimator for a
// continuous side against labels, the plug-in MI for two label sides. A discrete variable
// in a condition splits the samples: I(A;B|C) = Σ_c p(c) I(A;B|C=c). A continuous one
// goes through the chain rule, I(Xj;Y|Xs) = I(Xj Xs; Y) − I(Xs; Y), with I(Xj Xs; Y) by Ross
// on the 2-D points (Frenzel–Pompe's idea for a discrete target). Runs on the calling
// thread or in a pool worker with the same bits.
import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { Kernels } from '../backend/kernels.js';
import { contingency } from '../core/contingency.js';
import { encodeLabels } from '../core/labels.js';
import { compactCodes } from '../backend/js/compact.js';
import { pluginMutualInfoNats } from '../estimators/discrete.js';
import { ksgNats } from '../estimators/ksg.js';
import { rossMutualInfo } from '../estimators/ross.js';
import { criterionOf, type CriterionParams, type PairStats, type SelectionMethod } from './criteria/index.js';

/** One column: its prepared values, and whether it is read as labels. */
export interface KnnColumn {
  x: Float64Array;
  discrete: boolean;
}

/** Class codes in [0, Ky) and k. */
export interface KnnTarget {
  y: Int32Array;
  Ky: number;
  k: number;
}

const FN = 'selectFeatures';

function pick(x: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let t = 0; t < idx.length; t++) out[t] = x[idx[t]];
  return out;
}

function pickI(x: Int32Array, idx: Int32Array): Int32Array {
  const out = new Int32Array(idx.length);
  for (let t = 0; t < idx.length; t++) out[t] = x[idx[t]];
  return out;
}

function codesOf(x: Float64Array): [Int32Array, number] {
  const codes = new Int32Array(x.length);
  return [codes, compactCodes(codes, encodeLabels(FN, 'x', x, codes))];
}

/** The sample indices of each group of labels x. */
function groups(codes: Int32Array, K: number): Int32Array[] {
  const count = new Int32Array(K);
  for (const c of codes) count[c]++;
  const out = Array.from(count, (c) => new Int32Array(c));
  const fill = new Int32Array(K);
  for (let i = 0; i < codes.length; i++) out[codes[i]][fill[codes[i]]++] = i;
  return out;
}

/** I(A; B) in nats (raw) for any kinds of A and B, with k neighbours (capped at n − 1). */
function mi(kern: Kernels, a: KnnColumn, b: KnnColumn, k: number): number {
  const n = a.x.length;
  if (n < 2) return 0;
  const kk = Math.min(k, n - 1);
  if (a.discrete && b.discrete) return pluginMutualInfoNats(kern, contingency(kern, FN, a.x, b.x));
  if (a.discrete || b.discrete) {
    const [lab, cont] = a.discrete ? [a, b] : [b, a];
    const [codes, K] = codesOf(lab.x);
    return rossMutualInfo(kern, cont.x, 1, codes, K, kk);
  }
  return ksgNats(kern, { data: a.x, n, d: 1 }, { data: b.x, n, d: 1 }, kk, 1);
}

/** I(A; Y) in nats, raw. */
export function relevanceOf(kern: Kernels, a: KnnColumn, t: KnnTarget): number {
  if (a.discrete) return pluginMutualInfoNats(kern, contingency(kern, FN, a.x, t.y));
  return rossMutualInfo(kern, a.x, 1, t.y, t.Ky, Math.min(t.k, a.x.length - 1));
}

/** I(A; B | Y) = Σ_c p(c) I(A; B | Y = c). */
function miGivenY(kern: Kernels, a: KnnColumn, b: KnnColumn, t: KnnTarget): number {
  const n = t.y.length;
  let s = 0;
  for (const idx of groups(t.y, t.Ky)) {
    if (idx.length < 2) continue;
    const part = mi(kern, { x: pick(a.x, idx), discrete: a.discrete }, { x: pick(b.x, idx), discrete: b.discrete }, t.k);
    s += (idx.length / n) * part;
  }
  return s;
}

/** I(A B; Y): Ross on the 2-D points, or a split on the discrete member, or the plug-in MI of the joint labels. */
export function jointRelevance(kern: Kernels, a: KnnColumn, b: KnnColumn, t: KnnTarget): number {
  const n = t.y.length;
  if (a.discrete && b.discrete) {
    const [ca, ka] = codesOf(a.x);
    const [cb, kb] = codesOf(b.x);
    const joint = new Int32Array(n);
    for (let i = 0; i < n; i++) joint[i] = ca[i] * kb + cb[i];
    void ka;
    return pluginMutualInfoNats(kern, contingency(kern, FN, joint, t.y));
  }
  if (a.discrete || b.discrete) {
    const [lab, cont] = a.discrete ? [a, b] : [b, a];
    const [codes, K] = codesOf(lab.x);
    let s = relevanceOf(kern, lab, t);
    for (const idx of groups(codes, K)) {
      if (idx.length < 2) continue;
      const yy = pickI(t.y, idx);
      s += (idx.length / n) * rossMutualInfo(kern, pick(cont.x, idx), 1, yy, t.Ky, Math.min(t.k, idx.length - 1));
    }
    return s;
  }
  const pts = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pts[2 * i] = a.x[i];
    pts[2 * i + 1] = b.x[i];
  }
  return rossMutualInfo(kern, pts, 2, t.y, t.Ky, Math.min(t.k, n - 1));
}

/** The pair terms a criterion needs, for candidate a and pick b. */
export function knnStats(kern: Kernels, a: KnnColumn, b: KnnColumn, t: KnnTarget, needs: readonly string[]): PairStats {
  return {
    mi: needs.includes('mi') ? mi(kern, a, b, t.k) : NaN,
    miGivenY: needs.includes('miGivenY') ? miGivenY(kern, a, b, t) : NaN,
    jointRelevance: needs.includes('jointRelevance') ? jointRelevance(kern, a, b, t) : NaN,
    jointEntropy: NaN,
  };
}

/** A pool task: one cache term (method set) or one CMIM term I(Xj; Y | Xs) (method 'cmim'). */
export interface KnnTermTask {
  candidate: KnnColumn;
  pick: KnnColumn;
  target: KnnTarget;
  method: SelectionMethod;
  params: CriterionParams;
  /** I(Xs; Y) for CMIM's chain rule. */
  pickRelevance: number;
  backend?: BackendOption;
}

/** Runs one KnnTermTask on this thread or in a worker. */
export function knnTermTask(p: KnnTermTask): number {
  const kern = kernelsFor(FN, p.backend);
  if (p.method === 'cmim') return jointRelevance(kern, p.candidate, p.pick, p.target) - p.pickRelevance;
  const c = criterionOf(p.method);
  return c.entry(knnStats(kern, p.candidate, p.pick, p.target, c.needs(p.params)), p.params);
}
