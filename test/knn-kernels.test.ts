// The k-NN kernels against brute-force O(N²) loops written here, on both backends.
import { beforeAll, describe, expect, it } from 'vitest';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import { jsKernels } from '../src/backend/js/index.js';
import { getArenaTestHooks, initWasm, wasmKernels, wasmMemoryBytes } from '../src/backend/wasm.js';
import { mutualInformation } from '../src/index.js';
import type { Kernels } from '../src/backend/kernels.js';
import { BACKENDS, rng } from './support/helpers.js';

const KERNELS: Record<string, Kernels> = { wasm: wasmKernels, js: jsKernels };
beforeAll(() => initWasm());

/** n points of d columns, uniform in [0, 1) or rounded to a few levels (ties). */
function points(n: number, d: number, seed: number, levels = 0): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n * d }, () => (levels ? Math.floor(r() * levels) / levels : r() * 2 - 1));
}

function cheb(p: Float64Array, d: number, i: number, j: number, from = 0, to = d): number {
  let m = 0;
  for (let c = from; c < to; c++) m = Math.max(m, Math.abs(p[j * d + c] - p[i * d + c]));
  return m;
}

function bruteKth(p: Float64Array, d: number, k: number): Float64Array {
  const n = p.length / d;
  return Float64Array.from({ length: n }, (_, i) => {
    const ds: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i) ds.push(cheb(p, d, i, j));
    return ds.sort((a, b) => a - b)[k - 1];
  });
}

function bruteCount(p: Float64Array, d: number, r: Float64Array, inclusive: boolean): Int32Array {
  const n = p.length / d;
  return Int32Array.from({ length: n }, (_, i) => {
    let c = 0;
    for (let j = 0; j < n; j++) {
      const e = cheb(p, d, i, j);
      if (j !== i && (inclusive ? e <= r[i] : e < r[i])) c++;
    }
    return c;
  });
}

const SHAPES: [number, number, number, number][] = [
  // n, d, k, levels (0 = continuous)
  [300, 1, 3, 0],
  [300, 2, 3, 0],
  [257, 3, 5, 0],
  [200, 5, 1, 0],
  [400, 2, 4, 7],
  [150, 1, 2, 5],
  [64, 4, 10, 3],
  [1500, 2, 3, 2],
];

describe.each(BACKENDS)('k-NN kernels on %s', (backend) => {
  const K = KERNELS[backend];
  it.each(SHAPES)('knnMaxNorm(n=%i, d=%i, k=%i, levels=%i) equals the brute-force k-th distance', (n, d, k, levels) => {
    const p = points(n, d, n + d + k, levels);
    const { dist, idx } = K.knnMaxNorm(p, d, k, true);
    expect(Array.from(dist)).toEqual(Array.from(bruteKth(p, d, k)));
    // the listed neighbours are k distinct other points, none farther than dist[i]
    for (let i = 0; i < n; i++) {
      const row = Array.from(idx!.subarray(i * k, i * k + k));
      expect(new Set(row).size).toBe(k);
      expect(row.includes(i)).toBe(false);
      for (const j of row) expect(cheb(p, d, i, j)).toBeLessThanOrEqual(dist[i]);
      expect(Math.max(...row.map((j) => cheb(p, d, i, j)))).toBe(dist[i]);
    }
  });

  it.each([
    [1, 1, 0],
    [1, 1, 3],
    [2, 2, 0],
    [1, 2, 4],
    [3, 1, 0],
  ])('ksgDigammaSums(x, dx=%i, y, dy=%i, k) equals the digamma sums of brute-force counts within the brute-force joint k-th distances (levels=%i)', (dx, dy, levels) => {
    const n = 700;
    const k = 3;
    const x = points(n, dx, 11 * dx + dy, levels);
    const y = points(n, dy, 13 * dy + dx, levels);
    const joint = Float64Array.from({ length: n * (dx + dy) }, (_, t) => {
      const i = Math.floor(t / (dx + dy));
      const c = t % (dx + dy);
      return c < dx ? x[i * dx + c] : y[i * dy + c - dx];
    });
    const eps = bruteKth(joint, dx + dy, k);
    const psi = (c: Int32Array) => Array.from(c).reduce((s, v) => s + stdlibDigamma(v + 1), 0);
    const [sx, sy] = K.ksgDigammaSums(x, dx, y, dy, k);
    expect(sx).toBeCloseTo(psi(bruteCount(x, dx, eps, false)), 9);
    expect(sy).toBeCloseTo(psi(bruteCount(y, dy, eps, false)), 9);
  });

  it('ksgDigammaSums(x, 1, y, 1, k) on a Cauchy cloud (the grid hands its queries to the kd-tree, which gets rows built from the two columns) equals the brute-force sums', () => {
    const r = rng(99);
    const n = 1500;
    const cauchy = () => Math.tan(Math.PI * (r() - 0.5));
    const x = Float64Array.from({ length: n }, cauchy);
    const y = Float64Array.from(x, (v) => v + cauchy());
    const joint = Float64Array.from({ length: 2 * n }, (_, t) => (t % 2 ? y[t >> 1] : x[t >> 1]));
    const eps = bruteKth(joint, 2, 3);
    const psi = (c: Int32Array) => Array.from(c).reduce((s, v) => s + stdlibDigamma(v + 1), 0);
    const [sx, sy] = K.ksgDigammaSums(x, 1, y, 1, 3);
    expect(sx).toBeCloseTo(psi(bruteCount(x, 1, eps, false)), 9);
    expect(sy).toBeCloseTo(psi(bruteCount(y, 1, eps, false)), 9);
  });

  it.each(SHAPES)('countWithinMaxNorm(n=%i, d=%i, ...) equals brute-force strict and inclusive counts', (n, d, k, levels) => {
    const p = points(n, d, 7 * n + d, levels);
    const { dist } = K.knnMaxNorm(p, d, k, false);
    // radii that are exact neighbour distances put points exactly on the boundary
    const radii = [dist, dist.map((e, i) => (i % 3 === 0 ? 0 : e * 1.5)), dist.map(() => 10)];
    for (const r of radii) {
      for (const inclusive of [false, true]) {
        expect(Array.from(K.countWithinMaxNorm(p, d, r, inclusive))).toEqual(Array.from(bruteCount(p, d, r, inclusive)));
      }
    }
  });

  it('knnMaxNorm and countWithinMaxNorm stay exact on sorted, reversed and constant-column input (kd-tree partition edge cases)', () => {
    const n = 1200;
    const r = rng(77);
    const base = Array.from({ length: n }, (_, i) => [i / n, r()]);
    const inputs = [
      base,
      base.slice().reverse(),
      base.map(([a]) => [a, 0.5]),
      base.map(([a, b], i) => [i % 2 ? 1 : 0, b]),
    ];
    for (const rows of inputs) {
      const p = Float64Array.from(rows.flat());
      const { dist } = K.knnMaxNorm(p, 2, 3, false);
      expect(Array.from(dist)).toEqual(Array.from(bruteKth(p, 2, 3)));
      expect(Array.from(K.countWithinMaxNorm(p, 2, dist, false))).toEqual(Array.from(bruteCount(p, 2, dist, false)));
    }
  });

  it('countWithinMaxNorm(points, d = 1 and 2, radius, inclusive) is exact on clustered values (rounded data plus 1e-10 noise, runs of equal values), where the guess tables go two levels deep', () => {
    const r = rng(417);
    const n = 3000;
    for (const d of [1, 2]) {
      const p = Float64Array.from({ length: n * d }, (_, t) => {
        const level = Math.round((r() * 2 - 1) * 10) / 10;
        // a third of each cluster exactly tied, the rest spread by 1e-10
        return t % 3 === 0 ? level : level + (r() - 0.5) * 1e-10;
      });
      const { dist } = K.knnMaxNorm(p, d, 3, false);
      const radii = [dist, dist.map((e, i) => (i % 4 === 0 ? e * 1e6 : e)), dist.map(() => 0.1)];
      for (const radius of radii) {
        for (const inclusive of [false, true]) {
          expect(Array.from(K.countWithinMaxNorm(p, d, radius, inclusive))).toEqual(Array.from(bruteCount(p, d, radius, inclusive)));
        }
      }
    }
  });

  it('countWithinMaxNorm(points, 2, radius, inclusive) counts rank rectangles exactly: -0 and +0, duplicates, radii equal to gaps, negative radii, magnitudes near the float limits', () => {
    const r = rng(2026);
    const vals = [-0, 0, 0.5, -0.5, 1, 1, 1e-300, -1e-300, 5e-324, 1e300, -1e300, 1.7976931348623157e308, 0.1, 0.2, 0.30000000000000004];
    const n = 400;
    const p = Float64Array.from({ length: 2 * n }, () => vals[Math.floor(r() * vals.length)]);
    // radii drawn from the pairwise gaps themselves, so many land exactly on a distance
    const radius = Float64Array.from({ length: n }, (_, i) => {
      const u = r();
      if (u < 0.1) return -1;
      if (u < 0.2) return 0;
      return cheb(p, 2, i, Math.floor(r() * n));
    });
    for (const inclusive of [false, true]) {
      const brute = Array.from(bruteCount(p, 2, radius, inclusive));
      expect(Array.from(K.countWithinMaxNorm(p, 2, radius, inclusive))).toEqual(brute);
    }
  });

  it('neighbourExtent(points, d, from, to, idx, k) is the largest block distance over the listed neighbours', () => {
    const d = 3;
    const k = 4;
    const p = points(200, d, 5);
    const { idx } = K.knnMaxNorm(p, d, k, true);
    for (const [from, to] of [[0, 1], [1, 3], [0, 3]]) {
      const ext = K.neighbourExtent(p, d, from, to, idx!, k);
      for (let i = 0; i < 200; i++) {
        let m = 0;
        for (let s = 0; s < k; s++) m = Math.max(m, cheb(p, d, i, idx![i * k + s], from, to));
        expect(ext[i]).toBe(m);
      }
    }
  });

  it('digamma(x) matches @stdlib/math-base-special-digamma to 1e-14 relative (2e-15 absolute near its root 1.4616)', () => {
    const xs = [1e-8, 0.01, 0.1, 0.25, 0.5, 0.9, 1, 1.2, 1.3, 1.4, 1.46, 1.5, 1.6, 2, 2.5, 3, 7.3, 9.99, 10, 10.5, 33, 1e3, 1e6, 1e9, -0.5, -1.25, -7.9];
    const r = rng(3);
    for (let i = 0; i < 300; i++) xs.push(r() * 30, Math.exp(r() * 30 - 10));
    for (const x of xs) {
      const want = stdlibDigamma(x);
      const got = K.digamma(x);
      if (x > 1.3 && x < 1.65) expect(Math.abs(got - want)).toBeLessThan(2e-15);
      else expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-14 * Math.abs(want));
    }
    expect(K.digamma(0)).toBeNaN();
    expect(K.digamma(-3)).toBeNaN();
  });

  it('digamma(x) at published values: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(1/4) = −γ − π/2 − 3 ln 2 (A&S 6.3.2–6.3.4)', () => {
    const g = 0.5772156649015329;
    expect(Math.abs(K.digamma(1) + g)).toBeLessThan(1e-15);
    expect(Math.abs(K.digamma(0.5) - (-g - 2 * Math.LN2))).toBeLessThan(1e-15 * 2);
    expect(Math.abs(K.digamma(0.25) - (-g - Math.PI / 2 - 3 * Math.LN2))).toBeLessThan(1e-15 * 5);
  });

  it('sumDigamma(counts, shift) equals Σ ψ(n) with ψ(n) = H(n−1) − γ, table and series alike', () => {
    const counts = Int32Array.from([0, 1, 2, 8, 9, 10, 100, 1022, 1023, 1024, 5000, 99999]);
    const harmonic = (m: number) => {
      // Neumaier-compensated H(m), an independent oracle for ψ(m + 1) + γ
      let s = 0;
      let c = 0;
      for (let j = m; j >= 1; j--) {
        const t = s + 1 / j;
        c += Math.abs(s) >= 1 / j ? s - t + 1 / j : 1 / j - t + s;
        s = t;
      }
      return s + c;
    };
    let total = 0;
    for (let i = 0; i < counts.length; i++) {
      const one = K.sumDigamma(counts.subarray(i, i + 1), 1);
      const want = harmonic(counts[i]) - 0.5772156649015329;
      expect(Math.abs(one - want)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(want)));
      expect(Math.abs(one - stdlibDigamma(counts[i] + 1))).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(want)));
      total += want;
    }
    expect(Math.abs(K.sumDigamma(counts, 1) - total)).toBeLessThan(1e-13);
  });

  it('sumLog(v) is Σ ln v', () => {
    const v = Float64Array.from([1, Math.E, 10, 0.5]);
    expect(K.sumLog(v)).toBeCloseTo(1 + Math.log(10) - Math.LN2, 14);
  });
});

describe('k-NN kernels agree across backends', () => {
  it('wasm and js give identical neighbour distances and counts, and digamma sums to 1e-12', () => {
    for (const [n, d, k] of [[2000, 2, 3], [1500, 4, 5], [3000, 1, 3]]) {
      const p = points(n, d, n * d);
      const w = wasmKernels.knnMaxNorm(p, d, k, false).dist;
      expect(Array.from(jsKernels.knnMaxNorm(p, d, k, false).dist)).toEqual(Array.from(w));
      const cw = wasmKernels.countWithinMaxNorm(p, d, w, false);
      expect(Array.from(jsKernels.countWithinMaxNorm(p, d, w, false))).toEqual(Array.from(cw));
      expect(Math.abs(wasmKernels.sumDigamma(cw, 1) - jsKernels.sumDigamma(cw, 1))).toBeLessThan(1e-12 * n);
    }
  });
});

describe('the WASM boundary under the k-NN kernels', () => {
  it('1,000 KSG calls leave WASM memory flat and the arena where it was', () => {
    const r = rng(9);
    const x = Array.from({ length: 500 }, () => r());
    const y = x.map((v) => v + r());
    mutualInformation(x, y, { estimator: 'ksg2', backend: 'wasm' });
    const before = wasmMemoryBytes();
    const mark = wasmKernels.mark();
    // Forced growth makes each call far slower (a page added before every allocation).
    const calls = getArenaTestHooks().forcedGrowth ? 50 : 1000;
    for (let i = 0; i < calls; i++) mutualInformation(x, y, { estimator: i % 2 ? 'ksg' : 'ksg2', backend: 'wasm' });
    // Under forced growth (test/support/forcedGrowth.ts) every allocation grows memory on
    // purpose; there the arena's position is what must come back.
    if (!getArenaTestHooks().forcedGrowth) expect(wasmMemoryBytes()).toBe(before);
    expect(wasmKernels.mark()).toBe(mark);
  });
});
