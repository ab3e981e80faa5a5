import { describe, expect, it } from 'vitest';
import { adjustedMutualInfoScore, backend, entropy, init, mutualInfoScore } from '../src/index.js';
import { jsKernels } from '../src/backend/js/index.js';
import { wasmKernels, wasmMemoryBytes } from '../src/backend/wasm.js';
import { randomLabels } from './support/helpers.js';

describe('backends', () => {
  it('init() resolves and backend() reports wasm in Node', async () => {
    await init();
    expect(backend()).toBe('wasm');
  });

  it('the wasm and js kernels agree to 1e-12 on the same input', () => {
    for (const [n, k, seed] of [[1000, 3, 1], [50000, 16, 2], [20000, 256, 3]]) {
      const a = randomLabels(n, k, seed);
      const b = a.map((v, i) => (i % 5 === 0 ? (v * 7) % k : randomLabels(1, k, seed + i)[0]));
      for (const f of [mutualInfoScore, adjustedMutualInfoScore] as const) {
        expect(Math.abs(f(a, b, { backend: 'wasm' }) - f(a, b, { backend: 'js' }))).toBeLessThan(1e-12);
      }
      expect(Math.abs(entropy(a, { backend: 'wasm' }) - entropy(a, { backend: 'js' }))).toBeLessThan(1e-12);
      const codes = Int32Array.from(a);
      const hw = wasmKernels.histogram(codes, k);
      expect(Array.from(hw)).toEqual(Array.from(jsKernels.histogram(codes, k)));
      expect(Math.abs(wasmKernels.sumNLogN(hw) - jsKernels.sumNLogN(hw))).toBeLessThan(1e-12 * Math.abs(jsKernels.sumNLogN(hw)));
    }
  });

  it('10,000 calls leave WASM memory flat', () => {
    const a = randomLabels(5000, 16, 4);
    const b = randomLabels(5000, 16, 5);
    mutualInfoScore(a, b, { backend: 'wasm' });
    const before = wasmMemoryBytes();
    for (let i = 0; i < 10000; i++) mutualInfoScore(a, b, { backend: 'wasm' });
    expect(wasmMemoryBytes()).toBe(before);
    expect(wasmKernels.mark()).toBe(wasmKernels.mark());
  });

  it('scratch memory is released after a call that throws', () => {
    const m = wasmKernels.mark();
    expect(() => mutualInfoScore([1, 2, null as never], [1, 2, 3], { backend: 'wasm' })).toThrow(TypeError);
    expect(wasmKernels.mark()).toBe(m);
  });
});

describe('the WASM boundary', () => {
  it('a scratch view still reads correctly after another kernel call grew memory', () => {
    const m = wasmKernels.mark();
    try {
      const [x, y] = wasmKernels.scratchInt32([1000, 1000]);
      x.fill(3);
      y.fill(5);
      // a large output forces memory.grow, which detaches x and y in JS
      wasmKernels.jointHistogram(x, y, 1024, 1 << 21);
      const hy = wasmKernels.histogram(y, 8);
      expect(hy[5]).toBe(1000);
    } finally {
      wasmKernels.release(m);
    }
  });
});
