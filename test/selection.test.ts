// selectFeatures beyond FEAST's fixtures: the behaviours the criteria exist for, workers,
// the continuous estimators against closed forms, and the checks at the edge.
import { describe, expect, test } from 'vitest';
import { mutualInfoClassif, selectFeatures, selectFeaturesAsync } from '../src/index.js';
import { BACKENDS, rng } from './support/helpers.js';

/** Standard normals from a seeded uniform stream (Box–Muller). */
function normals(n: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

/** x0 (4 levels), x1 a near-copy of x0 (3% of cells replaced), x2 independent; y = x0 + 4·x2. */
function redundant(n: number) {
  const r = rng(7);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x0 = Math.floor(r() * 4);
    const x1 = r() < 0.03 ? Math.floor(r() * 4) : x0;
    const x2 = Math.floor(r() * 2);
    rows.push([x0, x1, x2, Math.floor(r() * 3)]);
    y.push(x0 + 4 * x2);
  }
  return { X: rows, y };
}

/**
 * y = a XOR b. e = (1 − a)·b carries a little about y; given e, each half says something,
 * and together they say everything. Four noisy copies of e (10% flipped) are decoys whose
 * own relevance is far above the halves' (which is 0 in the population).
 */
function xorSet(n: number) {
  const r = rng(11);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = r() < 0.5 ? 1 : 0;
    const b = r() < 0.5 ? 1 : 0;
    const e = (1 - a) * b;
    const decoys = [0, 1, 2, 3].map(() => (r() < 0.1 ? 1 - e : e));
    rows.push([e, ...decoys, a, b]);
    y.push(a ^ b);
  }
  return { X: rows, y };
}

describe.each(BACKENDS)('selectFeatures (%s)', (backend) => {
  test("selectFeatures(X, y, { method: 'mrmr' }) skips the near-copy that 'mim' takes second", () => {
    const { X, y } = redundant(2000);
    const mim = selectFeatures(X, y, { method: 'mim', k: 3, estimator: 'discrete', backend });
    const mrmr = selectFeatures(X, y, { method: 'mrmr', k: 3, estimator: 'discrete', backend });
    expect(mim.selected.slice(0, 2)).toEqual([0, 1]);
    expect(mrmr.selected.slice(0, 2)).toEqual([0, 2]);
    // mRMR's second score is I(x2;y) − I(x2;x0) = 1 bit − ~0 (x2 is a fair coin independent of x0).
    const bits = selectFeatures(X, y, { method: 'mrmr', k: 2, estimator: 'discrete', backend, base: 2 });
    expect(bits.scores[1]).toBeCloseTo(1, 2);
  });

  test("selectFeatures(X, y, { method: 'jmi' }) picks both XOR halves, where 'mim' picks neither early", () => {
    const { X, y } = xorSet(4000);
    const jmi = selectFeatures(X, y, { method: 'jmi', k: 3, estimator: 'discrete', backend, base: 2 });
    expect(jmi.selected[0]).toBe(0);
    expect(new Set(jmi.selected.slice(1))).toEqual(new Set([5, 6]));
    // The third JMI score is I(b e; y) + I(b a; y), and I(a b; y) = H(y) = 1 bit exactly.
    const mim = selectFeatures(X, y, { method: 'mim', k: 5, estimator: 'discrete', backend });
    expect(mim.selected).not.toContain(5);
    expect(mim.selected).not.toContain(6);
    const cmim = selectFeatures(X, y, { method: 'cmim', k: 3, estimator: 'discrete', backend });
    expect(cmim.selected[0]).toBe(0);
  });

  test('selectFeatures gives the relevance of each pick as mutualInfoClassif does (auto estimator)', () => {
    const x0 = normals(300, 1);
    const x1 = normals(300, 2);
    const X = x0.map((v, i) => [v, x1[i], v + 0.5 * x1[i]]);
    const y = x0.map((v) => (v > 0 ? 'hi' : 'lo'));
    const r = selectFeatures(X, y, { method: 'mim', k: 3, backend });
    const mi = mutualInfoClassif(X, y, { backend });
    expect(Array.from(r.relevance)).toEqual(r.selected.map((j) => mi[j]));
    expect(r.estimator).toBe('auto');
  });
});

describe('selectFeatures on Gaussian columns (closed forms)', () => {
  // y = 1[x0 > m0] + 2·1[x2 > m2] with m the sample medians: I(x0; y) = I(x2; y) = ln 2 and
  // I(x0 x2; y) = H(y) ≈ ln 4 (the plug-in H(y) of these labels exactly, once binned at the medians).
  const n = 2000;
  const g = [normals(n, 21), normals(n, 22), normals(n, 23), normals(n, 24)];
  const X = Array.from({ length: n }, (_, i) => [g[0][i], g[0][i] + 0.05 * g[1][i], g[2][i], g[3][i]]);
  const median = (v: number[]) => {
    const s = v.slice().sort((a, b) => a - b);
    return (s[n / 2 - 1] + s[n / 2]) / 2;
  };
  const m0 = median(g[0]);
  const m2 = median(g[2]);
  const y = Array.from({ length: n }, (_, i) => (g[0][i] > m0 ? 1 : 0) + (g[2][i] > m2 ? 2 : 0));
  const hy = -[0, 1, 2, 3].map((c) => y.filter((v) => v === c).length / n).reduce((s, p) => s + (p > 0 ? p * Math.log(p) : 0), 0);

  test("selectFeatures(X, y, { estimator: 'ksg', method: 'jmi' }) reaches I(x0 x2; y) = ln 4 with its second pick", () => {
    const r = selectFeatures(X, y, { method: 'jmi', k: 2, estimator: 'ksg' });
    expect(new Set(r.selected)).toEqual(new Set([0, 2]));
    expect(Math.abs(r.relevance[0] - Math.LN2)).toBeLessThan(0.05);
    expect(Math.abs(r.scores[1] - Math.log(4))).toBeLessThan(0.08);
  });

  test("selectFeatures(X, y, { estimator: 'ksg', method: 'mrmr' }) skips x0's near-copy", () => {
    const r = selectFeatures(X, y, { method: 'mrmr', k: 2, estimator: 'ksg' });
    expect(new Set(r.selected)).toEqual(new Set([0, 2]));
    expect(r.selected).not.toContain(1);
    const c = selectFeatures(X, y, { method: 'cmim', k: 2, estimator: 'ksg' });
    expect(c.selected).not.toContain(1);
    // CMIM's second score is I(x2; y | x0) = ln 2.
    expect(Math.abs(c.scores[1] - Math.LN2)).toBeLessThan(0.08);
  });

  test("selectFeatures(X, y, { estimator: 'binned' }) with median-aligned bins gives ln 4 for JMI", () => {
    const r = selectFeatures(X, y, { method: 'jmi', k: 2, estimator: 'binned', binning: 'equal-frequency', bins: 2 });
    expect(r.selected).not.toContain(1);
    expect(Math.abs(r.scores[1] - hy)).toBeLessThan(1e-12);
    expect(Math.abs(r.relevance[0] - Math.LN2)).toBeLessThan(1e-12);
  });
});

describe('selectFeatures with workers', () => {
  test("selectFeatures with workers 1 and 'auto' gives identical picks and bits (discrete)", async () => {
    const r = rng(3);
    const X = Array.from({ length: 3000 }, () => Array.from({ length: 40 }, () => Math.floor(r() * 5)));
    const y = X.map((row) => (row[3] + row[17] + (r() < 0.2 ? row[30] : 0)) % 4);
    for (const method of ['mrmr', 'jmi', 'icap', 'cmim'] as const) {
      const one = selectFeatures(X, y, { method, k: 8, estimator: 'discrete', workers: 1 });
      const many = selectFeatures(X, y, { method, k: 8, estimator: 'discrete', workers: 'auto' });
      const two = await selectFeaturesAsync(X, y, { method, k: 8, estimator: 'discrete', workers: 2 });
      expect(many.selected).toEqual(one.selected);
      expect(many.scores).toEqual(one.scores);
      expect(two.selected).toEqual(one.selected);
      expect(two.scores).toEqual(one.scores);
    }
  });

  test("selectFeatures with workers 1 and 2 gives identical bits (ksg)", () => {
    const g = [normals(200, 31), normals(200, 32), normals(200, 33)];
    const X = g[0].map((v, i) => [v, g[1][i], v + g[2][i]]);
    const y = g[0].map((v, i) => (v + 0.3 * g[1][i] > 0 ? 1 : 0));
    for (const method of ['jmi', 'icap', 'cmim'] as const) {
      const one = selectFeatures(X, y, { method, k: 3, estimator: 'ksg' });
      const two = selectFeatures(X, y, { method, k: 3, estimator: 'ksg', workers: 2 });
      expect(two.selected).toEqual(one.selected);
      expect(two.scores).toEqual(one.scores);
    }
  });

  test('selectFeaturesAsync reports each pick and stops on abort', async () => {
    const { X, y } = redundant(500);
    const seen: number[] = [];
    const r = await selectFeaturesAsync(X, y, { method: 'jmi', k: 3, estimator: 'discrete', onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([1, 2, 3]);
    expect(r.selected).toEqual(selectFeatures(X, y, { method: 'jmi', k: 3, estimator: 'discrete' }).selected);
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    await expect(selectFeaturesAsync(X, y, { k: 3, estimator: 'discrete', signal: ctl.signal })).rejects.toThrow('stop');
  });
});

describe('selectFeatures checks its input', () => {
  const { X, y } = redundant(100);
  test.each([
    [{ k: 0 }, RangeError, 'selectFeatures: k must be an integer in [1, 4] (the number of columns), got 0'],
    [{ k: 5 }, RangeError, 'selectFeatures: k must be an integer in [1, 4] (the number of columns), got 5'],
    [{ k: 1.5 }, RangeError, 'k must be an integer'],
    [{ method: 'relief' }, RangeError, "selectFeatures: method must be one of 'mim', 'mrmr', 'jmi', 'cmim', 'disr', 'icap', 'cife', 'mifs', 'betagamma', got \"relief\""],
    [{ method: 'jmi', beta: 0.5 }, RangeError, "selectFeatures: beta applies to methods 'betagamma' and 'mifs' only; method 'jmi' fixes it"],
    [{ method: 'cife', beta: 0.5 }, RangeError, "method 'cife' fixes it"],
    [{ method: 'mifs', gamma: 0.5 }, RangeError, "selectFeatures: gamma applies to method 'betagamma' only; method 'mifs' fixes it"],
    [{ method: 'betagamma', beta: Number.NaN }, RangeError, 'selectFeatures: beta must be a finite number, got NaN'],
    [{ estimator: 'kde' }, RangeError, 'selectFeatures: estimator must be one of'],
    [{ method: 'disr', estimator: 'ksg' }, RangeError, "selectFeatures: method 'disr' needs the joint entropy"],
    [{ estimator: 'discrete', discreteFeatures: [0] }, RangeError, 'selectFeatures: discreteFeatures applies to'],
    [{ base: 1 }, RangeError, 'selectFeatures: base must be'],
    [{ workers: 0 }, RangeError, 'selectFeatures: workers must be'],
    [{ kk: 3 }, TypeError, 'selectFeatures: unknown option "kk"'],
  ])('selectFeatures(X, y, %o) throws', (opts, E, msg) => {
    expect(() => selectFeatures(X, y, opts as never)).toThrow(E);
    expect(() => selectFeatures(X, y, opts as never)).toThrow(msg);
  });

  test('selectFeatures refuses a single-class y and mismatched lengths', () => {
    expect(() => selectFeatures(X, y.map(() => 1), { estimator: 'discrete' })).toThrow('selectFeatures: y has a single class');
    expect(() => selectFeatures(X, y.slice(1), { estimator: 'discrete' })).toThrow(RangeError);
  });

  test('selectFeatures takes a constant column (its MI is 0) and a single column', () => {
    const Xc = X.map((r) => [7, ...r]);
    const r = selectFeatures(Xc, y, { method: 'mrmr', k: 5, estimator: 'discrete' });
    expect(r.selected[r.selected.length - 1]).toBe(0);
    expect(r.relevance[r.relevance.length - 1]).toBe(0);
    const one = selectFeatures(X.map((row) => [row[0]]), y, { method: 'jmi', k: 1, estimator: 'discrete' });
    expect(one.selected).toEqual([0]);
    const disr = selectFeatures(Xc, y, { method: 'disr', k: 5, estimator: 'discrete' });
    expect(disr.scores.every(Number.isFinite)).toBe(true);
  });
});
