// `npm run bench:accuracy`: the estimators against known MI, on the tasks of the bmi
// benchmark (Czyż, Grabowski, Vogt, Beerenwinkel & Marx, "Beyond Normal: On the Evaluation
// of Mutual Information Estimators", NeurIPS 2023; cbg-ethz/bmi). Each task is sampled here
// from a seeded generator; its true MI is a closed form. Prints, per task and estimator,
// ln(Î/I) for Î the mean over seeds, and the number of tasks solved, |ln(Î/I)| < ln 1.5.
// BENCH_ACC_N and BENCH_ACC_SEEDS shrink the run (defaults 5000 and 10); BENCH_ACC_WORKERS
// sets KDE's worker threads (default 'auto', one per core).
import { mutualInformation } from '../dist/index.mjs';
import { mulberry32, writeResults } from './common.mjs';

const N = Number(process.env.BENCH_ACC_N ?? 5000);
const SEEDS = Number(process.env.BENCH_ACC_SEEDS ?? 10);
const ESTIMATORS = ['ksg', 'ksg2', 'mixed-ksg', 'gcmi', 'kde', 'binned', 'gaussian'];

/** A seeded uniform stream on (0, 1), one per seed (mulberry32 from a spread-out seed). */
const uniforms = (seed) => mulberry32(seed * 0x9e3779b9);
/** Standard normals by Box–Muller from the same stream. */
function normalsOf(u) {
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Φ by the Abramowitz–Stegun 7.1.26 erf: monotone, which is all the uniform-margin task needs (MI is invariant). */
function Phi(x) {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return 0.5 * (1 + (x < 0 ? -erf : erf));
}

/** n samples of (x, y), dx + dy jointly normal with the given covariance factor (rows of L, Σ = L Lᵀ). */
function gaussianRows(n, L, dx, seed) {
  const z = normalsOf(uniforms(seed));
  const d = L.length;
  const X = [];
  const Y = [];
  for (let i = 0; i < n; i++) {
    const e = Array.from({ length: d }, z);
    const v = L.map((row) => row.reduce((s, c, j) => s + c * e[j], 0));
    X.push(v.slice(0, dx));
    Y.push(v.slice(dx));
  }
  return { x: X, y: Y };
}
const bivariate = (rho) => [[1, 0], [rho, Math.sqrt(1 - rho * rho)]];
const col = (rows) => rows.map((r) => r[0]);

/** Dense: unit variances, every correlation c — a shared factor √c plus √(1 − c) of its own. */
function dense(n, dx, dy, c, seed) {
  const z = normalsOf(uniforms(seed));
  const X = [];
  const Y = [];
  for (let i = 0; i < n; i++) {
    const f = Math.sqrt(c) * z();
    X.push(Array.from({ length: dx }, () => f + Math.sqrt(1 - c) * z()));
    Y.push(Array.from({ length: dy }, () => f + Math.sqrt(1 - c) * z()));
  }
  return { x: X, y: Y };
}
/** ln det of the m × m matrix with unit diagonal and c elsewhere: (m − 1) ln(1 − c) + ln(1 + (m − 1)c). */
const logDetEq = (m, c) => (m - 1) * Math.log(1 - c) + Math.log(1 + (m - 1) * c);

/** Two interacting pairs (x_i, y_i), i = 1, 2, with correlation ρ; every other coordinate independent. */
function twoPair(n, d, rho, seed) {
  const z = normalsOf(uniforms(seed));
  const X = [];
  const Y = [];
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: d }, z);
    const y = Array.from({ length: d }, z);
    for (let j = 0; j < 2; j++) y[j] = rho * x[j] + Math.sqrt(1 - rho * rho) * y[j];
    X.push(x);
    Y.push(y);
  }
  return { x: X, y: Y };
}

/** Multivariate Student t with identity dispersion: Z/√(W/ν), W ~ χ²_ν (ν = 1: W = one squared normal). */
function studentT(n, dx, dy, seed) {
  const z = normalsOf(uniforms(seed));
  const X = [];
  const Y = [];
  for (let i = 0; i < n; i++) {
    const w = z() ** 2;
    const s = 1 / Math.sqrt(w);
    X.push(Array.from({ length: dx }, () => s * z()));
    Y.push(Array.from({ length: dy }, () => s * z()));
  }
  return { x: X, y: Y };
}
/**
 * I of the multivariate t (ν = 1, identity dispersion, 2 + 2 dims): H(X) + H(Y) − H(X,Y) with
 * H_d = ln Γ(ν/2) − ln Γ((ν+d)/2) + ((ν+d)/2)(ψ((ν+d)/2) − ψ(ν/2)) + (d/2) ln(νπ) (the last
 * cancels). At half-integers: Γ(½) = √π, Γ(3/2) = √π/2, Γ(5/2) = 3√π/4; ψ(½) = −γ − 2 ln 2,
 * ψ(n + ½) = ψ(½) + Σ_{k≤n} 2/(2k − 1).
 */
function studentMI() {
  const lnG = { 0.5: 0.5 * Math.log(Math.PI), 1.5: 0.5 * Math.log(Math.PI) - Math.LN2, 2.5: Math.log(0.75) + 0.5 * Math.log(Math.PI) };
  const psiHalf = -0.5772156649015329 - 2 * Math.LN2;
  const psi = { 0.5: psiHalf, 1.5: psiHalf + 2, 2.5: psiHalf + 2 + 2 / 3 };
  const H = (d) => lnG[0.5] - lnG[(1 + d) / 2] + ((1 + d) / 2) * (psi[(1 + d) / 2] - psi[0.5]);
  return 2 * H(2) - H(4);
}

const halfCube = (v) => v * Math.sqrt(Math.abs(v));
const wigglyX = (v) => v + 0.4 * Math.sin(v) + 0.2 * Math.sin(1.7 * v + 1) + 0.03 * Math.sin(3.3 * v - 2.5);
const wigglyY = (v) => v - 0.4 * Math.sin(0.4 * v) + 0.17 * Math.sin(1.3 * v + 3.5) + 0.02 * Math.sin(4.3 * v - 2.5);

const RHO = 0.75;
const NORMAL_MI = -0.5 * Math.log(1 - RHO * RHO);
const denseMI = (m) => 0.5 * (2 * logDetEq(m, 0.5) - logDetEq(2 * m, 0.5));

/** Each task: a name, the closed-form MI in nats, and a sampler (n, seed) → { x, y }. */
const TASKS = [
  { name: '1v1 normal ρ = 0.75', mi: NORMAL_MI, sample: (n, s) => { const g = gaussianRows(n, bivariate(RHO), 1, s); return { x: col(g.x), y: col(g.y) }; } },
  { name: '1v1 normal, uniform margins', mi: NORMAL_MI, sample: (n, s) => { const g = gaussianRows(n, bivariate(RHO), 1, s); return { x: col(g.x).map(Phi), y: col(g.y).map(Phi) }; } },
  { name: '1v1 normal, half-cube', mi: NORMAL_MI, sample: (n, s) => { const g = gaussianRows(n, bivariate(RHO), 1, s); return { x: col(g.x).map(halfCube), y: col(g.y).map(halfCube) }; } },
  { name: '1v1 normal, wiggly', mi: NORMAL_MI, sample: (n, s) => { const g = gaussianRows(n, bivariate(RHO), 1, s); return { x: col(g.x).map(wigglyX), y: col(g.y).map(wigglyY) }; } },
  { name: '1v1 additive uniform ε = 0.1', mi: 0.1 - Math.log(0.2), sample: (n, s) => { const u = uniforms(s); const x = Array.from({ length: n }, u); return { x, y: x.map((v) => v + 0.2 * u() - 0.1) }; } },
  { name: '1v1 additive uniform ε = 0.75', mi: 1 / (4 * 0.75), sample: (n, s) => { const u = uniforms(s); const x = Array.from({ length: n }, u); return { x, y: x.map((v) => v + 1.5 * u() - 0.75) }; } },
  { name: '2v2 Student t, ν = 1', mi: studentMI(), sample: (n, s) => studentT(n, 2, 2, s) },
  { name: '2v2 dense normal, 0.5', mi: denseMI(2), sample: (n, s) => dense(n, 2, 2, 0.5, s) },
  { name: '3v3 dense normal, 0.5', mi: denseMI(3), sample: (n, s) => dense(n, 3, 3, 0.5, s) },
  { name: '5v5 dense normal, 0.5', mi: denseMI(5), sample: (n, s) => dense(n, 5, 5, 0.5, s) },
  { name: '3v3 2-pair normal, ρ = 0.8', mi: -Math.log(1 - 0.64), sample: (n, s) => twoPair(n, 3, 0.8, s) },
  { name: '5v5 2-pair normal, ρ = 0.8', mi: -Math.log(1 - 0.64), sample: (n, s) => twoPair(n, 5, 0.8, s) },
];

// KDE, O(N²·d), shares its kernel sums over the worker pool (bit-identical to one thread);
// BENCH_ACC_WORKERS=1 runs it on one core. The k-NN estimators pay for workers only from N ≈ 1e5.
const KDE_WORKERS = process.env.BENCH_ACC_WORKERS === undefined ? 'auto' : Number(process.env.BENCH_ACC_WORKERS);
const OPTIONS = { ksg: {}, ksg2: {}, 'mixed-ksg': {}, gcmi: { discrete: 'auto' }, kde: { workers: KDE_WORKERS }, binned: {}, gaussian: {} };
const started = performance.now();
const results = [];
const seconds = Object.fromEntries(ESTIMATORS.map((e) => [e, 0]));
for (const task of TASKS) {
  const samples = Array.from({ length: SEEDS }, (_, s) => task.sample(N, s + 1));
  const row = { task: task.name, mi: task.mi, estimates: {} };
  for (const est of ESTIMATORS) {
    const t = performance.now();
    const v = samples.map(({ x, y }) => {
      try {
        return mutualInformation(x, y, { estimator: est, ...OPTIONS[est] });
      } catch (e) {
        if (process.env.BENCH_ACC_DEBUG) console.error(est, task.name, e.message);
        return NaN;
      }
    });
    seconds[est] += (performance.now() - t) / 1000;
    // An estimator that throws on a sample (e.g. a singular covariance) is left out of the mean for it
    const ok = v.filter((t) => Number.isFinite(t));
    const mean = ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
    row.estimates[est] = { mean, failed: v.length - ok.length, logRatio: mean > 0 ? Math.log(mean / task.mi) : null };
  }
  results.push(row);
}

const fmt = (e) => {
  if (e.failed === SEEDS) return 'error';
  const r = e.logRatio;
  const text = r === null ? '≤ 0' : (r >= 0 ? '+' : '') + r.toFixed(3);
  return e.failed ? `${text}*` : text;
};
const solved = (r) => r !== null && Math.abs(r) < Math.log(1.5);
// a task counts as solved only when every seed gave an estimate
const w = Math.max(...TASKS.map((t) => t.name.length));
console.log(`\nAccuracy on bmi tasks (Czyż et al., NeurIPS 2023): ln(Î/I), Î the mean over ${SEEDS} seeds at N = ${N}; 0 is exact`);
console.log(['task'.padEnd(w), 'true MI', ...ESTIMATORS.map((e) => e.padStart(9))].join('  '));
for (const r of results) {
  console.log([r.task.padEnd(w), r.mi.toFixed(3).padStart(7), ...ESTIMATORS.map((e) => fmt(r.estimates[e]).padStart(9))].join('  '));
}
const count = Object.fromEntries(ESTIMATORS.map((e) => [e, results.filter((r) => r.estimates[e].failed === 0 && solved(r.estimates[e].logRatio)).length]));
const meanAbs = Object.fromEntries(ESTIMATORS.map((e) => {
  const v = results.map((r) => r.estimates[e].logRatio).filter((x) => x !== null);
  return [e, v.reduce((a, b) => a + Math.abs(b), 0) / v.length];
}));
console.log(['solved (|ln(Î/I)| < ln 1.5)'.padEnd(w), ''.padStart(7), ...ESTIMATORS.map((e) => `${count[e]}/${TASKS.length}`.padStart(9))].join('  '));
console.log(['mean |ln(Î/I)|'.padEnd(w), ''.padStart(7), ...ESTIMATORS.map((e) => meanAbs[e].toFixed(3).padStart(9))].join('  '));
console.log(['seconds'.padEnd(w), ''.padStart(7), ...ESTIMATORS.map((e) => seconds[e].toFixed(1).padStart(9))].join('  '));
console.log('* some seeds threw (a singular covariance): the mean is over the others; ≤ 0: the mean estimate is not positive');
const total = (performance.now() - started) / 1000;
console.log(`total ${total.toFixed(1)} s`);
writeResults('accuracy', { n: N, seeds: SEEDS, seconds: total, estimators: ESTIMATORS, solved: count, meanAbsLogRatio: meanAbs, results });
