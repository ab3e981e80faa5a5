// knnMaxNorm in 2-D (the grid kernels, their kd-tree fallback) against a brute-force O(n²)
// oracle written here, on both backends, on random, clustered, tied and degenerate data.
import { beforeAll, describe, expect, it } from 'vitest';
import { jsKernels } from '../src/backend/js/index.js';
import { gridBuild } from '../src/backend/js/gridbuild.js';
import { GRID_K_MAX, gridKnn } from '../src/backend/js/gridknn.js';
import { kdKnn } from '../src/backend/js/kdknn.js';
import { kdBuild } from '../src/backend/js/kdbuild.js';
import { initWasm, wasmKernels } from '../src/backend/wasm.js';
import type { Kernels } from '../src/backend/kernels.js';
import { BACKENDS, rng } from './support/helpers.js';

const KERNELS: Record<string, Kernels> = { wasm: wasmKernels, js: jsKernels };
beforeAll(() => initWasm());

/** Max-norm distance between rows i and j, each coordinate difference computed as fl(a − b). */
function cheb(p: Float64Array, i: number, j: number): number {
  const dx = Math.abs(p[2 * j] - p[2 * i]);
  const dy = Math.abs(p[2 * j + 1] - p[2 * i + 1]);
  return dx > dy ? dx : dy;
}

const memo = new Map<Float64Array, Map<number, Float64Array>>();

/** The oracle: for every i, the k-th smallest of cheb(i, j) over all j ≠ i, by a full scan (memoized). */
function bruteKth(p: Float64Array, k: number): Float64Array {
  const byK = memo.get(p) ?? new Map<number, Float64Array>();
  memo.set(p, byK);
  const known = byK.get(k);
  if (known) return known;
  const out = scanKth(p, k);
  byK.set(k, out);
  return out;
}

function scanKth(p: Float64Array, k: number): Float64Array {
  const n = p.length / 2;
  const best = new Float64Array(k);
  return Float64Array.from({ length: n }, (_, i) => {
    best.fill(Infinity);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const e = cheb(p, i, j);
      if (e >= best[k - 1]) continue;
      let m = k - 1;
      for (; m > 0 && best[m - 1] > e; m--) best[m] = best[m - 1];
      best[m] = e;
    }
    return best[k - 1];
  });
}

/** n points from a seeded generator of one point. */
function cloud(n: number, seed: number, f: (r: () => number, i: number) => [number, number]): Float64Array {
  const r = rng(seed);
  const p = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) [p[2 * i], p[2 * i + 1]] = f(r, i);
  return p;
}

const normal = (r: () => number) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

const CASES: [string, Float64Array][] = [
  ['uniform', cloud(2000, 1, (r) => [r(), r()])],
  ['correlated Gaussian ρ = 0.9', cloud(2000, 2, (r) => { const x = normal(r); return [x, 0.9 * x + 0.436 * normal(r)]; })],
  ['Gaussian clusters of scales 1 to 1e-3', cloud(2000, 3, (r, i) => { const s = 10 ** -(i % 4); return [(i % 5) + s * normal(r), (i % 3) + s * normal(r)]; })],
  ['a tight cluster holding 90%', cloud(1500, 4, (r, i) => (i % 10 ? [0.5 + 1e-6 * r(), 0.5 + 1e-6 * r()] : [r(), r()]))],
  ['ties: 7 levels per axis', cloud(1500, 5, (r) => [Math.floor(r() * 7) / 7, Math.floor(r() * 7)])],
  ['ties: an integer lattice with duplicates', cloud(2000, 6, (r) => [Math.floor(r() * 40), Math.floor(r() * 40)])],
  ['all points equal', cloud(300, 7, () => [0.25, -3])],
  ['collinear on y = x', cloud(1000, 8, (r) => { const t = r(); return [t, t]; })],
  ['collinear on y = 2, a constant column', cloud(1000, 9, (r) => [r(), 2])],
  ['huge range ±1e300', cloud(1000, 10, (r) => [(r() - 0.5) * 2e300, (r() - 0.5) * 2e300])],
  ['a span that overflows (±1.5e308)', cloud(500, 11, (r) => [(r() - 0.5) * 2 * 1.5e308, r()])],
  ['tiny range 1e-300', cloud(1000, 12, (r) => [r() * 1e-300, r() * 1e-300])],
  ['subnormal coordinates', cloud(500, 13, (r) => [Math.floor(r() * 64) * 5e-324, Math.floor(r() * 64) * 5e-324])],
  ['mixed scales 1e300 × 1e-300', cloud(1000, 14, (r) => [r() * 1e300, r() * 1e-300])],
  ['Cauchy tails', cloud(2000, 15, (r) => [Math.tan(Math.PI * (r() - 0.5)), Math.tan(Math.PI * (r() - 0.5))])],
  ['sorted along x', cloud(1500, 16, (r, i) => [i / 1500, r()])],
  // KSG's tie-breaking on rounded data: clusters of ~50 near-duplicates, swept in x order
  ['rounded to 0.5 plus noise 1e-10: clusters of near-duplicates', cloud(3000, 18, (r) => {
    const x = Math.round(2 * normal(r)) / 2;
    return [x + 1e-10 * normal(r), Math.round(2 * (0.9 * x + 0.436 * normal(r))) / 2 + 1e-10 * normal(r)];
  })],
  ['rounded to 1 plus noise 1e-10 on every other point: clusters with exact ties', cloud(3000, 19, (r, i) => {
    const e = i % 2 ? 1e-10 : 0;
    return [Math.round(normal(r)) + e * normal(r), Math.round(normal(r)) + e * normal(r)];
  })],
  ['one cluster of 1e-12 noise around 0.1, straddling grid lines', cloud(1000, 20, (r) => [0.1 + 1e-12 * normal(r), 0.1 + 1e-12 * normal(r)])],
];

/** A uniform cloud and one point far above it, whose search scans the whole cloud. */
const OUTLIER = cloud(5001, 17, (r, i) => (i === 5000 ? [0.5, 3] : [r(), r()]));

describe.each(BACKENDS)('knnMaxNorm(points, 2, k) on %s', (backend) => {
  const K = KERNELS[backend];
  it.each(CASES)('on %s equals the brute-force k-th distance for k = 1 … 8, and lists k nearest others', (_, p) => {
    const n = p.length / 2;
    for (const k of [1, 2, 3, 4, 7, 8]) {
      const want = Array.from(bruteKth(p, k));
      expect(Array.from(K.knnMaxNorm(p, 2, k, false).dist)).toEqual(want);
      const { dist, idx } = K.knnMaxNorm(p, 2, k, true);
      expect(Array.from(dist)).toEqual(want);
      for (let i = 0; i < n; i++) {
        const row = Array.from(idx!.subarray(i * k, i * k + k));
        expect(new Set(row).size).toBe(k);
        expect(row.includes(i)).toBe(false);
        let far = 0;
        for (const j of row) far = Math.max(far, cheb(p, i, j));
        expect(far).toBe(dist[i]);
      }
    }
  });

  it('on n = k + 1 points (all equal, or two distinct) equals the brute force', () => {
    for (const p of [Float64Array.from([1, 1, 1, 1]), Float64Array.from([0, 0, 1, 3]), Float64Array.from([0, 0, 0, 0, 5, 5, 0, 0])]) {
      const k = p.length / 2 - 1;
      expect(Array.from(K.knnMaxNorm(p, 2, k, true).dist)).toEqual(Array.from(bruteKth(p, k)));
    }
  });

  it('with a far outlier, whose search scans the whole cloud, equals the brute force', () => {
    expect(Array.from(K.knnMaxNorm(OUTLIER, 2, 3, false).dist)).toEqual(Array.from(bruteKth(OUTLIER, 3)));
  });
});

describe('the grid path', () => {
  it('gridBuild(points) takes spread data and clusters it can sweep, and refuses one huge cell or a span that overflows', () => {
    const take = (p: Float64Array) => gridBuild(p) !== null;
    const named = Object.fromEntries(CASES);
    for (const name of ['uniform', 'correlated Gaussian ρ = 0.9', 'ties: an integer lattice with duplicates', 'collinear on y = 2, a constant column', 'huge range ±1e300', 'tiny range 1e-300', 'mixed scales 1e300 × 1e-300', 'all points equal', 'collinear on y = x', 'rounded to 0.5 plus noise 1e-10: clusters of near-duplicates']) {
      expect(take(named[name])).toBe(true);
    }
    // 1350 of 1500 points in one cell: Σ c√c / n = 33, past SWEEP_MAX
    for (const name of ['a tight cluster holding 90%', 'a span that overflows (±1.5e308)']) {
      expect(take(named[name])).toBe(false);
    }
  });

  it('gridBuild(points) sorts crowded cells by x, and gridKnn settles clustered data on the grid alone', () => {
    const p = Object.fromEntries(CASES)['rounded to 0.5 plus noise 1e-10: clusters of near-duplicates'];
    const g = gridBuild(p)!;
    let crowded = 0;
    for (let c = 0; c < g.gx * g.gy; c++) {
      if (g.start[c + 1] - g.start[c] < 32) continue;
      crowded++;
      for (let t = g.start[c] + 1; t < g.start[c + 1]; t++) expect(g.pts[2 * t]).toBeGreaterThanOrEqual(g.pts[2 * t - 2]);
    }
    expect(crowded).toBeGreaterThan(10);
    const n = p.length / 2;
    const dist = new Float64Array(n);
    expect(gridKnn(g, 3, dist, null, new Int32Array(n))).toBe(0);
    expect(Array.from(dist)).toEqual(Array.from(bruteKth(p, 3)));
  });

  it('gridKnn(grid, k, …, work) leaves the queries past the work budget to kdKnn(…, marks), exactly', () => {
    const p = CASES[1][1];
    const n = p.length / 2;
    for (const k of [3, GRID_K_MAX]) {
      const dist = new Float64Array(n);
      const idx = new Int32Array(n * k);
      const marks = new Int32Array(n);
      const left = gridKnn(gridBuild(p)!, k, dist, idx, marks, 10);
      expect(left).toBeGreaterThan(n / 2);
      expect(left).toBeLessThan(n);
      expect(marks.reduce((a, b) => a + b, 0)).toBe(left);
      for (let i = 0; i < n; i++) if (marks[i]) dist[i] = -1;
      kdKnn(kdBuild(p, 2), k, dist, idx, marks);
      expect(Array.from(dist)).toEqual(Array.from(bruteKth(p, k)));
      expect(gridKnn(gridBuild(p)!, k, new Float64Array(n), null, marks)).toBe(0);
    }
  });
});

describe('2-D k-NN agrees across backends', () => {
  it('wasm and js give bit-identical distances on every case, k = 3 and 5', () => {
    for (const [, p] of CASES) {
      for (const k of [3, 5]) {
        for (const withIdx of [false, true]) {
          const w = wasmKernels.knnMaxNorm(p, 2, k, withIdx).dist;
          expect(Array.from(jsKernels.knnMaxNorm(p, 2, k, withIdx).dist)).toEqual(Array.from(w));
        }
      }
    }
  });
});
