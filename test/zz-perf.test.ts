import { it } from 'vitest';
import { jsKernels } from '../src/backend/js/index.js';
import { initWasm, wasmKernels } from '../src/backend/wasm.js';
import { rng } from './support/helpers.js';
it('perf', async () => {
  await initWasm();
  for (const n of [1e5, 1e6]) {
    const r = rng(1);
    const x = new Float64Array(n), y = new Float64Array(n), j = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) { const u = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()); const v = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()); x[i] = u; y[i] = 0.9 * u + Math.sqrt(1 - 0.81) * v; j[2*i] = x[i]; j[2*i+1] = y[i]; }
    for (const K of n > 1e5 ? [wasmKernels] : [wasmKernels, jsKernels]) {
      for (let rep = 0; rep < 2; rep++) {
        let t = performance.now();
        const { dist } = K.knnMaxNorm(j, 2, 3, false);
        const t1 = performance.now() - t; t = performance.now();
        const nx = K.countWithinMaxNorm(x, 1, dist, false);
        const ny = K.countWithinMaxNorm(y, 1, dist, false);
        const t2 = performance.now() - t; t = performance.now();
        const s = K.sumDigamma(nx, 1) + K.sumDigamma(ny, 1);
        const t3 = performance.now() - t;
        t = performance.now();
        const c2 = K.countWithinMaxNorm(j, 2, dist, false);
        const t4 = performance.now() - t;
        console.log(K.name, n, 'knn', t1.toFixed(1), 'counts', t2.toFixed(1), 'digamma', t3.toFixed(1), 'count2d', t4.toFixed(1), s / n);
      }
    }
  }
}, 600000);
