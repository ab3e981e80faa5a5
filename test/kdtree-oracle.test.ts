// The kd-tree's k-NN and radius counts (assembly/kdknn.ts, kdcount.ts and their flat-array JS
// twins) against brute force, d = 1 … 20, on continuous data, heavy ties and duplicates, with
// radii that sit exactly on point distances; and the two backends against each other, the
// neighbour lists included (same tree, same order of search, so the same tie-breaks).
import { beforeAll, describe, expect, it } from 'vitest';
import { jsKernels } from '../src/backend/js/index.js';
import { initWasm, wasmKernels } from '../src/backend/wasm.js';
import { rng } from './support/helpers.js';

beforeAll(() => initWasm());

type Kind = 'continuous' | 'ties' | 'duplicates' | 'clustered';

/**
 * n points of d columns: uniform, rounded to 3 levels per axis, 40 distinct rows repeated,
 * or 3 levels plus noise 1e-10 (KSG's tie-breaking: clusters of near-duplicates).
 */
function points(n: number, d: number, kind: Kind, seed: number): Float64Array {
  const r = rng(seed);
  const p = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) p[i] = kind === 'ties' || kind === 'clustered' ? Math.floor(r() * 3) : r() * 2 - 1;
  if (kind === 'clustered') for (let i = 0; i < n * d; i++) p[i] += 1e-10 * (r() - 0.5);
  if (kind === 'duplicates') for (let i = 40; i < n; i++) p.copyWithin(i * d, (i % 40) * d, (i % 40) * d + d);
  return p;
}

function cheb(p: Float64Array, d: number, i: number, j: number): number {
  let m = 0;
  for (let c = 0; c < d; c++) m = Math.max(m, Math.abs(p[j * d + c] - p[i * d + c]));
  return m;
}

function all(p: Float64Array, d: number): Float64Array[] {
  const n = p.length / d;
  return Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (j === i ? Infinity : cheb(p, d, i, j))));
}

const DIMS = Array.from({ length: 20 }, (_, i) => i + 1);
const KINDS: Kind[] = ['continuous', 'ties', 'duplicates', 'clustered'];

describe.each(KINDS)('kd-tree on %s data', (kind) => {
  it.each(DIMS)('d = %i: k-NN distances and counts equal brute force on both backends', (d) => {
    const n = 700;
    const p = points(n, d, kind, 100 * d + kind.length);
    const D = all(p, d);
    for (const k of [1, 4]) {
      const want = D.map((row) => Float64Array.from(row).sort()[k - 1]);
      const w = wasmKernels.knnMaxNorm(p, d, k, true);
      const j = jsKernels.knnMaxNorm(p, d, k, true);
      expect(Array.from(w.dist)).toEqual(want);
      expect(Array.from(j.dist)).toEqual(want);
      if (d >= 2) expect(Array.from(j.idx!)).toEqual(Array.from(w.idx!));
      for (let i = 0; i < n; i++) {
        // the listed neighbours are k distinct other points, none farther than the k-th distance
        const row = Array.from(w.idx!.subarray(i * k, i * k + k));
        expect(new Set(row).size).toBe(k);
        for (const m of row) expect(D[i][m]).toBeLessThanOrEqual(want[i]);
      }
      // radii exactly at the k-th distance: strict and inclusive differ on the boundary points
      for (const inclusive of [false, true]) {
        const r = Float64Array.from(want);
        r[0] = 0;
        r[1] = -1;
        const brute = D.map((row, i) => row.reduce((c, e) => c + ((inclusive ? e <= r[i] : e < r[i]) ? 1 : 0), 0));
        expect(Array.from(wasmKernels.countWithinMaxNorm(p, d, r, inclusive))).toEqual(brute);
        expect(Array.from(jsKernels.countWithinMaxNorm(p, d, r, inclusive))).toEqual(brute);
      }
    }
  });
});

describe('kd-tree counts with large radii (whole subtrees inside the ball)', () => {
  it.each([2, 3, 7, 16])('d = %i', (d) => {
    const n = 1500;
    const p = points(n, d, 'continuous', d);
    const r = rng(9);
    const radius = Float64Array.from({ length: n }, () => r() * 1.5);
    const D = all(p, d);
    for (const inclusive of [false, true]) {
      const brute = D.map((row, i) => row.reduce((c, e) => c + ((inclusive ? e <= radius[i] : e < radius[i]) ? 1 : 0), 0));
      expect(Array.from(wasmKernels.countWithinMaxNorm(p, d, radius, inclusive))).toEqual(brute);
      expect(Array.from(jsKernels.countWithinMaxNorm(p, d, radius, inclusive))).toEqual(brute);
    }
  });
});
