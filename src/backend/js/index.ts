import type { Kernels } from '../kernels.js';
import * as h from './histogram.js';

/** The pure-TypeScript backend: used where WebAssembly is unavailable or not yet compiled. */
export const jsKernels: Kernels = {
  name: 'js',
  scratchInt32: (lengths) => lengths.map((n) => new Int32Array(n)),
  mark: () => 0,
  release: () => {},
  histogram(codes, k) {
    const counts = new Float64Array(k);
    h.histogram(codes, counts);
    return counts;
  },
  jointHistogram(a, b, kb, cells) {
    const counts = new Float64Array(cells);
    h.jointHistogram(a, b, kb, counts);
    return counts;
  },
  rangeI32: h.rangeI32,
  sumNLogN: h.sumNLogN,
  miSparse: h.miSparse,
};
