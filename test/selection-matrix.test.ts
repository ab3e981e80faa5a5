// mutualInformationMatrix, selectKBest and selectPercentile.
import { describe, expect, test } from 'vitest';
import { mutualInfoClassif, mutualInformation, mutualInformationMatrix, mutualInformationMatrixAsync, selectKBest, selectPercentile } from '../src/index.js';
import { BACKENDS, rng } from './support/helpers.js';

function data(n: number) {
  const r = rng(5);
  const a = Array.from({ length: n }, () => r() * 4);
  const b = a.map((v) => v + r());
  const c = a.map((v) => (v > 2 ? 'hi' : r() < 0.2 ? 'hi' : 'lo'));
  const d = Array.from({ length: n }, () => Math.floor(r() * 3));
  return [a, b, c, d];
}

describe.each(BACKENDS)('mutualInformationMatrix (%s)', (backend) => {
  test('mutualInformationMatrix({ columns }) equals mutualInformation for every pair, in bits', () => {
    const cols = data(300);
    const m = mutualInformationMatrix({ columns: cols }, { base: 2, backend, names: ['a', 'b', 'c', 'd'] });
    expect(m.size).toBe(4);
    expect(m.names).toEqual(['a', 'b', 'c', 'd']);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        if (i === j) continue;
        const est = m.estimators[i * 4 + j];
        const o: Record<string, unknown> = { estimator: 'auto', base: 2, backend };
        expect(m.matrix[i * 4 + j]).toBe(mutualInformation(cols[i] as number[], cols[j] as number[], o));
        expect(m.matrix[i * 4 + j]).toBe(m.matrix[j * 4 + i]);
        expect(est).toBe(i < 2 && j < 2 ? 'ksg' : i >= 2 && j >= 2 ? 'discrete' : 'mixed');
      }
    }
    expect(Number.isNaN(m.matrix[0])).toBe(true); // I(X; X) is infinite for a continuous X
    const hd = -[0, 1, 2].map((v) => cols[3].filter((u) => u === v).length / 300).reduce((s, p) => s + p * Math.log2(p), 0);
    expect(m.matrix[15]).toBeCloseTo(hd, 12); // H(d) on the diagonal of a label column
  });

  test('mutualInformationMatrix of two copies and an independent bit (closed form, bits)', () => {
    const m = mutualInformationMatrix({ columns: [[0, 0, 1, 1], [0, 0, 1, 1], [0, 1, 0, 1]] }, { base: 2, backend });
    expect(Array.from(m.matrix)).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 1]);
  });

  test("mutualInformationMatrix(X, { estimator: 'binned' }) bins as discretize and counts as 'discrete'", () => {
    const cols = data(200).slice(0, 2) as number[][];
    const X = cols[0].map((v, i) => [v, cols[1][i]]);
    const m = mutualInformationMatrix(X, { estimator: 'binned', bins: 4, backend });
    expect(m.matrix[1]).toBeCloseTo(mutualInformation(cols[0], cols[1], { estimator: 'binned', bins: 4, backend }), 12);
  });
});

describe('mutualInformationMatrix options', () => {
  test('mutualInformationMatrix(3 rows, ksg) names itself when nNeighbors (3) is not below n (fuzz, seed 42)', async () => {
    const X = [[1, 5, 2], [2, 3, 9], [4, 1, 7]];
    expect(() => mutualInformationMatrix(X, { estimator: 'ksg' } as never)).toThrow(/^mutualInformationMatrix: k must be an integer in \[1, n-1\]/);
    await expect(mutualInformationMatrixAsync(X, { estimator: 'ksg' } as never)).rejects.toThrow(/^mutualInformationMatrixAsync: k must be an integer in \[1, n-1\]/);
  });

  test("mutualInformationMatrix with missing: 'pairwise' drops rows per pair", () => {
    const cols: (number | null | string)[][] = data(120);
    cols[0][3] = null;
    cols[2][7] = null;
    const m = mutualInformationMatrix({ columns: cols as never }, { missing: 'pairwise' });
    expect(m.dropped[0 * 4 + 2]).toBe(2);
    expect(m.dropped[1 * 4 + 3]).toBe(0);
    const keep = cols[0].map((_, i) => i).filter((i) => i !== 3 && i !== 7);
    const expected = mutualInformation(keep.map((i) => cols[0][i] as number), keep.map((i) => cols[2][i] as string), { estimator: 'mixed', discrete: 'y' });
    expect(m.matrix[2]).toBe(expected);
  });

  test('mutualInformationMatrix with workers gives the same bits; the Async form reports each pair', async () => {
    const cols = data(400);
    const one = mutualInformationMatrix({ columns: cols });
    const two = mutualInformationMatrix({ columns: cols }, { workers: 2 });
    expect(two.matrix).toEqual(one.matrix);
    const seen: number[] = [];
    const three = await mutualInformationMatrixAsync({ columns: cols }, { workers: 2, onProgress: (d) => seen.push(d) });
    expect(three.matrix).toEqual(one.matrix);
    expect(seen.length).toBe(6);
  });

  test("mutualInformationMatrix with onPairError: 'record' keeps going and says why", () => {
    // Column 2 has three cells: with k = 3 its pairs have too few rows for a k-NN estimate.
    const X = { columns: [[1, 2, 3, 4, 5, 6], [0.5, 0.1, 0.9, 0.3, 0.7, 0.2], [1.1, null, null, null, 2.5, 0.4]] };
    const m = mutualInformationMatrix(X as never, { nNeighbors: 3, missing: 'pairwise', onPairError: 'record' });
    expect(Number.isNaN(m.matrix[0 * 3 + 2])).toBe(true);
    expect(m.errors![0 * 3 + 2]).toMatch(/^mutualInformationMatrix: k must be an integer/);
    expect(Number.isFinite(m.matrix[0 * 3 + 1])).toBe(true);
    expect(m.errors![1]).toBe('');
    expect(() => mutualInformationMatrix(X as never, { nNeighbors: 3, missing: 'pairwise' })).toThrow(RangeError);
  });

  test.each([
    [{ names: ['a'] }, RangeError, 'mutualInformationMatrix: names must be 2 strings'],
    [{ estimator: 'kde' }, RangeError, 'mutualInformationMatrix: estimator must be one of'],
    [{ missing: 'drop' }, RangeError, 'mutualInformationMatrix: missing must be one of'],
    [{ estimator: 'ksg', discreteFeatures: true }, RangeError, 'mutualInformationMatrix: discreteFeatures applies to'],
    [{ colour: 1 }, TypeError, 'mutualInformationMatrix: unknown option "colour"'],
  ])('mutualInformationMatrix(X, %o) throws', (opts, E, msg) => {
    const X = [[1, 2], [2, 3], [3, 5], [4, 4], [5, 1]];
    expect(() => mutualInformationMatrix(X, opts as never)).toThrow(E);
    expect(() => mutualInformationMatrix(X, opts as never)).toThrow(msg);
  });
});

describe('selectKBest and selectPercentile', () => {
  // Columns 0, 2 and 4 are copies (equal scores); 5 is next, then 1, then the noise 3.
  const r = rng(9);
  const n = 400;
  const y = Array.from({ length: n }, () => Math.floor(r() * 4));
  const strong = y.map((v) => (r() < 0.3 ? Math.floor(r() * 4) : v));
  const medium = y.map((v) => (r() < 0.6 ? Math.floor(r() * 4) : v));
  const weak = y.map((v) => (r() < 0.85 ? Math.floor(r() * 4) : v));
  const noise = y.map(() => Math.floor(r() * 4));
  const X = y.map((_, i) => [strong[i], weak[i], strong[i], noise[i], strong[i], medium[i]]);
  const opts = { discreteFeatures: true } as const;

  test('selectKBest(X, y, { k: 2 }) keeps the higher indices among tied copies, as sklearn', () => {
    const s = mutualInfoClassif(X, y, opts);
    expect(s[0]).toBe(s[2]);
    const r2 = selectKBest(X, y, { k: 2, ...opts });
    expect(r2.selected).toEqual([2, 4]);
    expect(r2.scores).toEqual(s);
    expect(selectKBest(X, y, { k: 'all', ...opts }).selected).toEqual([0, 1, 2, 3, 4, 5]);
    expect(selectKBest(X, y, { k: 0, ...opts }).selected).toEqual([]);
  });

  test('selectPercentile(X, y, { percentile: 40 }) keeps ties at the threshold in column order, as sklearn', () => {
    expect(selectPercentile(X, y, { percentile: 40, ...opts }).selected).toEqual([0, 2]);
    expect(selectPercentile(X, y, { percentile: 50, ...opts }).selected).toEqual([0, 2, 4]);
    expect(selectPercentile(X, y, { percentile: 100, ...opts }).selected).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('selectKBest and selectPercentile check k, percentile and score', () => {
    expect(() => selectKBest(X, y, { k: 7, ...opts })).toThrow("selectKBest: k must be an integer in [0, 6] or 'all', got 7");
    expect(() => selectKBest(X, y, opts)).toThrow('selectKBest: k defaults to 10');
    expect(() => selectPercentile(X, y, { percentile: 101 })).toThrow('selectPercentile: percentile must be a number in [0, 100], got 101');
    expect(() => selectKBest(X, y, { k: 1, score: 'anova' as never })).toThrow("selectKBest: score must be one of 'classif', 'regression'");
  });
});
