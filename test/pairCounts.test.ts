import { describe, expect, it } from 'vitest';
import { adjustedMutualInfoScore, mutualInfoScore, normalizedMutualInfoScore } from '../src/index.js';
import { jsKernels } from '../src/backend/js/index.js';
import { wasmKernels, wasmReady } from '../src/backend/wasm.js';

wasmReady();
import { BACKENDS, fixture, rng } from './support/helpers.js';

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

interface ManyCase {
  name: string;
  a: number[];
  b: number[];
  mutual_info_score: number;
  normalized_mutual_info_score: number;
  adjusted_mutual_info_score?: number;
}

// sklearn 1.2.1 on label pairs with alphabets far above N (test/fixtures/many_categories.py).
const many = fixture<{ cases: ManyCase[] }>('many_categories.json').cases;

/** Distinct non-zero class sizes of a label sequence: pairMutualInfo's ln(a_i·b_j) table has (rows') × (columns') entries. */
function distinctSizes(x: number[]): number {
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Set(counts.values()).size;
}

describe.each(BACKENDS)('many categories on %s match sklearn (the sparse kernels)', (backend) => {
  // Tolerances: the MI is a plain sum of up to 4e4 terms against numpy's pairwise sum (2.6e-12
  // off on the 40,000-sample case, 9.2 nats, before and after the kernels changed), so 1e-12
  // relative; AMI 1e-9: its expected MI is 5.6e-10 off on the staircase case, the same before.
  it.each(many.map((c) => [c.name, c] as const))('%s: mutualInfoScore and normalizedMutualInfoScore to 1e-12 relative, adjustedMutualInfoScore to 1e-9', (_, c) => {
    const a = Int32Array.from(c.a);
    const b = Int32Array.from(c.b);
    // Far past the dense limit even after compaction: the pairs go to the sparse kernels.
    expect(new Set(c.a).size * new Set(c.b).size).toBeGreaterThan(Math.max(c.a.length, 1 << 16));
    const mi = c.mutual_info_score;
    expect(Math.abs(mutualInfoScore(a, b, { backend }) - mi)).toBeLessThan(1e-12 * mi);
    expect(Math.abs(mutualInfoScore(c.a, c.b, { backend }) - mi)).toBeLessThan(1e-12 * mi);
    expect(Math.abs(normalizedMutualInfoScore(a, b, { backend }) - c.normalized_mutual_info_score)).toBeLessThan(1e-12);
    if (c.adjusted_mutual_info_score !== undefined) {
      expect(Math.abs(adjustedMutualInfoScore(a, b, { backend }) - c.adjusted_mutual_info_score)).toBeLessThan(1e-9);
    }
  });

});

describe('mutualInfoScore with many categories, wasm and js', () => {
  it('agree to 1e-12 on the sklearn cases', () => {
    for (const c of many) {
      const w = mutualInfoScore(Int32Array.from(c.a), Int32Array.from(c.b), { backend: 'wasm' });
      const j = mutualInfoScore(Int32Array.from(c.a), Int32Array.from(c.b), { backend: 'js' });
      expect(Math.abs(w - j)).toBeLessThan(1e-12);
    }
  });
  it('the cases cover both ways of taking ln(a_i·b_j): from the table of size pairs, and per cell', () => {
    const table = (c: ManyCase) => distinctSizes(c.a) * distinctSizes(c.b) <= c.a.length;
    expect(many.filter(table).length).toBeGreaterThan(0);
    expect(many.filter((c) => !table(c)).length).toBeGreaterThan(0);
  });
});
