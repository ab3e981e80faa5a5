// Shared bench helpers: timing, machine facts, the sklearn runner and the result table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** mulberry32: a seeded uniform in (0, 1), the same numbers on every run and machine. */
export function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** n standard normals from mulberry32(seed) by Box–Muller (cosine branch): the benches' data. */
export function normals(n, seed) {
  const u = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  return out;
}

/** Median wall time in ms of fn over `reps` runs, after one warm-up. */
export function medianMs(fn, reps = 5) {
  fn();
  const t = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

/** The first python (plain python3, then Debian's) that imports `module`, with its version; or null. */
function pythonWith(module) {
  for (const py of ['python3', '/usr/bin/python3']) {
    try {
      const v = execFileSync(py, ['-c', `import ${module}; print(${module}.__version__)`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return { py, version: v };
    } catch {}
  }
  return null;
}

/** The python that has sklearn: plain python3 first, then Debian's (python3-sklearn). */
export const sklearnPython = () => pythonWith('sklearn');

/** The python that has scipy (NPEET's cKDTree, gaussian_kde, gcmi's steps). */
export const scipyPython = () => pythonWith('scipy');

/** Runs a python snippet single-threaded (one core, as the README compares) and returns its stdout as JSON. */
export function runPython(py, code) {
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  return JSON.parse(execFileSync(py, ['-c', code], { encoding: 'utf8', env, maxBuffer: 1 << 26 }));
}

export function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Prints the rows as an aligned table: estimator, N, backend, median ms, ratio (sklearn ms / ours). */
export function printTable(title, rows) {
  const head = ['estimator', 'N', 'backend', 'median ms', 'ratio'];
  const body = rows.map((r) => [
    r.estimator,
    String(r.n),
    r.backend,
    r.ms.toFixed(r.ms < 10 ? 2 : 1),
    r.ratio == null ? '-' : `${r.ratio.toFixed(1)}x`,
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const b of body) console.log(line(b));
}

export function writeResults(name, payload) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(`./results/${name}.json`, import.meta.url);
  writeFileSync(file, JSON.stringify({ machine: machine(), ...payload }, null, 2) + '\n');
  console.log(`wrote bench/results/${name}.json`);
}
