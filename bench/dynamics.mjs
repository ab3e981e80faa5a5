// Transfer entropy (KSG, k = 4) on a coupled AR pair: history 1 and 3, wasm and js.
// Target (issue 13): history 1 at N = 1e5 in ≤ 0.3 s on one core. JIDT's Java KSG TE
// (kd-tree, one thread) takes about 3.6 s (history 1) and 13 s (history 3) at that N on the
// machine of the issue: quoted, not measured here (no Java in this run).
import { activeInformationStorage, transferEntropy } from '../dist/index.mjs';
import { medianMs, mulberry32, printTable, writeResults } from './common.mjs';

/** x_t = 0.5 x_{t−1} + e_t, y_t = 0.4 y_{t−1} + 0.5 x_{t−1} + e′_t, seeded normals. */
function coupledAR(n, seed = 1) {
  const u = mulberry32(seed);
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let t = 1; t < n; t++) {
    x[t] = 0.5 * x[t - 1] + g();
    y[t] = 0.4 * y[t - 1] + 0.5 * x[t - 1] + g();
  }
  return { x, y };
}

const N = Number(process.env.BENCH_TE_N ?? 1e5);
const JS_MAX = Number(process.env.BENCH_TE_JS_MAX ?? 2e4);
const REPS = Number(process.env.BENCH_TE_REPS ?? 3);
const { x, y } = coupledAR(N);
const rows = [];
for (const backend of ['wasm', 'js']) {
  const n = backend === 'js' ? Math.min(N, JS_MAX) : N;
  const xs = x.subarray(0, n);
  const ys = y.subarray(0, n);
  for (const history of [1, 3]) {
    const ms = medianMs(() => transferEntropy(xs, ys, { k: 4, history, backend }), REPS);
    rows.push({ estimator: `TE ksg k=4 history ${history}`, n, backend, ms, ratio: null });
  }
  const ms = medianMs(() => activeInformationStorage(ys, { k: 4, history: 3, backend }), REPS);
  rows.push({ estimator: 'AIS ksg k=4 history 3', n, backend, ms, ratio: null });
}
printTable('Transfer entropy, coupled AR pair (target: TE history 1, N = 1e5, wasm ≤ 300 ms; JIDT 1 thread ≈ 3600 ms / 13000 ms at history 1 / 3, quoted)', rows);
const te1 = rows.find((r) => r.backend === 'wasm' && r.estimator.endsWith('history 1'));
if (te1 && te1.n === 1e5) console.log(`TE history 1 at N = 1e5: ${te1.ms.toFixed(0)} ms (${te1.ms <= 300 ? 'meets' : 'misses'} the 300 ms target)`);
writeResults('dynamics', { n: N, rows });
