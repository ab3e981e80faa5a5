import { describe, expect, it } from 'vitest';
import {
  ContingencyTable,
  adjustedMutualInfoScore,
  conditionalEntropy,
  conditionalMutualInformation,
  entropy,
  mutualInfoScore,
  mutualInformation,
  mutualInformationFromCounts,
  normalizedMutualInfoScore,
  variationOfInformation,
} from '../src/index.js';
import { BACKENDS, fixture, randomLabels, rng } from './support/helpers.js';

const discrete = fixture('discrete.json');
const gtest = fixture('gtest.json');

/** Labels with some dependence: y copies x a third of the time. */
function pair(n: number, kx: number, ky: number, seed: number): [number[], number[]] {
  const x = randomLabels(n, kx, seed);
  const r = rng(seed + 1);
  const y = x.map((v) => (r() < 0.33 ? v % ky : Math.floor(r() * ky)));
  return [x, y];
}

function shards<T>(xs: T[], cuts: number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const c of [...cuts, xs.length]) {
    out.push(xs.slice(at, c));
    at = c;
  }
  return out;
}

function everyMeasure(t: ContingencyTable): number[] {
  return [
    t.mutualInformation(),
    t.mutualInformation({ correction: 'miller-madow' }),
    t.mutualInformation({ correction: 'shrink' }),
    t.normalizedMutualInformation(),
    t.adjustedMutualInformation(),
    t.entropy('x'),
    t.entropy('xy', { estimator: 'chao-shen' }),
    t.conditionalEntropy('y'),
    t.variationOfInformation(),
    t.gStatistic().g,
  ];
}

describe.each(BACKENDS)('ContingencyTable (%s backend)', (backend) => {
  it.each(discrete.cases.filter((c: any) => c.name !== 'single-class'))('new ContingencyTable().add(a, b) gives sklearn\'s scores on $name', (c: any) => {
    const t = new ContingencyTable().add(c.a, c.b);
    const e = c.expected;
    expect(t.mutualInformation({ backend })).toBeCloseTo(e.mutual_info_score, 13);
    for (const m of ['arithmetic', 'geometric', 'min', 'max'] as const) {
      expect(t.normalizedMutualInformation({ averageMethod: m, backend })).toBeCloseTo(e.normalized_mutual_info_score[m], 13);
      expect(t.adjustedMutualInformation({ averageMethod: m, backend })).toBeCloseTo(e.adjusted_mutual_info_score[m], 12);
    }
    expect(t.entropy('x', { backend })).toBeCloseTo(e.entropy_a_nats, 13);
    expect(t.entropy('y', { backend })).toBeCloseTo(e.entropy_b_nats, 13);
    expect(t.total).toBe(c.a.length);
  });

  it('table.mutualInformation() equals mutualInfoScore(x, y) bit for bit on small integer labels', () => {
    const [x, y] = pair(20000, 9, 7, 11);
    const t = new ContingencyTable().add(Int32Array.from(x), y);
    expect(t.mutualInformation({ backend })).toBe(mutualInfoScore(x, y, { backend }));
    expect(t.normalizedMutualInformation({ backend })).toBe(normalizedMutualInfoScore(x, y, { backend }));
    expect(t.adjustedMutualInformation({ backend })).toBe(adjustedMutualInfoScore(x, y, { backend }));
    expect(t.entropy('x', { backend })).toBe(entropy(x, { backend }));
  });

  it('bias corrections equal mutualInformation(x, y, { correction }) and the other discrete measures', () => {
    const [x0, y] = pair(3000, 12, 5, 5);
    const x = x0.map((v) => `s${v}`);
    const t = new ContingencyTable().add(x, y);
    for (const correction of ['plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax'] as const) {
      expect(t.mutualInformation({ correction, backend })).toBeCloseTo(mutualInformation(x, y, { estimator: 'discrete', correction, backend }), 12);
      expect(t.entropy('x', { estimator: correction, backend })).toBeCloseTo(entropy(x, { estimator: correction, backend }), 12);
    }
    expect(t.conditionalEntropy('x', { base: 2, backend })).toBeCloseTo(conditionalEntropy(x, y, { base: 2, backend }), 12);
    expect(t.variationOfInformation({ backend })).toBeCloseTo(variationOfInformation(x, y, { backend }), 12);
    const { data, rows, cols } = t.counts();
    expect(t.mutualInformation({ base: 2, backend })).toBe(mutualInformationFromCounts({ data, rows, cols }, { base: 2, backend }));
  });

  it('shards merged in any order give the one-shot result bit for bit', () => {
    const [x, y] = pair(30000, 13, 6, 21);
    const xs = x.map((v) => (v % 3 === 0 ? `k${v}` : v));
    const oneShot = new ContingencyTable().add(xs, y);
    const want = everyMeasure(oneShot);
    const parts = shards(xs.map((v, i) => [v, y[i]] as const), [1, 7000, 7001, 19000]);
    const tables = parts.map((p) => new ContingencyTable().add(p.map((r) => r[0]), p.map((r) => r[1])));
    const merged = new ContingencyTable();
    for (const i of [3, 0, 4, 2, 1]) merged.merge(tables[i]);
    expect(everyMeasure(merged)).toEqual(want);
    expect(merged.total).toBe(30000);
    // through GROUP BY rows and JSON, as a shard written by another process would arrive
    const grouped = new Map<string, number>();
    xs.forEach((v, i) => grouped.set(JSON.stringify([v, y[i]]), (grouped.get(JSON.stringify([v, y[i]])) ?? 0) + 1));
    const rows = [...grouped].reverse().map(([k, n]) => [...JSON.parse(k), n] as [string | number, number, number]);
    const viaCounts = ContingencyTable.fromJSON(JSON.stringify(new ContingencyTable().addCounts(rows)));
    expect(everyMeasure(viaCounts)).toEqual(want);
    expect(viaCounts.size).toBe(grouped.size);
  });

  it('a 3-way table gives conditionalMutualInformation(x, y, z), and shards of it merge exactly', () => {
    const x = randomLabels(5000, 4, 1);
    const y = randomLabels(5000, 3, 2);
    const z = x.map((v, i) => (v + y[i]) % 4);
    const t = new ContingencyTable().add(x, y, z);
    for (const correction of ['plugin', 'miller-madow', 'laplace'] as const) {
      expect(t.conditionalMutualInformation({ correction, backend })).toBeCloseTo(
        conditionalMutualInformation(x, y, z, { estimator: 'discrete', correction, backend }),
        12,
      );
    }
    expect(t.mutualInformation({ backend })).toBe(mutualInfoScore(x, y, { backend }));
    const a = new ContingencyTable().add(x.slice(0, 1234), y.slice(0, 1234), z.slice(0, 1234));
    const b = new ContingencyTable().add(x.slice(1234), y.slice(1234), z.slice(1234));
    expect(b.merge(a).conditionalMutualInformation({ backend })).toBe(t.conditionalMutualInformation({ backend }));
    // XOR: x and y independent, one bit each given z
    expect(new ContingencyTable().add([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0]).conditionalMutualInformation({ base: 2, backend })).toBe(1);
  });
});

describe('ContingencyTable.gStatistic', () => {
  it.each(gtest.cases.map((c: any, i: number) => ({ ...c, i })))('gStatistic() equals scipy chi2_contingency(lambda_="log-likelihood") on case $i: G, dof and p-value', (c: any) => {
    const { g, dof, pValue } = new ContingencyTable().add(c.a, c.b).gStatistic();
    expect(g).toBeCloseTo(c.G, 10);
    expect(dof).toBe(c.dof);
    expect(Math.abs(pValue - c.pValue)).toBeLessThan(1e-12);
    expect(Math.abs(pValue - c.pValue) / c.pValue).toBeLessThan(1e-10);
  });

  it('gStatistic() of shards merged equals the one-shot table bit for bit, p-value included', () => {
    const c = gtest.cases[4];
    const one = new ContingencyTable().add(c.a, c.b).gStatistic();
    const a = new ContingencyTable().add(c.a.slice(0, 1000), c.b.slice(0, 1000));
    const b = new ContingencyTable().add(c.a.slice(1000), c.b.slice(1000));
    expect(b.merge(a).gStatistic()).toEqual(one);
  });

  it('gStatistic() of a 3-way table is the stratified G-test: Σ_z G_z with Σ_z (R_z−1)(C_z−1) degrees of freedom', () => {
    // Stratum z = 0 is scipy case 0 (2 × 2 labels), z = 1 is case 1 (3 × 4): G = 1.0326… + 3.9922…,
    // dof = 1 + 6 = 7 (not (3 − 1)(4 − 1)·2 = 12), p = scipy 1.17.1 chi2.sf(5.024819704814494, 7).
    const [c0, c1] = gtest.cases;
    const t = new ContingencyTable()
      .add(c0.a, c0.b, c0.a.map(() => 0))
      .add(c1.a, c1.b, c1.a.map(() => 1));
    const r = t.gStatistic();
    expect(r.g).toBeCloseTo(c0.G + c1.G, 10);
    expect(r.g).toBe(2 * t.total * t.conditionalMutualInformation());
    expect(r.dof).toBe(7);
    expect(Math.abs(r.pValue - 0.6569342261810194)).toBeLessThan(1e-12);
  });

  it('gStatistic() of a 3-way table with one label of z equals the 2-way test', () => {
    const c = gtest.cases[3];
    const r = new ContingencyTable().add(c.a, c.b, c.a.map(() => 'only')).gStatistic();
    expect(r.dof).toBe(c.dof);
    expect(Math.abs(r.pValue - c.pValue)).toBeLessThan(1e-12);
  });

  it('gStatistic() with one label on a side has dof 0 and p-value 1', () => {
    expect(new ContingencyTable().add([0, 1, 0, 1], [5, 5, 5, 5]).gStatistic()).toEqual({ g: 0, dof: 0, pValue: 1 });
  });
});

describe('ContingencyTable input and errors', () => {
  it('keeps labels of every type apart and sorts them canonically', () => {
    const t = new ContingencyTable().add([1, '1', true, 2n, 1], ['a', 'a', 'b', 'b', 'a']);
    expect(t.labels('x')).toEqual([1, 2n, '1', true]);
    expect(t.counts()).toEqual({ data: Float64Array.from([2, 0, 0, 1, 1, 0, 0, 1]), rows: 4, cols: 2 });
    const back = ContingencyTable.fromJSON(JSON.parse(JSON.stringify(t)));
    expect(back.labels('x')).toEqual([1, 2n, '1', true]);
    expect(back.toJSON()).toEqual(t.toJSON());
  });

  it('memory follows the distinct cells, not N', () => {
    const t = new ContingencyTable();
    for (let i = 0; i < 20; i++) t.add(new Int32Array(50000).map((_, j) => j % 4), new Int32Array(50000).map((_, j) => (j >> 2) % 3));
    expect(t.total).toBe(1e6);
    expect(t.size).toBe(12);
  });

  it('rejects bad input with the function and argument named', () => {
    const t = new ContingencyTable();
    expect(() => t.mutualInformation()).toThrow(/ContingencyTable.mutualInformation: the table is empty/);
    expect(() => t.add([1, 2], [1])).toThrow(RangeError);
    expect(() => t.add([1, null], [1, 2])).toThrow(/ContingencyTable.add: x must not contain null/);
    expect(() => t.addCounts([[1, 2, -1]])).toThrow(/ContingencyTable.addCounts: n must be a non-negative integer, got -1 at row 0/);
    expect(() => t.addCounts([[1, 2, 1.5]])).toThrow(RangeError);
    expect(() => t.addCounts([[1, NaN, 1]])).toThrow(/y must not be NaN/);
    t.add([1, 2], [1, 2]);
    expect(() => t.add([1], [1], [1])).toThrow(/this table has 2 variables, got 3/);
    expect(() => t.conditionalMutualInformation()).toThrow(/needs a table of 3 variables/);
    expect(() => t.entropy('q' as 'x')).toThrow(/variables must be one of/);
    expect(() => t.mutualInformation({ bins: 3 } as object)).toThrow(/unknown option "bins"/);
    expect(() => t.merge({} as ContingencyTable)).toThrow(TypeError);
    expect(() => ContingencyTable.fromJSON({ format: 'x' } as never)).toThrow(/ContingencyTable.fromJSON/);
  });
});
