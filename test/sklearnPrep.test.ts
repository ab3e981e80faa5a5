import { describe, expect, it } from 'vitest';
import { sklearnPrepare } from '../src/core/sklearnPrep.js';
import { fixture } from './support/helpers.js';

// test/fixtures/sklearn_prep.json: X (50×3), y and the arrays that sklearn 1.2.1's
// _estimate_mi builds from them with random_state=0 and discrete_features=[False, True, False]:
// Xc = scale + noise of columns 0 and 2 (numpy 1.24.2), ys = scale + noise of y.
const f = fixture<{ X: number[][]; y: number[]; Xc: number[][]; ys: number[] }>('sklearn_prep.json');

describe('sklearnPrepare(columns, discrete, y, seed)', () => {
  const cols = [0, 1, 2].map((j) => Float64Array.from(f.X, (r) => r[j]));
  const { columns, y } = sklearnPrepare(cols, [false, true, false], Float64Array.from(f.y), 0);

  it('scales and noises continuous columns exactly as sklearn 1.2.1 (bit for bit)', () => {
    for (const j of [0, 2]) expect(Array.from(columns[j])).toEqual(f.Xc.map((r) => r[j]));
  });
  it('leaves the discrete column untouched', () => {
    expect(columns[1]).toBe(cols[1]);
  });
  it('scales and noises the regression target from the same stream (bit for bit)', () => {
    expect(Array.from(y!)).toEqual(f.ys);
  });
  it('does not mutate its input', () => {
    expect(Array.from(cols[0])).toEqual(f.X.map((r) => r[0]));
  });
});
