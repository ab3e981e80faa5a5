import { describe, expect, it } from 'vitest';
import {
  mutualInfoClassif,
  mutualInfoClassifAsync,
  mutualInfoRegression,
  mutualInfoRegressionAsync,
} from '../src/index.js';
import { BACKENDS, fixture, rng } from './support/helpers.js';
import { readDataset } from './support/csv.js';

interface SkCase {
  name: string;
  fn: 'regression' | 'classif';
  X: number[][];
  y: number[];
  n_neighbors: number;
  discrete_features: 'auto' | boolean | boolean[] | number[];
  expected: number[];
}
// sklearn 1.2.1 mutual_info_regression / mutual_info_classif, random_state=0, nats.
const cases = fixture<{ cases: SkCase[] }>('sklearn_mutual_info.json').cases;

function call(c: SkCase, opts: Record<string, unknown>): Float64Array {
  const o = { nNeighbors: c.n_neighbors, discreteFeatures: c.discrete_features, ...opts };
  return c.fn === 'regression' ? mutualInfoRegression(c.X, c.y, o) : mutualInfoClassif(c.X, c.y, o);
}

describe.each(BACKENDS)('sklearn-compatible feature scores on %s', (backend) => {
  it.each(cases.map((c) => [c.name, c] as const))('mutual_info_%s matches sklearn 1.2.1 to 1e-10', (_, c) => {
    const got = call(c, { backend });
    expect(got.length).toBe(c.expected.length);
    got.forEach((v, j) => expect(Math.abs(v - c.expected[j])).toBeLessThan(1e-10));
  });

  it.each([1, 2])('results do not move with randomState %i on the tie-free fixtures', (seed) => {
    for (const c of cases.slice(0, 6)) {
      const a = call(c, { backend, randomState: 0 });
      const b = call(c, { backend, randomState: seed });
      a.forEach((v, j) => expect(Math.abs(v - b[j])).toBeLessThan(1e-12));
    }
  });

  it('mutualInfoClassif(X, y) is unchanged by one extra sample with a unique label (sklearn test)', () => {
    const c = cases.find((x) => x.name === 'classif-continuous-3feat')!;
    const base = mutualInfoClassif(c.X, c.y, { backend });
    const more = mutualInfoClassif([...c.X, [0.1, 0.2, 0.3]], [...c.y, 99], { backend });
    more.forEach((v, j) => expect(v).toBeCloseTo(base[j], 12));
  });

  it('mutualInfoClassif with discrete features: integer and float input agree (sklearn test)', () => {
    const r = rng(5);
    const X = Array.from({ length: 300 }, () => [Math.floor(r() * 4), Math.floor(r() * 3)]);
    const y = X.map(([a, b]) => (a + (r() < 0.3 ? b : 0)) % 3);
    const ints = mutualInfoClassif(X, y, { discreteFeatures: true, backend });
    const floats = mutualInfoClassif(X.map((row) => row.map((v) => v + 0.0)), Float64Array.from(y), { discreteFeatures: [true, true], backend });
    expect(Array.from(floats)).toEqual(Array.from(ints));
    expect(ints[0]).toBeGreaterThan(0.3);
  });
});

describe('workers and the Async forms', () => {
  const c = cases.find((x) => x.name === 'regression-3feat-k3')!;
  const d = cases.find((x) => x.name === 'classif-5class-shift')!;

  it('mutualInfoRegression(X, y, {workers: 2}) equals workers: 1 bit for bit', () => {
    expect(Array.from(mutualInfoRegression(c.X, c.y, { workers: 2 }))).toEqual(Array.from(mutualInfoRegression(c.X, c.y)));
    expect(Array.from(mutualInfoClassif(d.X, d.y, { workers: 'auto' }))).toEqual(Array.from(mutualInfoClassif(d.X, d.y)));
  });

  it('mutualInfoRegressionAsync(X, y, {workers: 2, onProgress}) resolves the same values and reports each column', async () => {
    const seen: string[] = [];
    const got = await mutualInfoRegressionAsync(c.X, c.y, { workers: 2, onProgress: (a, b) => seen.push(`${a}/${b}`) });
    expect(Array.from(got)).toEqual(Array.from(mutualInfoRegression(c.X, c.y)));
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });

  it('mutualInfoClassifAsync with an aborted signal rejects with its reason', async () => {
    const ctl = new AbortController();
    ctl.abort(new Error('cancelled by user'));
    await expect(mutualInfoClassifAsync(d.X, d.y, { signal: ctl.signal })).rejects.toThrow('cancelled by user');
  });

  it('{ data, rows, cols } input gives the same values as rows', () => {
    const data = Float64Array.from(c.X.flat());
    const flat = mutualInfoRegression({ data, rows: c.X.length, cols: 3 }, c.y);
    expect(Array.from(flat)).toEqual(Array.from(mutualInfoRegression(c.X, c.y)));
  });
});

describe('real datasets against sklearn (../shared/datasets/sklearn_mi.json)', () => {
  const ref = fixture('sklearn_mi_datasets.json').datasets as Record<string, any>;
  it.each(['wine', 'breast_cancer', 'diabetes', 'iris'])('%s: within sklearn’s seed spread + 0.02 of its mean, same top 3', (name) => {
    const r = ref[name];
    const { X, target } = readDataset(name);
    const got = r.fn === 'classif' ? mutualInfoClassif(X, target) : mutualInfoRegression(X, target.map(Number));
    got.forEach((v, j) => expect(Math.abs(v - r.mi_mean_over_seeds_0_9[j])).toBeLessThanOrEqual(r.mi_spread_over_seeds_0_9[j] + 0.02));
    const top = (v: ArrayLike<number>) => Array.from(v, (x, j) => [x, j]).sort((a, b) => b[0] - a[0]).slice(0, 3).map((p) => p[1]);
    expect(top(got)).toEqual(top(r.mi_random_state_0));
  });
  it.each(['wine', 'breast_cancer', 'diabetes', 'iris'])('%s with randomState 0 equals sklearn’s random_state=0 values, ties and all, to 1e-10', (name) => {
    const r = ref[name];
    const { X, target } = readDataset(name);
    const got = r.fn === 'classif' ? mutualInfoClassif(X, target) : mutualInfoRegression(X, target.map(Number));
    got.forEach((v, j) => expect(Math.abs(v - r.mi_random_state_0[j])).toBeLessThan(1e-10));
  });
});

describe('bad input', () => {
  const X = [[1, 2], [3, 4], [5, 6], [7, 8], [9, 1]];
  const y = [1, 2, 3, 4, 5];
  it.each([
    ['ragged X', () => mutualInfoRegression([[1, 2], [3]], [1, 2]), RangeError, /X is not rectangular: row 1 has 1 values, row 0 has 2/],
    ['y of the wrong length', () => mutualInfoRegression(X, [1, 2]), RangeError, /X rows and y must have the same length, got 5 and 2/],
    ['NaN in X', () => mutualInfoRegression([[1, NaN], [2, 3]], [1, 2]), RangeError, /X must not contain NaN or ±Infinity, got NaN at row 0, column 1/],
    ['Infinity in y', () => mutualInfoRegression(X, [1, 2, Infinity, 4, 5]), RangeError, /y must not contain NaN or ±Infinity, got Infinity at index 2/],
    ['index out of range', () => mutualInfoRegression(X, y, { discreteFeatures: [2] }), RangeError, /discreteFeatures index must be an integer in \[-2, 1\], got 2/],
    ['mask of the wrong length', () => mutualInfoRegression(X, y, { discreteFeatures: [true] }), RangeError, /discreteFeatures mask must have one entry per column \(2\), got 1/],
    ['nNeighbors 0', () => mutualInfoRegression(X, y, { nNeighbors: 0 }), RangeError, /nNeighbors must be an integer in \[1, n_samples-1\] = \[1, 4\], got 0/],
    ['nNeighbors = n', () => mutualInfoClassif(X, [0, 1, 0, 1, 0], { nNeighbors: 5 }), RangeError, /^mutualInfoClassif: nNeighbors/],
    ['a single class', () => mutualInfoClassif(X, ['a', 'a', 'a', 'a', 'a']), RangeError, /y has a single class, so every feature's MI is 0 \(sklearn returns zeros\)/],
    ['an unknown option', () => mutualInfoRegression(X, y, { n_neighbors: 3 } as never), TypeError, /^mutualInfoRegression: unknown option "n_neighbors"/],
    ['a bad workers value', () => mutualInfoRegression(X, y, { workers: 0 }), RangeError, /workers must be an integer in \[1, 1024\] or 'auto', got 0/],
    ['a null label', () => mutualInfoClassif(X, [0, 1, null, 1, 0] as never), TypeError, /y must not contain null/],
  ])('%s throws a named error', (_, f, E, msg) => {
    expect(f).toThrow(E as ErrorConstructor);
    expect(f).toThrow(msg as RegExp);
  });
});
