// `mutinfo rank --estimator mixed-ksg` as a subprocess: its scores equal the library's
// mutualInfoClassif(X, y, { estimator: 'mixed-ksg' }) on the same columns.
import { describe, expect, it } from 'vitest';
import { mutualInfoClassif } from '../src/index.js';
import { mutinfoJson } from './support/cli.js';
import { readDataset } from './support/csv.js';

describe('mutinfo rank data/iris.csv --estimator mixed-ksg', () => {
  const d = readDataset('iris');
  const out = mutinfoJson<{ features: { feature: string; mi: number; estimator: string }[] }>([
    'rank', 'data/iris.csv', '--target', 'species', '--estimator', 'mixed-ksg',
  ]);

  it('scores every feature with Mixed-KSG, the library’s numbers bit for bit', () => {
    const lib = mutualInfoClassif(d.X, d.target, { estimator: 'mixed-ksg' });
    for (const f of out.features) {
      expect(f.estimator).toBe('mixed-ksg');
      expect(f.mi).toBe(lib[d.features.indexOf(f.feature)]);
    }
  });

  it('gives the same ranking whatever --seed (no noise is drawn)', () => {
    const again = mutinfoJson<{ features: { feature: string; mi: number }[] }>([
      'rank', 'data/iris.csv', '--target', 'species', '--estimator', 'mixed-ksg', '--seed', '7',
    ]);
    expect(again.features).toEqual(out.features.map(({ feature, mi }) => expect.objectContaining({ feature, mi })));
  });
});
