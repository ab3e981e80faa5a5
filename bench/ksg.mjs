// Continuous MI (KSG algorithms 1 and 2), Frenzel–Pompe CMI and Kozachenko–Leonenko entropy,
// wasm vs js, against sklearn's mutual_info_regression on the same correlated Gaussian (ρ = 0.9).
// The N = 1e6 and 1e7 wasm runs happen in child processes, so that each peak RSS is its own;
// the ties row times KSG on the same data rounded to one decimal (its noise breaks the ties).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conditionalMutualInformation, entropy, mutualInformation } from '../dist/index.mjs';
import { medianMs, printTable, runPython, sklearnPython, writeResults, normals } from './common.mjs';

const RHO = 0.9;


function gaussian(n) {
  const x = normals(n, 1);
  // y is built in the noise array itself, so that the 1e7 row's peak RSS holds two arrays
  // of data, not three
  const y = normals(n, 2);
  for (let i = 0; i < n; i++) y[i] = RHO * x[i] + Math.sqrt(1 - RHO * RHO) * y[i];
  return { x, y };
}

const ksg = (x, y, backend, estimator = 'ksg') => () => mutualInformation(x, y, { estimator, k: 3, backend });

// Child mode: one size, wasm, report the median and this process's peak RSS.
if (process.argv[2] === '--child') {
  const n = Number(process.argv[3]);
  const { x, y } = gaussian(n);
  const ms = medianMs(ksg(x, y, 'wasm'), n >= 1e7 ? 1 : 3);
  console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const SIZES = (process.env.BENCH_KSG_SIZES ?? '1e4,1e5,1e6').split(',').map(Number);
const BIG = Number(process.env.BENCH_KSG_BIG ?? 1e7); // 0 skips the 1e7 row
const JS_MAX = Number(process.env.BENCH_KSG_JS_MAX ?? 1e5); // the JS backend takes seconds at 1e6
const sk = sklearnPython();
const dir = mkdtempSync(join(tmpdir(), 'mutinfo-bench-ksg-'));
const rows = [];
const fit = [];
let peakRssMB = null;
let big = null;

function child(n) {
  return JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(n)], { encoding: 'utf8' }));
}

function sklearnMs(x, y, reps) {
  writeFileSync(join(dir, 'x.bin'), x);
  writeFileSync(join(dir, 'y.bin'), y);
  return runPython(
    sk.py,
    `import numpy as np, time, json
from sklearn.feature_selection import mutual_info_regression
x = np.fromfile(${JSON.stringify(join(dir, 'x.bin'))}, dtype=np.float64).reshape(-1, 1)
y = np.fromfile(${JSON.stringify(join(dir, 'y.bin'))}, dtype=np.float64)
t = []
for _ in range(${reps}):
    s = time.perf_counter(); mutual_info_regression(x, y, n_neighbors=3, random_state=0); t.append((time.perf_counter() - s) * 1000)
print(json.dumps(sorted(t)[len(t)//2]))`,
  );
}

for (const n of SIZES) {
  const { x, y } = gaussian(n);
  let skMs = null;
  if (sk) {
    skMs = sklearnMs(x, y, n >= 1e6 ? 1 : 3);
    rows.push({ estimator: 'mutual_info_regression 1x1 k=3', n, backend: `sklearn ${sk.version}`, ms: skMs, ratio: null });
  }
  let wasmMs;
  if (n >= 1e6) {
    const c = child(n);
    wasmMs = c.ms;
    peakRssMB = c.rssMB;
  } else wasmMs = medianMs(ksg(x, y, 'wasm'), n >= 1e5 ? 7 : 11);
  rows.push({ estimator: 'ksg 1x1 k=3', n, backend: 'wasm', ms: wasmMs, ratio: skMs ? skMs / wasmMs : null });
  fit.push([n, wasmMs]);
  if (n <= JS_MAX) {
    const jsMs = medianMs(ksg(x, y, 'js'), 3);
    rows.push({ estimator: 'ksg 1x1 k=3', n, backend: 'js', ms: jsMs, ratio: skMs ? skMs / jsMs : null });
  }
}

if (BIG > 0) {
  big = { n: BIG, ...child(BIG) };
  rows.push({ estimator: 'ksg 1x1 k=3', n: BIG, backend: 'wasm', ms: big.ms, ratio: null });
}

// Ties: the same Gaussian rounded to one decimal, so most values repeat; KSG's 1e-10 noise
// breaks the ties, and the time should stay near the tie-free time (issue 17: ≤ 1.2×).
let ties = null;
{
  const n = 1e5;
  const { x, y } = gaussian(n);
  const rx = x.map((v) => Math.round(v * 10) / 10);
  const ry = y.map((v) => Math.round(v * 10) / 10);
  const free = medianMs(ksg(x, y, 'wasm'), 7);
  const tied = medianMs(ksg(rx, ry, 'wasm'), 7);
  rows.push({ estimator: 'ksg 1x1 k=3, rounded to 0.1', n, backend: 'wasm', ms: tied, ratio: null });
  ties = { n, tieFreeMs: free, tiedMs: tied, ratio: tied / free };
  console.log(`ties: KSG on data rounded to 0.1 takes ${ties.ratio.toFixed(2)}x its tie-free time at N = 1e5 (${tied.toFixed(1)} vs ${free.toFixed(1)} ms)`);
}

// The other estimators at N = 1e5 (no sklearn counterpart: the ratio column stays empty).
{
  const n = 1e5;
  const { x, y } = gaussian(n);
  const z = normals(n, 3);
  const w = normals(n, 4);
  const X = Array.from(x, (v, i) => [v, z[i]]);
  const Y = Array.from(y, (v, i) => [v, w[i]]);
  const X3 = Array.from(x, (v, i) => [v, z[i], w[i]]);
  const cases = [
    ['ksg2 1x1 k=3', (b) => ksg(x, y, b, 'ksg2')],
    ['ksg 2x2 k=3', (b) => ksg(X, Y, b)],
    ['cmi 1x1|1 k=3', (b) => () => conditionalMutualInformation(x, y, z, { k: 3, backend: b })],
    ['kl entropy 1-D k=3', (b) => () => entropy(x, { estimator: 'kl', k: 3, backend: b })],
    ['kl entropy 3-D k=3', (b) => () => entropy(X3, { estimator: 'kl', k: 3, backend: b })],
  ];
  for (const [name, f] of cases) {
    for (const b of ['wasm', 'js']) rows.push({ estimator: name, n, backend: b, ms: medianMs(f(b), b === 'wasm' ? 5 : 3), ratio: null });
  }
}
rmSync(dir, { recursive: true, force: true });

printTable(`Continuous estimators (k-NN, max norm), one core; correlated Gaussian ρ = ${RHO}`, rows);

// Least-squares slope of log(ms) on log(N): O(N log N) predicts about 1.09 over 1e4…1e6.
let exponent = null;
if (fit.length >= 2) {
  const lx = fit.map(([n]) => Math.log(n));
  const ly = fit.map(([, ms]) => Math.log(ms));
  const mx = lx.reduce((a, b) => a + b) / lx.length;
  const my = ly.reduce((a, b) => a + b) / ly.length;
  exponent = lx.reduce((s, v, i) => s + (v - mx) * (ly[i] - my), 0) / lx.reduce((s, v) => s + (v - mx) ** 2, 0);
  const nlogn = 1 + Math.log(Math.log(fit.at(-1)[0]) / Math.log(fit[0][0])) / Math.log(fit.at(-1)[0] / fit[0][0]);
  console.log(`\nfitted exponent of wasm ksg time vs N (${fit.map(([n]) => n).join(', ')}): ${exponent.toFixed(3)} (N log N gives ${nlogn.toFixed(3)})`);
}
if (peakRssMB !== null) console.log(`peak RSS of the N = 1e6 wasm run (its own process, data included): ${peakRssMB.toFixed(0)} MB`);
const at6 = fit.find(([n]) => n === 1e6)?.[1];
const bigExponent = big && at6 ? Math.log(big.ms / at6) / Math.log(big.n / 1e6) : null;
if (big) {
  console.log(`N = ${big.n}: ${big.ms.toFixed(0)} ms, peak RSS ${big.rssMB.toFixed(0)} MB (its own process, data included)`);
  if (bigExponent !== null) console.log(`exponent from 1e6 to ${big.n}: ${bigExponent.toFixed(3)}`);
}

const at = (n, backend) => rows.find((r) => r.estimator === 'ksg 1x1 k=3' && r.n === n && r.backend === backend)?.ms;
const targets = [
  ['ksg 1x1 N=1e5 wasm ≤ 80 ms', at(1e5, 'wasm'), (v) => v <= 80],
  ['ksg 1x1 N=1e6 wasm ≤ 1000 ms', at(1e6, 'wasm'), (v) => v <= 1000],
  ['wasm ≥ 2x js at N=1e5', at(1e5, 'js') && at(1e5, 'wasm') ? at(1e5, 'js') / at(1e5, 'wasm') : undefined, (v) => v >= 2],
  ['peak RSS at N=1e6 ≤ 300 MB', peakRssMB ?? undefined, (v) => v <= 300],
  ['exponent 1e6 → 1e7 ≤ 1.1', bigExponent ?? undefined, (v) => v <= 1.1],
  ['peak RSS at N=1e7 ≤ 1024 MB', big?.rssMB, (v) => v <= 1024],
  ['ties ≤ 1.2x tie-free at N=1e5', ties?.ratio, (v) => v <= 1.2],
];
for (const [label, v, ok] of targets) {
  if (v !== undefined) console.log(`${ok(v) ? 'met ' : 'MISS'}  ${label}: ${v.toFixed(1)}`);
}
writeResults('ksg', { sklearn: sk?.version ?? null, rho: RHO, rows, exponent, peakRssMB, big, bigExponent, ties });
