// Multiple-testing corrections of a vector of p-values.
import { oneOf, show } from '../core/validate.js';

/** `'holm'`: Holm (1979) step-down, controls the family-wise error rate. `'bh'`: Benjamini–Hochberg (1995) q-values, controls the false discovery rate. */
export type PAdjustMethod = 'holm' | 'bh' | 'none';

/**
 * Adjusted p-values, as R's p.adjust(p, 'holm' | 'BH' | 'none'): Holm's
 * max_{j ≤ i} min(1, (m − j + 1)·p_(j)), or BH's min_{j ≥ i} min(1, m·p_(j) / j).
 * Cost: O(m log m). Reference: Holm, Scand. J. Statist. 6 (1979); Benjamini & Hochberg,
 * JRSS B 57 (1995).
 * @throws TypeError if p is not an array of numbers
 * @throws RangeError if a p-value is outside [0, 1] or NaN, or method is not 'holm', 'bh' or 'none'
 * @example
 * adjustPValues(Float64Array.from([0.04, 0.001, 0.03, 0.5]), 'holm'); // => Float64Array [0.09, 0.004, 0.09, 0.5]
 */
export function adjustPValues(p: Float64Array, method: PAdjustMethod): Float64Array {
  const fn = 'adjustPValues';
  // Checked at the public edge (the fuzz suite found null and NaN passing through).
  if (!Array.isArray(p) && !(ArrayBuffer.isView(p) && !(p instanceof DataView))) {
    throw new TypeError(`${fn}: p must be an array or a typed array of p-values, got ${show(p)}`);
  }
  for (let i = 0; i < p.length; i++) {
    const v = (p as ArrayLike<unknown>)[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: p must hold numbers, got ${show(v)} at index ${i}`);
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${fn}: p must hold p-values in [0, 1], got ${v} at index ${i}`);
  }
  oneOf(fn, 'method', method, ['holm', 'bh', 'none'], 'none');
  if (method === undefined) throw new RangeError(`${fn}: method must be one of 'holm', 'bh', 'none', got undefined`);
  const m = p.length;
  if (method === 'none' || m === 0) return Float64Array.from(p);
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const out = new Float64Array(m);
  if (method === 'holm') {
    let run = 0;
    for (let j = 0; j < m; j++) {
      run = Math.max(run, Math.min(1, (m - j) * p[order[j]]));
      out[order[j]] = run;
    }
  } else {
    let run = 1;
    for (let j = m - 1; j >= 0; j--) {
      run = Math.min(run, Math.min(1, (m * p[order[j]]) / (j + 1)));
      out[order[j]] = run;
    }
  }
  return out;
}
