// `mutinfo select` as a subprocess: its JSON equals selectFeatures on the same columns, and
// FEAST's fixture data written as CSV gives FEAST's picks and scores.
import { describe, expect, it } from 'vitest';
import { selectFeatures } from '../src/index.js';
import { mutinfo, mutinfoJson, scratch } from './support/cli.js';
import { readDataset } from './support/csv.js';
import { fixture } from './support/helpers.js';

interface Selected {
  method: string;
  estimator: string;
  unit: string;
  selected: { order: number; feature: string; score: number; relevance: number; kind: string }[];
}

describe('mutinfo select', () => {
  it('mutinfo select data/wine.csv --target class --method mrmr -k 5 equals selectFeatures', () => {
    const out = mutinfoJson<Selected>(['select', 'data/wine.csv', '--target', 'class', '--method', 'mrmr', '-k', '5']);
    const d = readDataset('wine');
    const lib = selectFeatures(d.X, d.target, { method: 'mrmr', k: 5, discreteFeatures: d.features.map(() => false) });
    expect(out.selected.map((s) => s.feature)).toEqual(lib.selected.map((j) => d.features[j]));
    expect(out.selected.map((s) => s.score)).toEqual(Array.from(lib.scores));
    expect(out.selected.map((s) => s.relevance)).toEqual(Array.from(lib.relevance));
    expect(out.unit).toBe('nats');
  });

  it("mutinfo select on FEAST's data with --estimator discrete --base 2 gives FEAST's picks", () => {
    const feast = fixture('feast.json');
    const ds = feast.datasets.synthetic;
    const header = [...ds.X[0].map((_: number, j: number) => `f${j}`), 'y'].join(',');
    const file = scratch('feast.csv', [header, ...ds.X.map((r: number[], i: number) => [...r, ds.y[i]].join(','))].join('\n') + '\n');
    const c = feast.cases.find((x: { dataset: string; method: string }) => x.dataset === 'synthetic' && x.method === 'cmim');
    const out = mutinfoJson<Selected>(['select', file, '--target', 'y', '--method', 'cmim', '-k', String(c.k), '--estimator', 'discrete', '--base', '2']);
    expect(out.selected.map((s) => s.feature)).toEqual(c.selected.map((j: number) => `f${j}`));
    out.selected.forEach((s, i) => expect(Math.abs(s.score - c.scores_bits[i])).toBeLessThan(1e-10));
  });

  it('mutinfo select refuses a bad -k and a beta for jmi with exit code 2', () => {
    const big = mutinfo(['select', 'data/wine.csv', '--target', 'class', '-k', '99']);
    expect(big.code).toBe(2);
    expect(big.stderr).toBe('mutinfo: select: k must be an integer in [1, 13] (the number of columns), got 99\n');
    const beta = mutinfo(['select', 'data/wine.csv', '--target', 'class', '--method', 'jmi', '--beta', '2']);
    expect(beta.code).toBe(2);
    expect(beta.stderr).toMatch(/beta applies to methods 'betagamma' and 'mifs' only/);
  });
});
