// How the reordered side is shuffled: freely (independence tests), within strata of a
// discrete z, or among near neighbours in z (Runge's local permutation). Each draw i comes
// from UniformStream(seed, i) alone.
import { UniformStream, seededPermutation } from '../core/random.js';

/** A shuffle scheme, as plain data for pool workers. */
export type Scheme =
  | { kind: 'plain' }
  /** strata[i]: the stratum (z code) of sample i; samples are shuffled within their stratum only. */
  | { kind: 'strata'; strata: Int32Array }
  /** Row i of neighbours (n × m): sample i itself and its m − 1 nearest in z (max norm). */
  | { kind: 'local'; neighbours: Int32Array; m: number };

/** Shuffle `index` of a scheme into out (length n). */
export function drawShuffle(scheme: Scheme, seed: number, index: number, out: Int32Array): Int32Array {
  if (scheme.kind === 'plain') return seededPermutation(seed, index, out);
  const n = out.length;
  const u = new UniformStream(seed, index);
  if (scheme.kind === 'strata') {
    // Members of each stratum in sample order, then a Fisher–Yates shuffle of each stratum's slots.
    const s = scheme.strata;
    let k = 0;
    for (let i = 0; i < n; i++) if (s[i] >= k) k = s[i] + 1;
    const start = new Int32Array(k + 1);
    for (let i = 0; i < n; i++) start[s[i] + 1]++;
    for (let c = 0; c < k; c++) start[c + 1] += start[c];
    const members = new Int32Array(n);
    const fill = start.slice(0, k);
    for (let i = 0; i < n; i++) members[fill[s[i]]++] = i;
    const shuffled = members.slice();
    for (let c = 0; c < k; c++) {
      const a = start[c];
      for (let i = start[c + 1] - 1; i > a; i--) {
        const j = a + u.below(i - a + 1);
        const t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
    }
    for (let t = 0; t < n; t++) out[members[t]] = shuffled[t];
    return out;
  }
  // Runge (AISTATS 2018), Algorithm 1 as in tigramite's CMIknn: visit the samples in random
  // order; each takes a random one of its z-neighbours not yet used, or, if all are used, the
  // last one tried.
  const { neighbours, m } = scheme;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = u.below(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const used = new Uint8Array(n);
  const row = new Int32Array(m);
  for (let o = 0; o < n; o++) {
    const i = order[o];
    row.set(neighbours.subarray(i * m, i * m + m));
    for (let a = m - 1; a > 0; a--) {
      const j = u.below(a + 1);
      const t = row[a];
      row[a] = row[j];
      row[j] = t;
    }
    let c = 0;
    let use = row[0];
    while (used[use] && c < m - 1) use = row[++c];
    out[i] = use;
    used[use] = 1;
  }
  return out;
}
