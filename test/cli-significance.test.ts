// `mutinfo rank --permutations N`: p and q columns, equal to the library's featureTests /
// mutualInformationTest on the same columns, seeded by --seed.
import { describe, expect, it } from 'vitest';
import { adjustPValues, featureTests } from '../src/index.js';
import { mutinfo, mutinfoJson } from './support/cli.js';
import { readDataset } from './support/csv.js';

interface Ranked {
  permutations: number;
  features: { feature: string; mi: number; p: number; q: number }[];
}

describe('mutinfo rank --permutations', () => {
  const d = readDataset('iris');
  const out = mutinfoJson<Ranked>(['rank', 'data/iris.csv', '--target', 'species', '--permutations', '49', '--seed', '3']);
  it('adds p and q per feature, and they equal featureTests on each column (seed 3)', () => {
    expect(out.permutations).toBe(49);
    const y = d.target.map(Number);
    const names = d.features;
    const p = names.map((n, j) => {
      const x = d.X.map((row) => row[j]);
      return featureTests({ data: Float64Array.from(x), rows: x.length, cols: 1 }, y, { target: 'classif', permutations: 49, seed: 3, randomState: 3, adjust: 'none' }).pValues[0];
    });
    const q = adjustPValues(Float64Array.from(p), 'bh');
    names.forEach((n, j) => {
      const f = out.features.find((g) => g.feature === n)!;
      expect(f.p).toBe(p[j]);
      expect(f.q).toBe(q[j]);
    });
    // every iris measurement tells the species apart
    for (const f of out.features) expect(f.p).toBe(0.02);
  });
  it('prints p and q (BH) columns in the table', () => {
    const r = mutinfo(['rank', 'data/iris.csv', '--target', 'species', '--permutations', '19', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\bp\b.*q \(BH\)/);
  });
  it('rejects --permutations 0', () => {
    const r = mutinfo(['rank', 'data/iris.csv', '--target', 'species', '--permutations', '0']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/permutations/);
  });
});
