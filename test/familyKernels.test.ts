// The estimator-family kernels (binCodes, sumXLogX, chaoShenSum): wasm and js agree to
// 1e-12, every new estimator agrees across backends, and WASM memory stays flat.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conditionalMutualInformation,
  discretize,
  entropy,
  init,
  entropyFromCounts,
  jointEntropy,
  mutualInformation,
  mutualInformationFromCounts,
} from '../src/index.js';
import { jsKernels } from '../src/backend/js/index.js';
import { getArenaTestHooks, wasmKernels, wasmMemoryBytes } from '../src/backend/wasm.js';
import { randomLabels, rng } from './support/helpers.js';
import { exponentials, normals } from './support/family.js';

const ESTIMATORS = ['plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax'] as const;

describe('estimator-family kernels on wasm and js', () => {
  beforeAll(() => init());

  it('binCodes(values, edges) gives identical codes on both backends, edges included', () => {
    const r = rng(5);
    for (const [n, nb] of [[1000, 7], [20000, 300], [5, 1]]) {
      const values = Float64Array.from({ length: n }, () => r() * 100 - 50);
      const cuts = Float64Array.from({ length: nb + 1 }, () => r() * 100 - 50).sort();
      // put some values exactly on edges: they must go to the bin on the right
      for (let i = 0; i < Math.min(n, cuts.length); i++) values[i] = cuts[i];
      const w = wasmKernels.binCodes(values, cuts);
      expect(Array.from(w)).toEqual(Array.from(jsKernels.binCodes(values, cuts)));
      for (let i = 0; i < Math.min(n, cuts.length - 1); i++) expect(w[i]).toBe(i);
      if (n > nb) expect(w[nb]).toBe(nb - 1); // the last edge closes the last bin
    }
  });

  it('sumXLogX and chaoShenSum agree to 1e-12 on both backends', () => {
    const r = rng(9);
    for (const n of [1, 50, 5000]) {
      const v = Float64Array.from({ length: n }, () => (r() < 0.2 ? 0 : r() < 0.5 ? r() : Math.floor(r() * 1000)));
      const a = wasmKernels.sumXLogX(v);
      const b = jsKernels.sumXLogX(v);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
      const counts = Float64Array.from({ length: n }, () => Math.floor(r() * 20));
      const total = counts.reduce((s, c) => s + c, 0) || 1;
      const c1 = wasmKernels.chaoShenSum(counts, total, 0.9);
      const c2 = jsKernels.chaoShenSum(counts, total, 0.9);
      expect(Math.abs(c1 - c2)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c2)));
    }
  });

  it('every new estimator gives the same value on wasm and js to 1e-12', () => {
    const a = randomLabels(20000, 40, 1);
    const b = a.map((v, i) => (i % 3 ? v % 7 : randomLabels(1, 9, i)[0]));
    const c = randomLabels(20000, 5, 2);
    const x = normals(5000, 3);
    const y = exponentials(5000, 4).map((v, i) => v + x[i]);
    const pairs: [string, (backend: 'wasm' | 'js') => number][] = [];
    for (const e of ESTIMATORS) {
      pairs.push([`entropy ${e}`, (backend) => entropy(a, { estimator: e, backend })]);
      pairs.push([`MI ${e}`, (backend) => mutualInformation(a, b, { correction: e, backend })]);
      pairs.push([`CMI ${e}`, (backend) => conditionalMutualInformation(a, b, c, { correction: e, backend })]);
      pairs.push([`joint ${e}`, (backend) => jointEntropy([a, b, c], { correction: e, backend })]);
      pairs.push([`counts ${e}`, (backend) => entropyFromCounts([5, 0, 1, 1, 30, 2], { estimator: e, K: ['plugin', 'miller-madow', 'chao-shen'].includes(e) ? undefined : 9, backend })]);
      pairs.push([`table ${e}`, (backend) => mutualInformationFromCounts([[5, 1, 0], [2, 9, 4]], { correction: e, backend })]);
      pairs.push([`binned ${e}`, (backend) => mutualInformation(x, y, { estimator: 'binned', bins: 'fd', correction: e, backend })]);
    }
    for (const [name, f] of pairs) {
      const w = f('wasm');
      const j = f('js');
      expect(Math.abs(w - j), name).toBeLessThan(1e-12);
    }
    const dw = discretize(y, { bins: 'auto', method: 'equal-frequency', backend: 'wasm' });
    expect(Array.from(dw.codes)).toEqual(Array.from(discretize(y, { bins: 'auto', method: 'equal-frequency', backend: 'js' }).codes));
  });

  it('500 binned and corrected calls leave WASM memory flat, and a throwing call releases its scratch', () => {
    const x = normals(2000, 8);
    const y = x.map((v) => v * v);
    const labels = randomLabels(2000, 12, 3);
    const run = () => {
      mutualInformation(x, y, { estimator: 'binned', bins: 'doane', correction: 'shrink', backend: 'wasm' });
      entropy(labels, { estimator: 'chao-shen', backend: 'wasm' });
      jointEntropy([labels, labels], { correction: 'laplace', backend: 'wasm' });
    };
    run();
    const before = wasmMemoryBytes();
    const mark = wasmKernels.mark();
    for (let i = 0; i < 500; i++) run();
    // Under forced growth (test/support/forcedGrowth.ts) every allocation grows memory on
    // purpose; there the arena's position is what must come back.
    if (!getArenaTestHooks().forcedGrowth) expect(wasmMemoryBytes()).toBe(before);
    expect(wasmKernels.mark()).toBe(mark);
    expect(() => mutualInformation([1, 2, 3], [1, 2, NaN], { estimator: 'binned', backend: 'wasm' })).toThrow(RangeError);
    expect(wasmKernels.mark()).toBe(mark);
  });
});
