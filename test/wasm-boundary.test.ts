import { afterEach, describe, expect, it } from 'vitest';
import { entropy, mutualInfoScore, mutualInformation, normalizedMutualInfoScore } from '../src/index.js';
import {
  getArenaTestHooks,
  setArenaTestHooks,
  wasmKernels,
  wasmMemoryBytes,
} from '../src/backend/wasm.js';
import { rng } from './support/helpers.js';

// The inputs an outside audit found at the memory-growth boundary (n ≡ 6933–6936 mod 8192):
// each gave a wrong or failing wasm result while the js backend was right. The js backend
// never touches WASM memory, so it is the outside truth here. This file also runs in the
// forced-growth project, where every allocation grows memory.
const AUDIT: [string, () => [number, number]][] = [
  ['normalizedMutualInfoScore with -1 labels, n = 6936', () => {
    const t = Array.from({ length: 6936 }, (_, i) => i % 4);
    const p = Int32Array.from(t, (v, i) => (i % 17 ? v : -1));
    return [normalizedMutualInfoScore(p, t, { backend: 'wasm' }), normalizedMutualInfoScore(p, t, { backend: 'js' })];
  }],
  ['mutualInfoScore(a, copy of a), n = 6936', () => {
    const a = Int32Array.from({ length: 6936 }, (_, i) => i % 5);
    return [mutualInfoScore(a, Int32Array.from(a), { backend: 'wasm' }), mutualInfoScore(a, Int32Array.from(a), { backend: 'js' })];
  }],
  ['entropy of labels 100000 + i % 5, n = 13872', () => {
    const x = Int32Array.from({ length: 13872 }, (_, i) => 100000 + (i % 5));
    return [entropy(x, { backend: 'wasm' }), entropy(x, { backend: 'js' })];
  }],
  ['entropy of labels -8190 + i % 1255, n = 13872', () => {
    const x = Int32Array.from({ length: 13872 }, (_, i) => -8190 + (i % 1255));
    return [entropy(x, { backend: 'wasm' }), entropy(x, { backend: 'js' })];
  }],
];

function gaussianPair(n: number, seed: number): [Float64Array, Float64Array] {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const x = Float64Array.from({ length: n }, normal);
  return [x, x.map((v) => 0.8 * v + 0.6 * normal())];
}

describe('the WASM boundary at memory growth', () => {
  const saved = getArenaTestHooks();
  afterEach(() => setArenaTestHooks(saved));

  it.each(AUDIT)('%s gives the js backend\'s value on wasm', (_, run) => {
    const [wasm, js] = run();
    expect(wasm).toBeCloseTo(js, 12);
    expect(wasm).toBeGreaterThan(0);
  });

  it('mutualInformation(x, y, {estimator: "ksg"}) after the audit calls still equals the js backend', () => {
    for (const [, run] of AUDIT) run();
    const [x, y] = gaussianPair(2000, 7);
    const w = mutualInformation(x, y, { estimator: 'ksg', backend: 'wasm' });
    expect(Math.abs(w - mutualInformation(x, y, { estimator: 'ksg', backend: 'js' }))).toBeLessThan(1e-12);
  });

  it('every n from 6925 to 6945 and 15117 to 15137 gives the js value (the growth boundaries)', () => {
    for (const n of [...Array(21).keys()].flatMap((i) => [6925 + i, 15117 + i])) {
      const x = Int32Array.from({ length: n }, (_, i) => 100000 + (i % 7));
      const y = Int32Array.from({ length: n }, (_, i) => (i * 31) % 11);
      expect(mutualInfoScore(x, y, { backend: 'wasm' })).toBe(mutualInfoScore(x, y, { backend: 'js' }));
    }
  });

  it('mutualInfoScore past the memory limit throws a RangeError naming the function and what to do', () => {
    setArenaTestHooks({ ...saved, limit: wasmKernels.mark() + 65536 });
    const a = Int32Array.from({ length: 100_000 }, (_, i) => i % 3);
    expect(() => mutualInfoScore(a, a, { backend: 'wasm' })).toThrow(RangeError);
    expect(() => mutualInfoScore(a, a, { backend: 'wasm' })).toThrow(/^mutualInfoScore: needs \d+ MB of WebAssembly memory.*backend: 'js'/);
    setArenaTestHooks(saved);
    expect(mutualInfoScore(a, a, { backend: 'wasm' })).toBe(mutualInfoScore(a, a, { backend: 'js' }));
  });

  it('allocations above 2 GiB get exact offsets (no 32-bit wrap)', async () => {
    setArenaTestHooks({ ...saved, freshInstanceDelay: 0 });
    const m = wasmKernels.mark();
    try {
      const [, small] = wasmKernels.scratchInt32([2 ** 29 + 4, 1000]);
      expect(small.byteOffset).toBeGreaterThan(2 ** 31);
      small.fill(3);
      expect(wasmKernels.histogram(small, 4)[3]).toBe(1000);
    } finally {
      wasmKernels.release(m);
    }
    await new Promise((r) => setTimeout(r, 20)); // the 2 GiB go back before the next test
    expect(wasmMemoryBytes()).toBeLessThan(2 ** 30);
  });

  it('a call that leaves memory large is followed, once idle, by a fresh instance that gives the memory back', async () => {
    setArenaTestHooks({ ...saved, freshInstanceAbove: 2 ** 20, freshInstanceDelay: 10 });
    const a = Int32Array.from({ length: 1_000_000 }, (_, i) => i % 3);
    const js = mutualInfoScore(a, a, { backend: 'js' });
    expect(mutualInfoScore(a, a, { backend: 'wasm' })).toBe(js);
    const large = wasmMemoryBytes();
    expect(large).toBeGreaterThan(2 ** 20);
    expect(mutualInfoScore(a, a, { backend: 'wasm' })).toBe(js); // back to back: memory reused
    if (!getArenaTestHooks().forcedGrowth) expect(wasmMemoryBytes()).toBe(large);
    await new Promise((r) => setTimeout(r, 50));
    expect(wasmMemoryBytes()).toBeLessThanOrEqual(2 ** 20);
    expect(mutualInfoScore(a, a, { backend: 'wasm' })).toBe(js);
  });
});
