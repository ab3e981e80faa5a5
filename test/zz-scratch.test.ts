import { it } from 'vitest';
import { seededPermutation } from '../src/core/random.js';
import { kernelsFor } from '../src/backend/select.js';
import { lineKsgStatistic } from '../src/significance/lineKsg.js';
import { rng } from './support/helpers.js';
it('prof', () => {
  const r = rng(1);
  const n = 10000;
  const K = kernelsFor('x', 'wasm');
  const xs = Float64Array.from({ length: n }, () => r()).sort();
  const ys = Float64Array.from({ length: n }, () => r()).sort();
  const q = new Int32Array(n);
  seededPermutation(0, 1, q);
  const pts = new Float64Array(2 * n); for (let i = 0; i < n; i++) { pts[2 * i] = xs[i]; pts[2 * i + 1] = ys[q[i]]; }
  const dist = K.knnMaxNorm(pts, 2, 3, false).dist;
  const best = (f: () => void) => { let b = Infinity; for (let i = 0; i < 30; i++) { const t = performance.now(); f(); b = Math.min(b, performance.now() - t); } return b.toFixed(3); };
  console.log('grid knn', best(() => K.knnMaxNorm(pts, 2, 3, false)));
  console.log('1d count (sort+count)', best(() => K.countWithinMaxNorm(xs, 1, dist, false)));
  console.log('rankCounts', best(() => K.rankCounts(xs, ys, q, dist)));
  const x = Float64Array.from({ length: n }, () => r());
  const y = Float64Array.from({ length: n }, () => r());
  const st = lineKsgStatistic(K, x, y, 3);
  let i = 0;
  console.log('statistic', best(() => st(seededPermutation(0, i++, q))));
});
