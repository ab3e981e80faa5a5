// selectEstimator's reason flags an all-distinct label side: an identifier, or a numeric
// column read as text (issue 16 §1), whose plug-in MI is only ln N.
import { describe, expect, it } from 'vitest';
import { mutualInformation, selectEstimator } from '../src/index.js';

describe('selectEstimator on an all-distinct label column', () => {
  const n = 50;
  const asText = Array.from({ length: n }, (_, i) => (i / 7).toFixed(4).replace('.', ','));
  const x = Array.from({ length: n }, (_, i) => Math.sin(i));

  it('selectEstimator(numbers read as text, x) says the label side is suspicious', () => {
    const choice = selectEstimator(asText, x);
    expect(choice.estimator).toBe('mixed');
    expect(choice.reason).toContain(`x is labels (holds string values; suspicious: all ${n} labels are distinct`);
    expect(choice.reason).not.toMatch(/y is continuous \([^)]*suspicious/);
  });

  it('selectEstimator(ids, ids) flags both sides, and the discrete MI it warns about is ln N', () => {
    const ids = Array.from({ length: n }, (_, i) => `id${i}`);
    const choice = selectEstimator(ids, ids.slice().reverse());
    expect(choice.reason.match(/suspicious/g)).toHaveLength(2);
    expect(mutualInformation(ids, ids.slice().reverse())).toBeCloseTo(Math.log(n), 12);
  });

  it('selectEstimator(labels with repeats, …) adds no warning', () => {
    expect(selectEstimator(['a', 'b', 'a', 'b'], [0, 1, 0, 1]).reason).not.toContain('suspicious');
    expect(selectEstimator(['a', 'b'], ['c', 'd']).reason).not.toContain('suspicious');
  });
});
