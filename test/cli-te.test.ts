// `mutinfo te` and `mutinfo lagged` as a subprocess, checked against the library.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { laggedMutualInformation, transferEntropy, transferEntropyTest } from '../src/index.js';
import { ROOT, mutinfo, mutinfoJson, scratch } from './support/cli.js';

const rows = readFileSync(join(ROOT, 'data/coupled.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
const x = rows.map((r) => r[1]);
const y = rows.map((r) => r[2]);

describe('mutinfo te', () => {
  it('mutinfo te data/coupled.csv --source x --target y prints TE both ways, as transferEntropy', () => {
    const r = mutinfoJson(['te', 'data/coupled.csv', '--source', 'x', '--target', 'y', '--history', '2', '--format', 'json']);
    expect(r.estimator).toBe('ksg');
    expect(r.results.map((d: any) => [d.from, d.to])).toEqual([['x', 'y'], ['y', 'x']]);
    expect(r.results[0].te).toBe(transferEntropy(x, y, { history: 2 }));
    expect(r.results[1].te).toBe(transferEntropy(y, x, { history: 2 }));
  });
  it('--permutations adds the p-values of transferEntropyTest', () => {
    const r = mutinfoJson(['te', 'data/coupled.csv', '--source', 'x', '--target', 'y', '--estimator', 'gaussian', '--permutations', '49', '--seed', '3', '--format', 'json']);
    const lib = transferEntropyTest(x, y, { estimator: 'gaussian', permutations: 49, seed: 3 });
    expect(r.results[0].p).toBe(lib.pValue);
    expect(r.results[0].p).toBe(0.02);
    const table = mutinfo(['te', 'data/coupled.csv', '--source', 'x', '--target', 'y', '--estimator', 'gaussian', '--permutations', '49']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/source\s+target\s+TE \(nats\)\s+p/);
  });
  it('a missing cell stops it with a one-line error and exit code 1', () => {
    const file = scratch('gap.csv', 'a,b\n1,2\n2,\n3,1\n4,5\n5,3\n6,2\n7,7\n');
    const r = mutinfo(['te', file, '--source', 'a', '--target', 'b']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mutinfo: 1 row of a or b have a missing cell; a time series cannot skip rows/);
  });
  it('a bad --delay is a usage error', () => {
    const r = mutinfo(['te', 'data/coupled.csv', '--source', 'x', '--target', 'y', '--delay', '-1']);
    expect(r.code).toBe(2);
  });
});

describe('mutinfo lagged', () => {
  it('mutinfo lagged data/coupled.csv x y --max-lag 4 equals laggedMutualInformation and finds lag 1', () => {
    const r = mutinfoJson(['lagged', 'data/coupled.csv', 'x', 'y', '--max-lag', '4', '--format', 'json']);
    const lib = laggedMutualInformation(x, y, { lags: 4, estimator: 'ksg' });
    expect(r.lags).toEqual([0, 1, 2, 3, 4]);
    expect(r.values).toEqual(Array.from(lib.values));
    expect(r.best).toBe(1);
  });
});
