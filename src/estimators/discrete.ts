// Plug-in (maximum-likelihood) estimators on labels: the shared core of
// mutualInfoScore, the normalized and adjusted scores, entropy and mutualInformation.
import type { Kernels } from '../backend/kernels.js';
import type { Contingency } from '../core/contingency.js';
import { checkSequence, sameLength } from '../core/validate.js';

/** Plug-in entropy of class counts in nats: ln N − (1/N) Σ n ln n, one log per class. */
export function pluginEntropyNats(k: Kernels, counts: Float64Array): number {
  let total = 0;
  let classes = 0;
  for (const c of counts) {
    total += c;
    if (c > 0) classes++;
  }
  if (classes <= 1) return 0;
  const h = Math.log(total) - k.sumNLogN(counts) / total;
  return h > 0 ? h : 0;
}

/** Plug-in MI of a contingency table in nats, as sklearn.metrics.mutual_info_score (1.2.1). */
export function pluginMutualInfoNats(k: Kernels, t: Contingency): number {
  if (t.rows.length === 1 || t.cols.length === 1) return 0;
  return k.miSparse(t.rowIdx, t.colIdx, t.nij, t.rows, t.cols, t.n);
}

/** Checks a pair of label sequences at the public edge. */
export function checkLabelPair(fn: string, a: unknown, b: unknown, names = ['a', 'b']): void {
  const na = checkSequence(fn, names[0], a);
  const nb = checkSequence(fn, names[1], b);
  sameLength(fn, names[0], na, names[1], nb);
}
