// G-test and the incomplete gamma behind its p-value, against scipy and mpmath.
import { describe, expect, it } from 'vitest';
import { gammaP, gammaQ, chiSquareSurvival } from '../src/core/gammaInc.js';
import { gTest, gTestFromCounts } from '../src/index.js';
import { BACKENDS, fixture } from './support/helpers.js';

interface GCase { a: number[]; b: number[]; G: number; dof: number; pValue: number }
const G = fixture<{ cases: GCase[] }>('gtest.json').cases;
const GAMMA = fixture<{ cases: { a: number; x: number; P: number; Q: number }[] }>('gammainc.json').cases;

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('gammaP / gammaQ', () => {
  // Below 1e-30 the result is exp(E) with |E| > 69, and the rounding of E alone costs ~ε·|E|.
  it('gammaP / gammaQ match mpmath (40 digits) to 1e-14 relative down to 1e-30, 1e-13 below, a in [0.5, 500]', () => {
    for (const c of GAMMA) {
      for (const [got, want, name] of [[gammaQ(c.a, c.x), c.Q, 'Q'], [gammaP(c.a, c.x), c.P, 'P']] as const) {
        if (want < 1e-300) continue;
        expect(rel(got, want), `${name}(${c.a}, ${c.x})`).toBeLessThan(want >= 1e-30 ? 1e-14 : 1e-13);
      }
    }
  });
  it('chiSquareSurvival(x, 2) is exp(−x/2) (closed form)', () => {
    for (const x of [0.01, 1, 3.7, 20, 100, 700]) expect(rel(chiSquareSurvival(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-14);
  });
  it('gammaQ(a, 0) is 1 and gammaP(a, 0) is 0', () => {
    expect(gammaQ(3, 0)).toBe(1);
    expect(gammaP(3, 0)).toBe(0);
  });
});

describe.each(BACKENDS)('gTest (%s)', (backend) => {
  it.each(G.map((c, i) => [i, c] as const))('gTest(a, b) case %i matches scipy chi2_contingency(lambda_="log-likelihood")', (_, c) => {
    const r = gTest(c.a, c.b, { backend });
    expect(r.dof).toBe(c.dof);
    expect(rel(r.statistic, c.G)).toBeLessThan(1e-12);
    expect(Math.abs(r.pValue - c.pValue)).toBeLessThan(1e-12);
    expect(rel(r.pValue, c.pValue)).toBeLessThan(1e-10);
  });
  it('gTestFromCounts(table) gives the same numbers as gTest on the labels', () => {
    const c = G[2];
    const ka = Math.max(...c.a) + 1;
    const kb = Math.max(...c.b) + 1;
    const data = new Array(ka * kb).fill(0);
    c.a.forEach((a, i) => data[a * kb + c.b[i]]++);
    const r = gTestFromCounts({ data, rows: ka, cols: kb }, { backend });
    expect(Math.abs(r.pValue - c.pValue)).toBeLessThan(1e-12);
    expect(r.dof).toBe(c.dof);
  });
});

describe('gTest edges', () => {
  it('gTest(x, constant) has dof 0 and p-value 1', () => {
    expect(gTest([0, 1, 0, 1], [5, 5, 5, 5])).toEqual({ value: 0, statistic: 0, dof: 0, pValue: 1 });
  });
  it('gTestFromCounts drops empty rows from the degrees of freedom', () => {
    expect(gTestFromCounts([[10, 2], [0, 0], [3, 9]]).dof).toBe(1);
  });
  it('gTest(x, y) with y of another length throws a RangeError naming gTest', () => {
    expect(() => gTest([0, 1], [0, 1, 1])).toThrow(/^gTest: x and y must have the same length/);
  });
  it('the doc examples hold', () => {
    expect(gTest([0, 0, 0, 1, 1, 1, 0, 1], [0, 0, 1, 1, 1, 1, 0, 0])).toEqual({
      value: 0.13081203594113666,
      statistic: 2.0929925750581866,
      dof: 1,
      pValue: 0.14797595938502753,
    });
    expect(gTestFromCounts([[10, 2], [3, 9]]).pValue).toBe(0.0030210823182699902);
  });
});
