// mutualInfoClassif / mutualInfoRegression with estimator 'mixed-ksg' on the bundled datasets,
// next to sklearn 1.2.1's values over random_state 0–9 (test/fixtures/sklearn_mi_datasets.json).
import { describe, expect, it } from 'vitest';
import { mutualInfoClassif, mutualInfoRegression, mutualInformation } from '../src/index.js';
import { readDataset } from './support/csv.js';
import { BACKENDS, fixture } from './support/helpers.js';
import { npStd } from '../src/core/numpyStats.js';

const ref = fixture('sklearn_mi_datasets.json').datasets as Record<string, any>;
const score = (name: string, o: Record<string, unknown>) => {
  const { X, target } = readDataset(name);
  return ref[name].fn === 'classif' ? mutualInfoClassif(X, target, o) : mutualInfoRegression(X, target.map(Number), o);
};

describe.each(['wine', 'breast_cancer', 'diabetes', 'iris'])("%s with { estimator: 'mixed-ksg' }", (name) => {
  it('gives the same numbers whatever randomState (no noise is drawn)', () => {
    const a = score(name, { estimator: 'mixed-ksg', randomState: 0 });
    for (const s of [1, 7, 12345]) expect(Array.from(score(name, { estimator: 'mixed-ksg', randomState: s }))).toEqual(Array.from(a));
  });
});

describe.each(BACKENDS)("mutualInfoRegression(X, y, { estimator: 'mixed-ksg' }) on %s", (backend) => {
  it('equals mutualInformation(x_j, y, { estimator: mixed-ksg }) on sklearn-scaled columns, clipped at 0', () => {
    const { X, target } = readDataset('diabetes');
    const y = target.map(Number);
    const got = mutualInfoRegression(X, y, { estimator: 'mixed-ksg', backend });
    // sklearn's scaling (numpy's std); the 1e-15 tie margin makes the last bit of the scale matter
    const scaled = (v: number[]) => { const s = npStd(Float64Array.from(v)); return v.map((t) => t / s); };
    for (const j of [0, 2, 1]) {
      const v = mutualInformation(scaled(X.map((r) => r[j])), scaled(y), { estimator: 'mixed-ksg', normalize: false, backend });
      expect(Math.abs(got[j] - Math.max(0, v))).toBeLessThan(1e-12);
    }
  });

  it('rejects an unknown estimator', () => {
    expect(() => mutualInfoRegression([[1], [2], [3], [4]], [1, 2, 3, 4], { estimator: 'kde' as never, backend })).toThrow(
      /^mutualInfoRegression: estimator must be one of 'auto', 'mixed-ksg', got "kde"$/,
    );
  });
});
