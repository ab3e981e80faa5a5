// KDE and Gaussian-copula MI: wasm vs js, against scipy's gaussian_kde and gcmi's numpy
// steps on the same data. `BENCH_EST_SCALE=0.1` shrinks every N (for a quick check).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mutualInformation } from '../dist/index.mjs';
import { medianMs, printTable, runPython, writeResults, normals, scipyPython } from './common.mjs';

const SCALE = Number(process.env.BENCH_EST_SCALE ?? 1);
const KDE_N = Math.round(5000 * SCALE);
const GCMI_N = Math.round(1e6 * SCALE);

function pair(n) {
  const x = normals(n, 1);
  const e = normals(n, 2);
  return { x, y: x.map((v, i) => 0.75 * v + Math.sqrt(1 - 0.5625) * e[i]) };
}

const sp = scipyPython();
const dir = mkdtempSync(join(tmpdir(), 'mutinfo-bench-est-'));
const rows = [];
const out = { scipy: sp?.version ?? null, kde: {}, gcmi: {} };

function pythonMs(x, y, body, reps) {
  writeFileSync(join(dir, 'x.bin'), x);
  writeFileSync(join(dir, 'y.bin'), y);
  return runPython(sp.py, `import numpy as np, time, json
from scipy import stats
x = np.fromfile(${JSON.stringify(join(dir, 'x.bin'))}); y = np.fromfile(${JSON.stringify(join(dir, 'y.bin'))})
def run():
${body}
run()
t = []
for _ in range(${reps}):
    s = time.perf_counter(); v = run(); t.append((time.perf_counter() - s) * 1000)
print(json.dumps({"ms": sorted(t)[len(t) // 2], "value": float(v)}))`);
}

// KDE: the three densities of a 2-D joint, each at its own N samples (scipy's evaluate).
{
  const { x, y } = pair(KDE_N);
  const ref = sp
    ? pythonMs(x, y, `    xy = np.vstack([x, y])
    fx = stats.gaussian_kde(x)(x); fy = stats.gaussian_kde(y)(y); fxy = stats.gaussian_kde(xy)(xy)
    return np.mean(np.log(fxy) - np.log(fx) - np.log(fy))`, 3)
    : null;
  for (const backend of ['wasm', 'js']) {
    const ms = medianMs(() => mutualInformation(x, y, { estimator: 'kde', backend }), backend === 'wasm' ? 5 : 2);
    const value = mutualInformation(x, y, { estimator: 'kde', backend });
    rows.push({ estimator: "kde 1x1 (mutualInformation, 'kde')", n: KDE_N, backend, ms, ratio: ref ? ref.ms / ms : null });
    out.kde[backend] = { n: KDE_N, ms, value };
  }
  if (ref) rows.push({ estimator: 'scipy gaussian_kde, 3 densities', n: KDE_N, backend: `scipy ${sp.version}`, ms: ref.ms, ratio: null });
  out.kde.scipy = ref;
  // O(N²): the largest N that takes one second, from the measured time at KDE_N
  out.kde.nForOneSecond = Math.floor(KDE_N * Math.sqrt(1000 / out.kde.wasm.ms));
  const check = pair(out.kde.nForOneSecond);
  out.kde.nForOneSecondMs = medianMs(() => mutualInformation(check.x, check.y, { estimator: 'kde' }), 1);
}

// GCMI 1-D × 1-D: two sorts, the quantiles, a 2 × 2 covariance.
{
  const { x, y } = pair(GCMI_N);
  const ref = sp
    ? pythonMs(x, y, `    def copnorm(v):
        return stats.norm.ppf((np.argsort(np.argsort(v)) + 1.0) / (v.size + 1))
    xy = np.vstack([copnorm(x), copnorm(y)])
    C = xy @ xy.T / (x.size - 1)
    return 0.5 * np.log(C[0, 0] * C[1, 1] / np.linalg.det(C))`, 3)
    : null;
  for (const backend of ['wasm', 'js']) {
    const ms = medianMs(() => mutualInformation(x, y, { estimator: 'gcmi', backend }), 3);
    rows.push({ estimator: "gcmi 1x1 (mutualInformation, 'gcmi')", n: GCMI_N, backend, ms, ratio: ref ? ref.ms / ms : null });
    out.gcmi[backend] = { n: GCMI_N, ms, value: mutualInformation(x, y, { estimator: 'gcmi', backend }) };
  }
  if (ref) rows.push({ estimator: "gcmi_cc's numpy steps (argsort x2, norm.ppf, 2x2 cov)", n: GCMI_N, backend: `scipy ${sp.version}`, ms: ref.ms, ratio: null });
  out.gcmi.numpy = ref;
}

rmSync(dir, { recursive: true, force: true });
printTable('KDE and Gaussian-copula MI (median ms; ratio = reference ms / mutinfo ms)', rows);
console.log(`kde: largest N in about 1 s (wasm) ≈ ${out.kde.nForOneSecond} (measured ${out.kde.nForOneSecondMs.toFixed(0)} ms)`);
writeResults('estimators', out);
