// Issue 17 (2c, 4): workers on wide data and one k-NN call across cores.
// - mutualInfoRegression / mutualInfoClassif on 1e4 × 1000 and 1e5 × 100, workers 1 against
//   'auto' (one per core); target: 'auto' ≤ 0.6× one worker on both shapes.
// - one 1-D KSG (mutualInformation, 'ksg', k = 3) at N = 1e6, workers 1 against 'auto';
//   target: ≤ 0.65× on 2 cores.
// BENCH_WORKERS_SCALE (default 1) shrinks the rows for a smoke run, e.g. 0.01.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { mutualInfoClassif, mutualInfoRegression, mutualInformation } from '../dist/index.mjs';
import { writeResults } from './common.mjs';

/** CPU ms of each thread of this process (Linux /proc; 10 ms ticks), by thread id; null elsewhere. */
function threadCpu() {
  try {
    const out = new Map();
    for (const t of readdirSync('/proc/self/task')) {
      const f = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      out.set(t, (Number(rest[11]) + Number(rest[12])) * 10);
    }
    return out;
  } catch {
    return null;
  }
}

const median = (v) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];

/**
 * Median wall ms of fn after a warm-up and, from the threads' own CPU times, what the call
 * would take on an idle machine: the main thread's CPU plus the busiest worker's (on a
 * shared, loaded machine the wall time measures the other tenants as much as the code).
 */
function measure(fn, reps) {
  fn();
  const wall = [];
  const est = [];
  for (let i = 0; i < reps; i++) {
    const a = threadCpu();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const b = threadCpu();
    if (a && b) {
      let main = 0;
      let worker = 0;
      for (const [tid, v] of b) {
        const d = v - (a.get(tid) ?? 0);
        if (tid === String(process.pid)) main = d;
        else worker = Math.max(worker, d);
      }
      est.push(main + worker);
    }
  }
  return { wall: median(wall), idle: est.length ? median(est) : null };
}

const SCALE = Number(process.env.BENCH_WORKERS_SCALE ?? 1);
const REPS = Number(process.env.BENCH_WORKERS_REPS ?? 3);
const cores = availableParallelism();

let s = 0x2545f491;
const uni = () => {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return ((s >>> 0) + 0.5) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(uni())) * Math.cos(2 * Math.PI * uni());

const rows = [];
const f = (v) => (v == null ? '-' : v.toFixed(0)).padStart(7);
const line = (r) =>
  console.log(
    `${r.call.padEnd(42)} ${r.shape.padEnd(11)} wall ms: 1 worker ${f(r.one.wall)}, 'auto' ${f(r.auto.wall)}, ratio ${(r.auto.wall / r.one.wall).toFixed(2)}` +
      (r.one.idle && r.auto.idle
        ? ` | from thread CPU: ${f(r.one.idle)}, ${f(r.auto.idle)}, ratio ${(r.auto.idle / r.one.idle).toFixed(2)}`
        : '') +
      ` (target ≤ ${r.target})`,
  );

console.log(`\nworkers: one call across ${cores} cores (median of ${REPS}; 'auto' = one worker per core; load average ${loadavg()[0].toFixed(1)})`);
for (const [n0, cols0] of [
  [1e4, 1000],
  [1e5, 100],
]) {
  const n = Math.max(50, Math.round(n0 * SCALE));
  const cols = Math.max(4, Math.round(cols0 * Math.sqrt(SCALE)));
  const data = new Float64Array(n * cols);
  for (let i = 0; i < data.length; i++) data[i] = normal();
  const yReg = new Float64Array(n);
  const yCls = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    yReg[i] = data[i * cols] + Math.sin(3 * data[i * cols + 1]) + 0.3 * normal();
    yCls[i] = yReg[i] < -0.5 ? 0 : yReg[i] < 0.5 ? 1 : 2;
  }
  const X = { data, rows: n, cols };
  for (const [name, fn, y] of [
    ['mutualInfoRegression', mutualInfoRegression, yReg],
    ['mutualInfoClassif', mutualInfoClassif, yCls],
  ]) {
    const one = measure(() => fn(X, y, { workers: 1 }), REPS);
    const auto = measure(() => fn(X, y, { workers: 'auto' }), REPS);
    const r = { call: `${name}`, shape: `${n}x${cols}`, one, auto, ratio: auto.wall / one.wall, target: 0.6 };
    rows.push(r);
    line(r);
  }
}

{
  const n = Math.max(1000, Math.round(1e6 * SCALE));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = normal();
    y[i] = x[i] + normal();
  }
  const one = measure(() => mutualInformation(x, y, { estimator: 'ksg', workers: 1 }), REPS);
  const auto = measure(() => mutualInformation(x, y, { estimator: 'ksg', workers: 'auto' }), REPS);
  const r = { call: "mutualInformation 'ksg' 1-D × 1-D, k = 3", shape: `N=${n}`, one, auto, ratio: auto.wall / one.wall, target: 0.65 };
  rows.push(r);
  line(r);
}
writeResults('workers', { cores, scale: SCALE, rows });
