// The selection kernels on both backends: jointHistogram3 and pairTables against a plain
// counting loop, identical on wasm and js, and WASM memory flat after many calls.
import { beforeAll, describe, expect, test } from 'vitest';
import { jsKernels } from '../src/backend/js/index.js';
import { getArenaTestHooks, wasmKernels, wasmMemoryBytes } from '../src/backend/wasm.js';
import { nLogNTable } from '../src/selection/discreteTables.js';
import { init, selectFeatures } from '../src/index.js';
import { randomLabels } from './support/helpers.js';

beforeAll(() => init());

const n = 5003; // not a multiple of 4: the kernels' tail loops run too
const a = Int32Array.from(randomLabels(n, 5, 1));
const b = Int32Array.from(randomLabels(n, 3, 2));
const c = Int32Array.from(randomLabels(n, 7, 3));

test('jointHistogram3 counts (a·kb + b)·kc + c on wasm and js alike', () => {
  const want = new Float64Array(5 * 3 * 7);
  for (let i = 0; i < n; i++) want[(a[i] * 3 + b[i]) * 7 + c[i]]++;
  expect(wasmKernels.jointHistogram3(a, b, c, 3, 7, 105)).toEqual(want);
  expect(jsKernels.jointHistogram3(a, b, c, 3, 7, 105)).toEqual(want);
});

describe('pairTables', () => {
  const codes = new Int32Array(3 * n);
  codes.set(a, 0);
  codes.set(c, n);
  codes.set(b, 2 * n);
  const K = Int32Array.of(5, 7, 3);
  const lut = nLogNTable(n);
  const idx = Int32Array.of(1, 2);

  test('pairTables gives Σ c ln c over the (s, j) and (s, y, j) tables, the same bits on wasm and js', () => {
    const y = Int32Array.from(randomLabels(n, 4, 9));
    const w = wasmKernels.pairTables(codes, n, K, 0, y, 4, idx, lut, 5 * 4 * 7);
    const j = jsKernels.pairTables(codes, n, K, 0, y, 4, idx, lut, 5 * 4 * 7);
    expect(w).toEqual(j);
    // Against the tables counted here.
    const cols = [a, c, b];
    [1, 2].forEach((col, t) => {
      const two = new Map<number, number>();
      const three = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const k2 = a[i] * 100 + cols[col][i];
        two.set(k2, (two.get(k2) ?? 0) + 1);
        const k3 = k2 * 10 + y[i];
        three.set(k3, (three.get(k3) ?? 0) + 1);
      }
      const sum = (m: Map<number, number>) => [...m.values()].reduce((s, v) => s + v * Math.log(v), 0);
      expect(Math.abs(w[2 * t] - sum(two))).toBeLessThan(1e-9);
      expect(Math.abs(w[2 * t + 1] - sum(three))).toBeLessThan(1e-9);
    });
    const noY = wasmKernels.pairTables(codes, n, K, 0, null, 4, idx, lut, 5 * 7);
    expect(noY).toEqual(jsKernels.pairTables(codes, n, K, 0, null, 4, idx, lut, 5 * 7));
    expect(noY[0]).toBe(w[0]);
    expect(noY[1]).toBe(0);
  });

  test('selectFeatures leaves WASM memory flat over many calls, and its arena where it was', () => {
    const X = Array.from({ length: 400 }, (_, i) => [a[i], b[i], c[i], (a[i] + b[i]) % 5]);
    const y = X.map((r) => (r[0] + r[1]) % 3);
    selectFeatures(X, y, { method: 'jmi', k: 3, estimator: 'discrete', backend: 'wasm' });
    const before = wasmMemoryBytes();
    const mark = wasmKernels.mark();
    for (let r = 0; r < 200; r++) selectFeatures(X, y, { method: r % 2 ? 'cmim' : 'jmi', k: 3, estimator: 'discrete', backend: 'wasm' });
    // Under forced growth (test/support/forcedGrowth.ts) every allocation grows memory on
    // purpose; there the arena's position is what must come back.
    if (!getArenaTestHooks().forcedGrowth) expect(wasmMemoryBytes()).toBe(before);
    expect(wasmKernels.mark()).toBe(mark);
  });
});
