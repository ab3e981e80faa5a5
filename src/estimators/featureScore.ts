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
  if (t.xDiscrete && t.yDiscrete) {
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
