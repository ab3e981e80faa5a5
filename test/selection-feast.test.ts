// selectFeatures against FEAST's own output (Craigacp/FEAST bd9ab70 with MIToolbox, through a
// small C driver): picks exact, featureScores to 1e-10, in bits.
import { describe, expect, test } from 'vitest';
import { selectFeatures } from '../src/index.js';
import { BACKENDS, fixture } from './support/helpers.js';

interface Case {
  dataset: string;
  method: string;
  k: number;
  beta?: number;
  gamma?: number;
  selected: number[];
  scores_bits: number[];
}
const feast = fixture<{ datasets: Record<string, { X: number[][]; y: number[] }>; cases: Case[] }>('feast.json');

describe.each(BACKENDS)('FEAST parity (%s)', (backend) => {
  test.each(feast.cases.map((c) => [`${c.method}${c.beta !== undefined ? ` β=${c.beta} γ=${c.gamma}` : ''} on ${c.dataset}`, c] as const))(
    'selectFeatures(X, y, { method: %s }) equals FEAST',
    (_name, c) => {
      const { X, y } = feast.datasets[c.dataset];
      const isBG = c.method === 'cife' || c.method === 'mifs';
      const opts = isBG
        ? { method: 'betagamma' as const, beta: c.beta, gamma: c.gamma }
        : { method: c.method as 'mim' };
      const r = selectFeatures(X, y, { ...opts, k: c.k, estimator: 'discrete', base: 2, backend });
      expect(r.selected).toEqual(c.selected);
      expect(r.scores).toHaveLength(c.k);
      r.scores.forEach((s, i) => expect(Math.abs(s - c.scores_bits[i])).toBeLessThan(1e-10));
    },
  );
});
