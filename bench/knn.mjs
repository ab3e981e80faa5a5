// Multivariate k-NN (issue 17, item 1): KSG algorithm 1 in d_x × d_y and Kozachenko–Leonenko
// entropy in 3-D, wasm and js, against NPEET's `mi` and `entropy` written on scipy's cKDTree
// (one worker), on the same correlated Gaussian (ρ = 0.9 per coordinate pair) in the same run.
// Ratio = NPEET ms / ours. The python side times itself, so process start-up is not counted.
// BENCH_KNN_REPS (default 1) timed runs per cell, the median printed; BENCH_KNN_JS=0 skips js.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entropy, mutualInformation } from '../dist/index.mjs';
import { printTable, runPython, writeResults, normals, scipyPython } from './common.mjs';

const RHO = 0.9;
const K = 3;
const REPS = Number(process.env.BENCH_KNN_REPS ?? 1);
const WITH_JS = process.env.BENCH_KNN_JS !== '0';


/** n rows of d columns (row-major), and y = ρx + √(1 − ρ²)·e column by column. */
function gaussian(n, d) {
  const x = normals(n * d, 11 + d);
  const e = normals(n * d, 29 + d);
  const y = x.map((v, i) => RHO * v + Math.sqrt(1 - RHO * RHO) * e[i]);
  return { x, y };
}

const rows2 = (flat, n, d) => Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, i * d + d)));

/** Median wall time in ms over REPS runs (these calls take seconds: no warm-up run). */
function timeMs(fn) {
  const t = [];
  for (let i = 0; i < REPS; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

// NPEET's mi (algorithm 1: k-th joint distance, marginal counts strictly within it via the
// 1e-15 shrink, digammas) and entropy (Kozachenko–Leonenko, max norm), on cKDTree, one worker.
const NPEET = `import numpy as np, time, json, sys
from scipy.spatial import cKDTree
from scipy.special import digamma
def mi(x, y, k):
    x = x + 1e-10 * np.random.random_sample(x.shape); y = y + 1e-10 * np.random.random_sample(y.shape)
    pts = np.hstack([x, y])
    d = cKDTree(pts).query(pts, k + 1, p=np.inf, workers=1)[0][:, k]
    avg = lambda v: np.mean(digamma(cKDTree(v).query_ball_point(v, d - 1e-15, p=np.inf, workers=1, return_length=True)))
    return -avg(x) - avg(y) + digamma(k) + digamma(len(x))
def entropy(x, k):
    x = x + 1e-10 * np.random.random_sample(x.shape)
    n, dd = x.shape
    r = cKDTree(x).query(x, k + 1, p=np.inf, workers=1)[0][:, k]
    return digamma(n) - digamma(k) + dd * np.log(2) + dd * np.mean(np.log(r))
`;

function npeetMs(py, dir, x, y, n, dx, dy) {
  writeFileSync(join(dir, 'x.bin'), x);
  if (y) writeFileSync(join(dir, 'y.bin'), y);
  const call = y
    ? `mi(x, np.fromfile(${JSON.stringify(join(dir, 'y.bin'))}).reshape(${n}, ${dy}), ${K})`
    : `entropy(x, ${K})`;
  return runPython(
    py,
    `${NPEET}x = np.fromfile(${JSON.stringify(join(dir, 'x.bin'))}).reshape(${n}, ${dx})
t = []
for _ in range(${REPS}):
    s = time.perf_counter(); v = ${call}; t.append((time.perf_counter() - s) * 1000)
print(json.dumps({"ms": sorted(t)[len(t)//2], "nats": float(v)}))`,
  );
}

const CASES = [
  // name, n, dx, dy (0: KL entropy of x)
  ['ksg 2x2', 1e5, 2, 2],
  ['ksg 3x3', 1e5, 3, 3],
  ['ksg 5x5', 3e4, 5, 5],
  ['ksg 10x10', 3e4, 10, 10],
  ['kl entropy 3-D', 1e5, 3, 0],
].filter(([name]) => !process.env.BENCH_KNN_CASES || process.env.BENCH_KNN_CASES.split(',').some((c) => name.includes(c)));

const py = scipyPython();
const dir = mkdtempSync(join(tmpdir(), 'mutinfo-bench-knn-'));
const rows = [];
const out = [];
try {
  for (const [name, n, dx, dy] of CASES) {
    const { x, y } = gaussian(n, dx);
    const X = rows2(x, n, dx);
    const Y = dy ? rows2(y, n, dy) : null;
    const run = (backend) => () => (Y ? mutualInformation(X, Y, { estimator: 'ksg', k: K, backend, base: Math.E }) : entropy(X, { estimator: 'kl', k: K, backend, base: Math.E }));
    const np = py ? npeetMs(py.py, dir, x, dy ? y : null, n, dx, dy) : null;
    const label = `${name} k=${K}`;
    if (np) rows.push({ estimator: label, n, backend: `NPEET/cKDTree (scipy ${py.version})`, ms: np.ms, ratio: null });
    const wasmMs = timeMs(run('wasm'));
    rows.push({ estimator: label, n, backend: 'wasm', ms: wasmMs, ratio: np ? np.ms / wasmMs : null });
    const jsMs = WITH_JS ? timeMs(run('js')) : null;
    if (jsMs !== null) rows.push({ estimator: label, n, backend: 'js', ms: jsMs, ratio: np ? np.ms / jsMs : null });
    out.push({ case: name, n, dx, dy, k: K, wasmMs, jsMs, npeetMs: np?.ms ?? null, npeetNats: np?.nats ?? null, oursNats: run('wasm')() });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
printTable(`Multivariate k-NN: KSG (algorithm 1) and KL entropy vs NPEET on scipy cKDTree, one worker; ratio = NPEET ms / ours${py ? '' : ' (python3 with scipy not found: no ratios)'}`, rows);
writeResults('knn', { reps: REPS, scipy: py?.version ?? null, rows: out });
