// Permutation tests: 999 permutations of 1-D KSG (k = 3) at N = 1e4 on one core and on
// workers 'auto', and of the plug-in MI of 16 × 16 labels at N = 1e6; sklearn's time for the
// same null (mutual_info_regression / mutual_info_score on shuffled y), extrapolated from
// a few shuffles, when python3 with sklearn is present.
import { mutualInformation, mutualInformationTest } from '../dist/index.mjs';
import { medianMs, mulberry32, printTable, runPython, sklearnPython, writeResults } from './common.mjs';

const PERMS = Number(process.env.BENCH_SIG_PERMS ?? 999);
const N_KSG = Number(process.env.BENCH_SIG_KSG_N ?? 1e4);
const N_DISC = Number(process.env.BENCH_SIG_DISCRETE_N ?? 1e6);
const REPS = Number(process.env.BENCH_SIG_REPS ?? 3);
const SK_SHUFFLES = 20;

const uniforms = mulberry32;

function gaussian(n) {
  const u = uniforms(1);
  const nrm = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const x = Float64Array.from({ length: n }, nrm);
  return { x, y: x.map((v) => 0.3 * v + Math.sqrt(1 - 0.09) * nrm()) };
}

function labels(n) {
  const u = uniforms(2);
  const a = Int32Array.from({ length: n }, () => Math.floor(u() * 16));
  return { a, b: a.map((v) => (u() < 0.1 ? v : Math.floor(u() * 16))) };
}

const rows = [];
const { x, y } = gaussian(N_KSG);
const one = medianMs(() => mutualInformation(x, y, { estimator: 'ksg', k: 3 }), REPS);
rows.push({ estimator: 'ksg 1x1 k=3, one estimate', n: N_KSG, backend: 'wasm', ms: one, ratio: null });
for (const workers of [1, 'auto']) {
  const ms = medianMs(() => mutualInformationTest(x, y, { estimator: 'ksg', k: 3, permutations: PERMS, workers }), REPS);
  rows.push({ estimator: `ksg 1x1 k=3, ${PERMS} permutations, workers ${workers}`, n: N_KSG, backend: 'wasm', ms, ratio: null });
}
const { a, b } = labels(N_DISC);
for (const workers of [1, 'auto']) {
  const ms = medianMs(() => mutualInformationTest(a, b, { permutations: PERMS, workers }), 1);
  rows.push({ estimator: `discrete 16x16, ${PERMS} permutations, workers ${workers}`, n: N_DISC, backend: 'wasm', ms, ratio: null });
}

const sk = sklearnPython();
if (sk) {
  const code = (n, body) => `
import json, time, numpy as np
from sklearn.feature_selection import mutual_info_regression
from sklearn.metrics import mutual_info_score
rng = np.random.RandomState(0)
${body}
t = time.perf_counter()
for _ in range(${SK_SHUFFLES}):
    f(rng.permutation(y))
print(json.dumps({"ms": (time.perf_counter() - t) * 1000 / ${SK_SHUFFLES} * ${PERMS}}))`;
  const ksgMs = runPython(sk.py, code(N_KSG, `x = rng.randn(${N_KSG}, 1); y = 0.3 * x[:, 0] + rng.randn(${N_KSG})\nf = lambda yy: mutual_info_regression(x, yy, n_neighbors=3, random_state=0)`)).ms;
  const discMs = runPython(sk.py, code(N_DISC, `x = rng.randint(0, 16, ${N_DISC}); y = rng.randint(0, 16, ${N_DISC})\nf = lambda yy: mutual_info_score(x, yy)`)).ms;
  for (const r of rows) {
    if (r.estimator.includes('permutations')) r.ratio = (r.estimator.startsWith('ksg') ? ksgMs : discMs) / r.ms;
  }
  console.log(`sklearn ${sk.version}, ${PERMS} shuffles extrapolated from ${SK_SHUFFLES}: ksg ${ksgMs.toFixed(0)} ms, discrete ${discMs.toFixed(0)} ms`);
}

printTable(`Permutation tests (mutualInformationTest), p = (1 + #{null ≥ value}) / (1 + ${PERMS})`, rows);
const at = (s) => rows.find((r) => r.estimator.includes(s))?.ms;
const targets = [
  [`${PERMS} permutations of ksg at N=${N_KSG}, one core ≤ 2500 ms`, at('workers 1') , (v) => v <= 2500],
  [`${PERMS} permutations of ksg at N=${N_KSG}, workers 'auto' ≤ 1500 ms`, at('ksg 1x1 k=3, ' + PERMS + ' permutations, workers auto'), (v) => v <= 1500],
];
if (PERMS === 999 && N_KSG === 1e4) {
  for (const [label, v, ok] of targets) if (v !== undefined) console.log(`${ok(v) ? 'met ' : 'MISS'}  ${label}: ${v.toFixed(0)}`);
}
writeResults('significance', { sklearn: sk?.version ?? null, permutations: PERMS, rows });
