// Multiple-testing corrections of a vector of p-values.

/** `'holm'`: Holm (1979) step-down, controls the family-wise error rate. `'bh'`: Benjamini–Hochberg (1995) q-values, controls the false discovery rate. */
export type PAdjustMethod = 'holm' | 'bh' | 'none';

/**
 * Adjusted p-values, as R's p.adjust(p, 'holm' | 'BH' | 'none'): Holm's
 * max_{j ≤ i} min(1, (m − j + 1)·p_(j)), or BH's min_{j ≥ i} min(1, m·p_(j) / j).
 * Cost: O(m log m). Reference: Holm, Scand. J. Statist. 6 (1979); Benjamini & Hochberg,
 * JRSS B 57 (1995).
 * @example
 * adjustPValues(Float64Array.from([0.04, 0.001, 0.03, 0.5]), 'holm'); // => Float64Array [0.09, 0.004, 0.09, 0.5]
 */
export function adjustPValues(p: Float64Array, method: PAdjustMethod): Float64Array {
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
