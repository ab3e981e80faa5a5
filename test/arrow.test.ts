import { readFileSync } from 'node:fs';
import { tableFromArrays, vectorFromArray, makeVector, Dictionary, Utf8, Int32 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  ContingencyTable,
  conditionalMutualInformation,
  differentialEntropy,
  discretize,
  entropy,
  jointEntropy,
  mutualInfoClassif,
  mutualInfoRegression,
  mutualInfoScore,
  mutualInformation,
  normalizedMutualInfoScore,
  selectEstimator,
} from '../src/index.js';
import { arrowLabels, arrowNumbers } from '../src/tables/arrow.js';
import { randomLabels, rng } from './support/helpers.js';

const N = 2000;
const r = rng(7);
const u = Float64Array.from({ length: N }, () => r());
const v = u.map((a) => a + 0.3 * r());
const cls = randomLabels(N, 3, 9);
const names = cls.map((c) => ['red', 'green', 'blue'][c]);
const table = tableFromArrays({ u, v, n: Int32Array.from(cls), color: names });

describe('Arrow input', () => {
  it('reads a single-chunk Float64 or Int32 vector zero-copy, and dictionary strings as their codes', () => {
    const fu = arrowNumbers('t', 'u', table.getChild('u')!);
    expect(fu).toBeInstanceOf(Float64Array);
    expect((fu as Float64Array).buffer).toBe(table.getChild('u')!.data[0].values.buffer);
    const color = table.getChild('color')!;
    expect(String(color.type)).toMatch(/^Dictionary/);
    const { labels, labelOf } = arrowLabels('t', 'color', color);
    expect((labels as Int32Array).buffer).toBe(color.data[0].values.buffer);
    expect(labelOf!((labels as Int32Array)[0])).toBe(names[0]);
  });

  it('mutualInformation(vector, vector) equals the result on the arrays, for every estimator kind', () => {
    const U = table.getChild('u')!;
    const V = table.getChild('v')!;
    const C = table.getChild('color')!;
    expect(mutualInformation(U, V)).toBe(mutualInformation(u, v));
    expect(mutualInformation(U, V, { estimator: 'binned', bins: 8 })).toBe(mutualInformation(u, v, { estimator: 'binned', bins: 8 }));
    expect(mutualInformation(C, U)).toBe(mutualInformation(names, u));
    expect(selectEstimator(C, V).estimator).toBe('mixed');
    expect(mutualInfoScore(C, table.getChild('n')!)).toBe(mutualInfoScore(names, cls));
    expect(normalizedMutualInfoScore(C, vectorFromArray(names))).toBe(normalizedMutualInfoScore(names, names));
    expect(entropy(C, { base: 2 })).toBeCloseTo(entropy(names, { base: 2 }), 15);
    expect(conditionalMutualInformation(U, V, vectorFromArray(Float64Array.from(u, (a) => a * a)))).toBe(conditionalMutualInformation(u, v, Float64Array.from(u, (a) => a * a)));
    expect(conditionalMutualInformation(C, table.getChild('n')!, C, { estimator: 'discrete' })).toBe(conditionalMutualInformation(names, cls, names, { estimator: 'discrete' }));
    expect(jointEntropy(tableFromArrays({ a: names, b: Int32Array.from(cls) }))).toBeCloseTo(jointEntropy([names, cls]), 14);
    expect(differentialEntropy(U)).toBe(differentialEntropy(u));
    expect(discretize(U, { bins: 4 }).codes).toEqual(discretize(u, { bins: 4 }).codes);
  });

  it('an Arrow Table is a feature matrix for mutualInfoClassif and mutualInfoRegression', () => {
    const X = tableFromArrays({ u, v });
    const rows = Array.from(u, (a, i) => [a, v[i]]);
    expect(mutualInfoClassif(X, table.getChild('color')!)).toEqual(mutualInfoClassif(rows, names));
    expect(mutualInfoRegression(X, table.getChild('v')!)).toEqual(mutualInfoRegression(rows, v));
    // an Arrow Table as one multivariate sample: its rows
    expect(mutualInformation(X, table.getChild('n')!, { estimator: 'mixed' })).toBe(mutualInformation(rows, cls, { estimator: 'mixed' }));
  });

  it('joins chunks, reads Int64 as numbers, and counts dictionary codes into a ContingencyTable by their strings', () => {
    const a = vectorFromArray([1.5, 2.5]);
    const b = vectorFromArray([3.5, 0.5]);
    const two = a.concat(b);
    expect(two.data.length).toBe(2);
    expect(Array.from(arrowNumbers('t', 'x', two))).toEqual([1.5, 2.5, 3.5, 0.5]);
    expect(Array.from(arrowNumbers('t', 'x', vectorFromArray(new BigInt64Array([5n, -7n]))))).toEqual([5, -7]);
    const dict = vectorFromArray(['b', 'a', 'b', 'c'], new Dictionary(new Utf8(), new Int32()));
    const t = new ContingencyTable().add(dict, makeVector(Int32Array.from([0, 1, 0, 1])));
    expect(t.labels('x')).toEqual(['a', 'b', 'c']);
    expect(t.mutualInformation()).toBe(new ContingencyTable().add(['b', 'a', 'b', 'c'], [0, 1, 0, 1]).mutualInformation());
  });

  it('a null in an Arrow column is a RangeError that names the function and the column', () => {
    const t = tableFromArrays({ a: [1, null, 3], b: [1, 2, 3] });
    expect(() => mutualInformation(t.getChild('a')!, t.getChild('b')!)).toThrow(/mutualInformation: x holds 1 null \(Arrow column\)/);
    expect(() => mutualInfoRegression(t, t.getChild('b')!)).toThrow(/mutualInfoRegression: X column "a" holds 1 null/);
    expect(() => entropy(vectorFromArray(['a', null, 'b']))).toThrow(RangeError);
  });

  it('the built package imports neither apache-arrow nor @duckdb/node-api statically', () => {
    for (const f of ['dist/index.mjs', 'dist/index.cjs']) {
      const code = readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');
      expect(code).not.toMatch(/(from|import\(|require\()\s*['"]apache-arrow/);
      expect(code).not.toMatch(/^import[^;]*@duckdb|require\(['"]@duckdb/m);
    }
  });
});
