// mutualInformationTest, conditionalMutualInformationTest, shuffleCorrected: contracts that
// can be checked exactly (bit identity with the estimator, worker independence, the
// p-value formula, the analytic tests' closed forms) and the errors of bad input.
import { describe, expect, it } from 'vitest';
import { kernelsFor } from '../src/backend/select.js';
import { seededPermutation } from '../src/core/random.js';
import { ksgNats } from '../src/estimators/ksg.js';
import { lineKsgStatistic } from '../src/significance/lineKsg.js';
import { chiSquareSurvival } from '../src/core/gammaInc.js';
import {
  conditionalMutualInformation,
  conditionalMutualInformationTest,
  conditionalMutualInformationTestAsync,
  featureTests,
  gTest,
  mutualInformation,
  mutualInformationTest,
  mutualInformationTestAsync,
} from '../src/index.js';
import { BACKENDS, rng } from './support/helpers.js';
import { normalStream } from './support/stats.js';

function correlated(n: number, rho: number, seed: number): [number[], number[]] {
  const z = normalStream(seed);
  const x = Array.from({ length: n }, z);
  const y = x.map((v) => rho * v + Math.sqrt(1 - rho * rho) * z());
  return [x, y];
}

describe.each(BACKENDS)('permutation statistics (%s)', (backend) => {
  const K = kernelsFor('test', backend);
  it('lineKsgStatistic(perm) is ksgNats on the permuted data, bit for bit (N = 2000, ties included)', () => {
    const r = rng(3);
    const n = 2000;
    const x = Float64Array.from({ length: n }, () => Math.round(r() * 300) / 10); // ties
    const y = Float64Array.from(x, (v) => v + r());
    const stat = lineKsgStatistic(K, x, y, 3);
    expect(stat(null)).toBe(ksgNats(K, { data: x, n, d: 1 }, { data: y, n, d: 1 }, 3, 1));
    const perm = new Int32Array(n);
    for (const i of [0, 1, 7]) {
      seededPermutation(11, i, perm);
      const yp = Float64Array.from(perm, (j) => y[j]);
      expect(stat(perm)).toBe(ksgNats(K, { data: x, n, d: 1 }, { data: yp, n, d: 1 }, 3, 1));
    }
  });
  it('mutualInformationTest(...).value equals mutualInformation(...) for every estimator', () => {
    const [x, y] = correlated(120, 0.6, 5);
    const labels = x.map((v) => (v > 0.3 ? 'hi' : v > -0.5 ? 'mid' : 'lo'));
    const cases: [unknown, unknown, Record<string, unknown>][] = [
      [x, y, { estimator: 'ksg', k: 4 }],
      [x, y, { estimator: 'ksg2' }],
      [x, y, { estimator: 'gaussian' }],
      [x, y, { estimator: 'binned', bins: 5 }],
      [labels, y, { estimator: 'mixed' }],
      [y, labels, { estimator: 'mixed' }],
      [labels, labels.map((v, i) => (i % 3 ? v : 'mid')), { estimator: 'discrete', correction: 'miller-madow' }],
      [x.map((v, i) => [v, y[i]]), y.map((v) => v * v), { estimator: 'ksg' }],
    ];
    for (const [a, b, o] of cases) {
      const r = mutualInformationTest(a as number[], b as number[], { ...o, permutations: 20, backend, seed: 4 });
      const want = mutualInformation(a as number[], b as number[], { ...o, backend, ...(['ksg', 'ksg2', 'mixed'].includes(o.estimator as string) ? { seed: 4 } : {}) });
      expect(r.value, JSON.stringify(o)).toBe(want);
      expect(r.permutations).toBe(20);
      expect(r.pValue).toBeGreaterThanOrEqual(1 / 21);
      expect(r.pValue).toBeLessThanOrEqual(1);
    }
  });
});

describe('rankCounts kernel', () => {
  it('wasm and js rankCounts agree exactly, and match a brute-force count', () => {
    const r = rng(12);
    const n = 500;
    const xs = Float64Array.from({ length: n }, () => Math.round(r() * 50) / 5).sort();
    const ys = Float64Array.from({ length: n }, () => r()).sort();
    const q = seededPermutation(1, 0, new Int32Array(n));
    const dist = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : r() * 0.3));
    const w = kernelsFor('test', 'wasm').rankCounts(xs, ys, q, dist);
    const j = kernelsFor('test', 'js').rankCounts(xs, ys, q, dist);
    expect(w).toEqual(j);
    for (const t of [0, 1, 7, 250, 499]) {
      let cx = 0;
      let cy = 0;
      for (let s = 0; s < n; s++) {
        if (s !== t && Math.abs(xs[s] - xs[t]) < dist[t]) cx++;
        if (s !== q[t] && Math.abs(ys[s] - ys[q[t]]) < dist[t]) cy++;
      }
      expect([w.nx[t], w.ny[t]]).toEqual([cx, cy]);
    }
  });
});

describe('mutualInformationTest', () => {
  it('mutualInformationTest(x, x², ksg) has the smallest possible p-value, 1 / (1 + permutations)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = mutualInformationTest(x, x.map((v) => v * v), { estimator: 'ksg', k: 2, permutations: 99 });
    expect(r.pValue).toBe(0.01);
    expect(r.method).toBe('permutation');
  });
  it('the permutation null of the plug-in MI has mean ≈ (R − 1)(C − 1) / 2N (Miller 1955)', () => {
    const r = rng(9);
    const n = 2000;
    const a = Array.from({ length: n }, () => Math.floor(r() * 4));
    const b = Array.from({ length: n }, () => Math.floor(r() * 5));
    const t = mutualInformationTest(a, b, { permutations: 400 });
    expect(t.nullMean).toBeCloseTo(12 / (2 * n), 3);
    expect(Math.abs(t.nullMean - 12 / (2 * n))).toBeLessThan(4 * (t.nullStd / Math.sqrt(400)));
  });
  it("method 'g-test' gives gTest's p-value; 'auto' picks it when expected counts are ≥ 5", () => {
    const r = rng(1);
    const a = Array.from({ length: 300 }, () => Math.floor(r() * 3));
    const b = a.map((v) => (r() < 0.3 ? v : Math.floor(r() * 3)));
    const g = gTest(a, b);
    const t = mutualInformationTest(a, b, { method: 'g-test', base: 2 });
    expect(t).toMatchObject({ pValue: g.pValue, statistic: g.statistic, dof: 4, method: 'g-test', permutations: 0 });
    expect(t.value).toBeCloseTo(g.value / Math.LN2, 15);
    expect(mutualInformationTest(a, b, { method: 'auto' }).method).toBe('g-test');
    expect(mutualInformationTest(a.slice(0, 20), b.slice(0, 20), { method: 'auto', permutations: 9 }).method).toBe('permutation');
  });
  it("method 'likelihood-ratio' for 'gaussian' is 2N·I against χ²(dx·dy), closed form for one dimension each", () => {
    const [x, y] = correlated(200, 0.2, 8);
    const t = mutualInformationTest(x, y, { estimator: 'gaussian', method: 'auto' });
    const I = mutualInformation(x, y, { estimator: 'gaussian' });
    expect(t.method).toBe('likelihood-ratio');
    expect(t.statistic).toBe(400 * I);
    expect(t.dof).toBe(1);
    expect(t.pValue).toBe(chiSquareSurvival(400 * I, 1));
    // and it agrees with the permutation test of the same estimator to sampling error
    const p = mutualInformationTest(x, y, { estimator: 'gaussian', permutations: 499 }).pValue;
    expect(Math.abs(p - t.pValue)).toBeLessThan(0.05);
  });
  it('workers 1, 2 and the Async form give identical bits', async () => {
    const [x, y] = correlated(500, 0.1, 12);
    const one = mutualInformationTest(x, y, { estimator: 'ksg', permutations: 60, seed: 3, confidence: 0.9, bootstrap: 20 });
    const two = mutualInformationTest(x, y, { estimator: 'ksg', permutations: 60, seed: 3, confidence: 0.9, bootstrap: 20, workers: 2 });
    const auto = await mutualInformationTestAsync(x, y, { estimator: 'ksg', permutations: 60, seed: 3, confidence: 0.9, bootstrap: 20, workers: 'auto' });
    expect(two).toEqual(one);
    expect(auto).toEqual(one);
    const c1 = conditionalMutualInformationTest(x, y, x.map((v) => v * 0.5), { permutations: 30 });
    const c2 = await conditionalMutualInformationTestAsync(x, y, x.map((v) => v * 0.5), { permutations: 30, workers: 2 });
    expect(c2).toEqual(c1);
  });
  it('mutualInformationTestAsync reports progress up to the total and stops on abort', async () => {
    const [x, y] = correlated(200, 0.1, 2);
    const seen: number[] = [];
    await mutualInformationTestAsync(x, y, { permutations: 50, workers: 2, onProgress: (d, t) => seen.push(d / t) });
    expect(seen.at(-1)).toBe(1);
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    await expect(mutualInformationTestAsync(x, y, { permutations: 50, signal: ctl.signal })).rejects.toThrow('stop');
  });
  it('a different seed gives a different null but the same value', () => {
    const [x, y] = correlated(100, 0, 4);
    const a = mutualInformationTest(x, y, { estimator: 'gaussian', permutations: 50, seed: 1 });
    const b = mutualInformationTest(x, y, { estimator: 'gaussian', permutations: 50, seed: 2 });
    expect(a.value).toBe(b.value);
    expect(a.nullMean).not.toBe(b.nullMean);
  });
});

describe('shuffleCorrected', () => {
  it('mutualInformation(a, b, { shuffleCorrected: 200 }) removes the plug-in bias at independence', () => {
    const r = rng(21);
    const n = 300;
    const a = Array.from({ length: n }, () => Math.floor(r() * 5));
    const b = Array.from({ length: n }, () => Math.floor(r() * 5));
    const raw = mutualInformation(a, b);
    const corrected = mutualInformation(a, b, { shuffleCorrected: 200 });
    expect(raw).toBeGreaterThan(0.02); // ≈ 16 / 600
    expect(Math.abs(corrected)).toBeLessThan(0.015);
    const t = mutualInformationTest(a, b, { permutations: 200 });
    expect(corrected).toBeCloseTo(raw - t.nullMean, 14);
  });
  it('mutualInformation(x, y, { estimator: "ksg", shuffleCorrected: true }) is the value minus the null mean of 100 shuffles', () => {
    const [x, y] = correlated(150, 0.5, 6);
    const t = mutualInformationTest(x, y, { estimator: 'ksg', permutations: 100, seed: 3 });
    expect(mutualInformation(x, y, { estimator: 'ksg', shuffleCorrected: true, seed: 3 })).toBeCloseTo(t.value - t.nullMean, 14);
  });
});

describe('conditionalMutualInformationTest', () => {
  it('detects z = x XOR y (x ⊥ y, but dependent given z)', () => {
    const r = rng(5);
    const x = Array.from({ length: 60 }, () => (r() < 0.5 ? 1 : 0));
    const y = Array.from({ length: 60 }, () => (r() < 0.5 ? 1 : 0));
    const z = x.map((v, i) => v ^ y[i]);
    const t = conditionalMutualInformationTest(x, y, z, { permutations: 99 });
    expect(t).toMatchObject({ pValue: 0.01, shuffle: 'stratified' });
    expect(t.value).toBe(conditionalMutualInformation(x, y, z));
  });
  it("stratified shuffles keep x's counts within each stratum of z (the p-value of x ⊥ y | z = x is 1)", () => {
    const r = rng(8);
    const x = Array.from({ length: 50 }, () => Math.floor(r() * 3));
    const y = Array.from({ length: 50 }, () => Math.floor(r() * 3));
    // given z = x, x is constant within each stratum: every shuffle equals the data
    const t = conditionalMutualInformationTest(x, y, x, { permutations: 30 });
    expect(t.pValue).toBe(1);
    expect(t.nullStd).toBe(0);
  });
  it('local shuffles with shuffleNeighbors: 1 never move x, so p = 1', () => {
    const [x, y] = correlated(80, 0.5, 9);
    const z = x.map((v) => v + 1);
    const t = conditionalMutualInformationTest(x, y, z, { permutations: 20, shuffleNeighbors: 1 });
    expect(t).toMatchObject({ pValue: 1, shuffle: 'local' });
  });
});

describe('permutation p-values: a null tied with the value up to rounding', () => {
  it('conditionalMutualInformationTest(x, constant y, z) gives the same p-value and null on js and wasm (fuzz, seed 42: 0.75 vs 0.875)', () => {
    // y is constant, so I(x; y | z) = 0 and every shuffle's estimate ties the value in exact
    // arithmetic; the backends round it differently, and a strict null ≥ value split them.
    const x = [1, 1, -1, -1, -1, -1, 1, 1, 1, -1, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1, 1].map((v) => (v < 0 ? 4294967295 : 1));
    const y = new Array(21).fill(0);
    const a = [5e-324, 0, 5e-324, 5e-324, -5e-324, -5e-324, 5e-324, 0, -5e-324, 0, 0, 5e-324, 0, 0, 0, 0, 0, 0, -5e-324, 0, 0];
    const b = [0.5, 0.5, -0.5, -1, 0.5, -1, 0.5, -1, 0.5, 0.5, 0, -0.5, -0.5, 0.5, -0.5, -1, 1, 0.5, 1, -0.5, 0.5];
    const z = a.map((v, i) => [v, b[i], -8.4e-323]);
    // local shuffles: the z-neighbour rows came in each kernel's own search order, so the
    // two backends drew different shuffles from the same seed (nullMean −5.7e-16 vs 0.0019)
    for (const opts of [{ permutations: 7, seed: 26, k: 8 }, { permutations: 7, shuffle: 'local' as const, k: 1, base: 3 }]) {
      const js = conditionalMutualInformationTest(Uint32Array.from(x), Uint32Array.from(y), z, { ...opts, backend: 'js' });
      const wasm = conditionalMutualInformationTest(Uint32Array.from(x), Uint32Array.from(y), z, { ...opts, backend: 'wasm' });
      expect(wasm.pValue).toBe(js.pValue);
      expect(Math.abs(wasm.value - js.value)).toBeLessThan(1e-12);
      expect(Math.abs(wasm.nullMean - js.nullMean)).toBeLessThan(1e-12);
    }
  });
});

describe('significance: bad input', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const y = [2, 1, 4, 3, 6, 5, 8, 7.5];
  it.each([0, 1.5, -3, '10', NaN])('permutations: %s throws a RangeError naming it', (p) => {
    expect(() => mutualInformationTest(x, y, { permutations: p as number })).toThrow(/^mutualInformationTest: permutations must be an integer/);
  });
  it('a g-test on continuous data throws', () => {
    expect(() => mutualInformationTest(x.map((v) => v + 0.5), y, { method: 'g-test' })).toThrow(
      /^mutualInformationTest: method 'g-test' needs discrete data .* estimator is 'ksg'/,
    );
    expect(() => mutualInformationTest([0, 1, 0, 1], [1, 1, 0, 0], { method: 'g-test', correction: 'jeffreys' })).toThrow(/correction 'jeffreys'/);
    expect(() => mutualInformationTest(x, y, { method: 'likelihood-ratio', estimator: 'ksg' })).toThrow(/'likelihood-ratio' is the analytic test of estimator 'gaussian'/);
  });
  it.each([0, 1, -0.5, 1.2, '0.9'])('confidence: %s throws a RangeError naming it', (c) => {
    expect(() => mutualInformationTest(x, y, { confidence: c as number })).toThrow(/^mutualInformationTest: confidence must be a number in \(0, 1\)/);
  });
  it('a CMI test with z of the wrong length throws', () => {
    expect(() => conditionalMutualInformationTest(x, y, [1, 2, 3])).toThrow(/^conditionalMutualInformationTest: x and z must have the same length, got 8 and 3/);
  });
  it('unknown options, bad workers, seed, method and shuffle are named', () => {
    expect(() => mutualInformationTest(x, y, { permutation: 5 } as never)).toThrow(/^mutualInformationTest: unknown option "permutation"/);
    expect(() => mutualInformationTest(x, y, { workers: 0 })).toThrow(/^mutualInformationTest: workers must be an integer/);
    expect(() => mutualInformationTest(x, y, { seed: -1 })).toThrow(/^mutualInformationTest: seed must be an integer/);
    expect(() => mutualInformationTest(x, y, { method: 'exact' as never })).toThrow(/^mutualInformationTest: method must be one of/);
    expect(() => conditionalMutualInformationTest(x, y, x, { shuffle: 'stratified' })).toThrow(/shuffle 'stratified' needs z to be labels/);
    expect(() => mutualInformation(x, y, { shuffleCorrected: 0 })).toThrow(/^mutualInformation: shuffleCorrected must be a boolean or an integer/);
    expect(() => mutualInformationTest(x, y, { shuffleCorrected: true } as never)).toThrow(/unknown option "shuffleCorrected"/);
  });
  it("mutualInformationTest(x, y, { estimator: 'gaussian' }) names itself when a shuffle makes the covariance singular (fuzz, seed 42)", () => {
    const x = [[-1.1094564246266782e-184, 1.0991709465880508e-235], [0, -1.7840941208259456e-112], [5.0290775158327594e-186, 4.684926780011785e-151], [-1.1228258722401146e-182, 5.813295733453528e-99], [0, -0.9999999999999986]];
    const o = { permutations: 5, estimator: 'gaussian' as const, confidence: 0.9, bootstrap: 6 };
    expect(() => mutualInformationTest(x, Int32Array.from([0, 0, -1, 0, 0]), o)).toThrow(/^mutualInformationTest: the sample covariance/);
  });
  it("mutualInformationTestAsync names itself when a bootstrap replicate fails in a worker (fuzz, seed 42)", async () => {
    // A resample of x keeps only labels of one kind, so 'mixed' reads both sides as labels;
    // the worker named the error after mutualInformationTest.
    const x = [0, 0, 2n, 0, 0, 0, 0, 0, 'a'];
    const y = Uint16Array.from([0, 0, 0, 0, 0, 65535, 4464, 0, 0]);
    const o = { permutations: 2, estimator: 'mixed' as const, confidence: 0.95, bootstrap: 5, k: 2, seed: 4294967278 };
    await expect(mutualInformationTestAsync(x as never, y, o)).rejects.toThrow(/^mutualInformationTestAsync: estimator 'mixed' needs one side of labels/);
  });
  it('mutualInformationTestAsync rejects a non-function onProgress, naming itself', async () => {
    await expect(mutualInformationTestAsync(x, y, { onProgress: 3 as never })).rejects.toThrow(/^mutualInformationTestAsync: onProgress must be a function/);
  });
});

describe('significance doc examples', () => {
  it('the @example outputs hold', () => {
    const x0 = [0.1, 0.5, 0.9, 1.3, 1.7, 2.0, 2.4, 2.8, 3.3, 3.5, 3.9, 4.2, 4.8, 5.1, 5.5, 6.0];
    const lohi = x0.map((v) => (v < 3 ? 'lo' : 'hi'));
    expect(Array.from(featureTests(x0.map((v, i) => [v, (i % 3) + 1]), lohi, { permutations: 99 }).pValues)).toEqual([0.01, 0.77]);
    const x = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
    const y = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
    expect(conditionalMutualInformationTest(x, y, x.map((v, i) => v ^ y[i]), { permutations: 99 }).pValue).toBe(0.02);
    expect(mutualInformationTest([0, 0, 1, 1, 0, 1], ['a', 'a', 'b', 'b', 'b', 'a'], { method: 'g-test' }).dof).toBe(1);
  });
});
