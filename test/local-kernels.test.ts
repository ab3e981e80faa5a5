// The shared TypeScript helpers under the local and time-series estimators, against brute force.
import { describe, expect, it } from 'vitest';
import { kernelsFor } from '../src/backend/select.js';
import { countWithinBox } from '../src/local/boxCount.js';
import { exclusion, knnExcluded, rowDist } from '../src/local/exclusion.js';
import { BACKENDS, rng } from './support/helpers.js';

function points(n: number, d: number, seed: number, grid = 0): Float64Array {
  const r = rng(seed);
  // grid > 0 rounds to a lattice: many exact ties in distance
  return Float64Array.from({ length: n * d }, () => (grid > 0 ? Math.round(r() * grid) / grid : r()));
}

describe('countWithinBox', () => {
  it('equals a brute-force count of points within per-query, per-column half-widths (≤), ties included', () => {
    for (const [d, grid] of [[1, 0], [2, 0], [3, 8], [4, 5]]) {
      const n = 700;
      const p = points(n, d, 3 + d, grid);
      const r = rng(99);
      const half = Float64Array.from({ length: n * d }, () => (grid > 0 ? Math.round(r() * 3) / grid : r() * 0.2));
      const got = countWithinBox(p, d, half);
      for (let i = 0; i < n; i++) {
        let c = 0;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          let ok = true;
          for (let a = 0; a < d; a++) ok &&= Math.abs(p[j * d + a] - p[i * d + a]) <= half[i * d + a];
          if (ok) c++;
        }
        expect(got[i]).toBe(c);
      }
    }
  });
});

describe.each(BACKENDS)('knnExcluded (%s)', (backend) => {
  const K = kernelsFor('test', backend);
  it('gives the k-th distance and, at ties, the lowest-indexed neighbours, outside a Theiler window', () => {
    const n = 300;
    const d = 2;
    const data = points(n, d, 5, 6); // a 7 × 7 lattice: ties everywhere
    for (const w of [0, 2]) {
      const ex = exclusion(w, [200, 100]);
      const k = 4;
      const nb = knnExcluded(K, { data, n, d }, k, ex, true);
      for (let i = 0; i < n; i++) {
        const sameTrial = (j: number) => (i < 200) === (j < 200);
        const cand = [];
        for (let j = 0; j < n; j++) if (j !== i && !(sameTrial(j) && Math.abs(i - j) <= w)) cand.push({ j, e: rowDist(data, d, i, j) });
        cand.sort((a, b) => a.e - b.e || a.j - b.j);
        expect(nb.dist[i]).toBe(cand[k - 1].e);
        expect(Array.from(nb.idx!.subarray(i * k, i * k + k)).sort((a, b) => a - b)).toEqual(cand.slice(0, k).map((c) => c.j).sort((a, b) => a - b));
      }
    }
  });
});
