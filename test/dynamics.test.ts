import { describe, expect, it } from 'vitest';
import {
  activeInformationStorage,
  conditionalTransferEntropy,
  localActiveInformationStorage,
  localConditionalTransferEntropy,
  localTransferEntropy,
  transferEntropy,
} from '../src/index.js';
import { BACKENDS, fixture } from './support/helpers.js';

// The fixture's two 'mi-kernel' cases belong to the box-kernel estimator of mutualInformation (the estimators work), not to the time-series measures.
const dyn = (fixture('jidt_dynamics.json').cases as any[]).filter((c) => c.fn !== 'mi-kernel');
const jidtTe = (fixture('jidt.json').cases as any[]).filter((c) => c.fn === 'te');

function optionsOf(c: any, backend: string): Record<string, unknown> {
  const o: Record<string, unknown> = { estimator: c.estimator, backend };
  for (const key of ['history', 'historyTau', 'sourceHistory', 'sourceTau', 'delay', 'conditionDelay']) if (key in c) o[key] = c[key];
  if (c.fn === 'ais') {
    delete o.sourceHistory;
    delete o.sourceTau;
    delete o.delay;
  }
  if (c.estimator === 'ksg' || c.estimator === 'ksg2') Object.assign(o, { k: c.neighbours, normalize: false, noise: 0 });
  if (c.unit === 'bits') o.base = 2;
  return o;
}

/** JIDT writes 0 where we write NaN (before the first complete history). */
function expectLocals(local: Float64Array, expected: number[]): void {
  expect(local).toHaveLength(expected.length);
  let t0 = 0;
  while (Number.isNaN(local[t0])) t0++;
  for (let t = 0; t < t0; t++) expect(expected[t]).toBe(0);
  for (let t = t0; t < expected.length; t++) expect(local[t]).toBeCloseTo(expected[t], 9);
}

describe.each(BACKENDS)('time series against JIDT (%s)', (backend) => {
  for (const c of dyn) {
    it(`${c.fn}: ${c.name} equals JIDT's average and every local value`, () => {
      const o = optionsOf(c, backend);
      let value: number;
      let local: Float64Array;
      if (c.fn === 'te') {
        value = transferEntropy(c.source, c.target, o);
        local = localTransferEntropy(c.source, c.target, o) as Float64Array;
      } else if (c.fn === 'cte') {
        value = conditionalTransferEntropy(c.source, c.target, c.condition, o);
        local = localConditionalTransferEntropy(c.source, c.target, c.condition, o) as Float64Array;
      } else {
        value = activeInformationStorage(c.series, o);
        local = localActiveInformationStorage(c.series, o) as Float64Array;
      }
      expect(value).toBeCloseTo(c.expected, 9);
      expectLocals(local, c.local);
    });
  }
  for (const c of jidtTe) {
    it(`transferEntropy(source, target, {estimator: 'ksg${c.algorithm === 2 ? '2' : ''}'}) equals JIDT (${c.name})`, () => {
      const o = { estimator: c.algorithm === 1 ? 'ksg' : 'ksg2', k: c.k, history: c.history, delay: c.delay, normalize: false, noise: 0, backend } as const;
      expect(transferEntropy(c.source, c.target, o)).toBeCloseTo(c.expected, 9);
      const local = localTransferEntropy(c.source, c.target, o) as Float64Array;
      expect(Number.isNaN(local[0])).toBe(true);
      for (let t = 1; t < 5; t++) expect(local[t]).toBeCloseTo(c.local_first5[t], 9);
    });
  }
});
