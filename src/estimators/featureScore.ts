// One column of sklearn's _estimate_mi: the MI of a preprocessed feature with the
// target, by the kinds of the two (sklearn 1.2.1 _compute_mi). Runs on the main
// thread or in a pool worker; the same input gives the same bits in either.
import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { Kernels } from '../backend/kernels.js';
import { contingency } from '../core/contingency.js';
import { encodeLabels } from '../core/labels.js';
import { pluginMutualInfoNats } from './discrete.js';
import { ksgNats } from './ksg.js';
import { rossMutualInfo } from './ross.js';
import { mixedKsgNats } from './mixedKsg.js';

/** A feature column and the target, already scaled and noised where continuous. */
export interface FeatureTask {
  x: Float64Array;
  xDiscrete: boolean;
  /** Continuous target values, or the target's label codes in [0, yClasses). */
  y: Float64Array | Int32Array;
  yClasses: number;
  yDiscrete: boolean;
  k: number;
  backend?: BackendOption;
  /** Mixed-KSG for this column instead of sklearn's estimators. */
  mixedKsg?: boolean;
}

/**
 * Mixed-KSG of one column against the target; class codes are spaced wider than the
 * column's range, so points of different classes are never neighbours unless a class has
 * k or fewer members.
 */
function mixedKsgScore(kern: Kernels, t: FeatureTask): number {
  const n = t.x.length;
  let y = t.y as Float64Array;
  if (t.yDiscrete) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = t.x[i] < lo ? t.x[i] : lo;
      hi = t.x[i] > hi ? t.x[i] : hi;
    }
    const gap = 2 * (hi - lo) + 1;
    y = Float64Array.from(t.y as Int32Array, (c) => c * gap);
  }
  return mixedKsgNats(kern, { data: t.x, n, d: 1 }, { data: y, n, d: 1 }, t.k);
}

function codesOf(kern: Kernels, v: Float64Array): [Int32Array, number] {
  const codes = new Int32Array(v.length);
  const K = encodeLabels('featureScore', 'x', v, codes, kern.rangeI32);
  return [codes, K];
}

/** MI of one feature with the target in nats, clipped at 0 as sklearn does. */
export function scoreFeature(t: FeatureTask): number {
  const kern = kernelsFor('featureScore', t.backend);
  let mi: number;
  if (t.mixedKsg) {
    mi = mixedKsgScore(kern, t);
  } else if (t.xDiscrete && t.yDiscrete) {
    mi = pluginMutualInfoNats(kern, contingency(kern, 'featureScore', t.x, t.y));
  } else if (t.xDiscrete) {
    const [codes, K] = codesOf(kern, t.x);
    mi = rossMutualInfo(kern, t.y as Float64Array, 1, codes, K, t.k);
  } else if (t.yDiscrete) {
    mi = rossMutualInfo(kern, t.x, 1, t.y as Int32Array, t.yClasses, t.k);
  } else {
    // sklearn's _compute_mi_cc: KSG algorithm 1 on 1-D x and y; its radius nextafter(ε, 0)
    // with ≤ is exactly the strict < ε of ksgNats.
    const n = t.x.length;
    mi = ksgNats(kern, { data: t.x, n, d: 1 }, { data: t.y as Float64Array, n, d: 1 }, t.k, 1);
  }
  return mi > 0 ? mi : 0;
}
