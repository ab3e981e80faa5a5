import { describe, expect, it } from 'vitest';
import { mutualInfoScore } from '../src/index.js';
import { jsKernels } from '../src/backend/js/index.js';
import { wasmKernels, wasmReady } from '../src/backend/wasm.js';

wasmReady();
import { BACKENDS, rng } from './support/helpers.js';

function codes(n: number, k: number, seed: number): Int32Array {
  const r = rng(seed);
  return Int32Array.from({ length: n }, () => Math.floor(r() * k));
}

/**
 * The table counted with a Map keyed by "a,b", the plain way. A Map keeps its keys in order of
 * first insertion, so a stable sort by a gives the cells by row and, within a row, in order of
 * first appearance in the sample: pairCounts' order. sorted = true sorts by (a, b) instead.
 */
function naiveCells(a: Int32Array, b: Int32Array, sorted = false): [number, number, number][] {
  const m = new Map<string, number>();
  for (let i = 0; i < a.length; i++) m.set(`${a[i]},${b[i]}`, (m.get(`${a[i]},${b[i]}`) ?? 0) + 1);
  return [...m].map(([k, v]) => [...k.split(',').map(Number), v] as [number, number, number])
    .sort((x, y) => x[0] - y[0] || (sorted ? x[1] - y[1] : 0));
}

describe('pairCounts(a, b, ka, kb)', () => {
  it.each(BACKENDS)('on %s lists the non-empty cells by row, within a row in order of first appearance, with the marginals, as a Map count does', (name) => {
    const k = name === 'wasm' ? wasmKernels : jsKernels;
    const a = codes(30_000, 3000, 1);
    const b = codes(30_000, 5000, 2);
    const t = k.pairCounts(a, b, 3000, 5000);
    const want = naiveCells(a, b);
    expect(t.nij.length).toBe(want.length);
    want.forEach(([r, c, v], i) => {
      expect([t.rowIdx[i], t.colIdx[i], t.nij[i]]).toEqual([r, c, v]);
    });
    expect(t.rows.reduce((s, v) => s + v, 0)).toBe(30_000);
    expect(t.cols[17]).toBe(b.filter((v) => v === 17).length);
  });

  it('wasm and js give identical tables', () => {
    const a = codes(50_000, 20_000, 3);
    const b = codes(50_000, 7, 4);
    const w = wasmKernels.pairCounts(a, b, 20_000, 7);
    const j = jsKernels.pairCounts(a, b, 20_000, 7);
    for (const key of ['rowIdx', 'colIdx', 'nij', 'rows', 'cols'] as const) expect(Array.from(w[key])).toEqual(Array.from(j[key]));
  });
});

describe('mutualInfoScore with many categories (the sparse path)', () => {
  it('equals Σ p(a,b) ln p(a,b)/(p(a)p(b)) from a Map count, on both backends', () => {
    const n = 40_000;
    const a = codes(n, 10_000, 5);
    const b = Int32Array.from(codes(n, 10_000, 6), (v, i) => (i % 2 ? a[i] : v));
    const ca = new Map<number, number>();
    const cb = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      ca.set(a[i], (ca.get(a[i]) ?? 0) + 1);
      cb.set(b[i], (cb.get(b[i]) ?? 0) + 1);
    }
    let want = 0;
    for (const [r, c, v] of naiveCells(a, b, true)) want += (v / n) * Math.log((v * n) / (ca.get(r)! * cb.get(c)!));
    for (const backend of BACKENDS) expect(mutualInfoScore(a, b, { backend })).toBeCloseTo(want, 11);
  });
});

describe('pairMutualInfo (the cells stay in the backend)', () => {
  it.each(BACKENDS)('%s: pairMutualInfo(a, b) is miSparse of pairCounts(a, b) bit for bit', (backend) => {
    const K = backend === 'wasm' ? wasmKernels : jsKernels;
    const a = codes(50_000, 3000, 21);
    const b = Int32Array.from(codes(50_000, 2500, 22), (v, i) => (i % 3 === 0 ? a[i] % 2500 : v));
    const t = K.pairCounts(a, b, 3000, 2500);
    expect(K.pairMutualInfo(a, b, 3000, 2500)).toBe(K.miSparse(t.rowIdx, t.colIdx, t.nij, t.rows, t.cols, a.length));
  });

  it('mutualInfoScore(a, b) with 2e4 × 2e4 labels: both backends agree to 1e-12, and equal the Map count', () => {
    const a = codes(200_000, 20_000, 31);
    const b = Int32Array.from(codes(200_000, 20_000, 32), (v, i) => (i % 2 === 0 ? a[i] : v));
    const w = mutualInfoScore(a, b, { backend: 'wasm' });
    const j = mutualInfoScore(a, b, { backend: 'js' });
    expect(Math.abs(w - j)).toBeLessThan(1e-12);
    const n = a.length;
    const ra = new Map<number, number>();
    const rb = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      ra.set(a[i], (ra.get(a[i]) ?? 0) + 1);
      rb.set(b[i], (rb.get(b[i]) ?? 0) + 1);
    }
    let mi = 0;
    for (const [x, y, c] of naiveCells(a, b, true)) mi += (c / n) * Math.log((c * n) / (ra.get(x)! * rb.get(y)!));
    expect(Math.abs(w - mi)).toBeLessThan(1e-10);
  });
});
