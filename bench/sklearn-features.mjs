// mutualInfoRegression / mutualInfoClassif on 1e5 × 10 (column 0 linear in y, column 1 a
// sine, the rest noise), with 1 worker and one per core, against sklearn 1.2.1 on the same data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mutualInfoClassif, mutualInfoRegression } from '../dist/index.mjs';
import { medianMs, printTable, runPython, sklearnPython, writeResults } from './common.mjs';

const N = Number(process.env.BENCH_FEATURES_N ?? 1e5);
const COLS = 10;
const sk = sklearnPython();

// Deterministic data: a xorshift stream and Box–Muller normals.
let s = 0x9e3779b9;
const uni = () => {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return ((s >>> 0) + 0.5) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(uni())) * Math.cos(2 * Math.PI * uni());
const data = new Float64Array(N * COLS);
for (let i = 0; i < data.length; i++) data[i] = normal();
const yReg = new Float64Array(N);
const yCls = new Int32Array(N);
for (let i = 0; i < N; i++) {
  const x0 = data[i * COLS];
  const x1 = data[i * COLS + 1];
  yReg[i] = 2 * x0 + Math.sin(3 * x1) + 0.3 * normal();
  yCls[i] = x0 + 0.5 * Math.sin(3 * x1) < -0.5 ? 0 : x0 < 0.5 ? 1 : 2;
}
const X = { data, rows: N, cols: COLS };

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'mutinfo-bench-'));
for (const [name, fn, y, skfn] of [
  ['mutualInfoRegression', mutualInfoRegression, yReg, 'mutual_info_regression'],
  ['mutualInfoClassif', mutualInfoClassif, yCls, 'mutual_info_classif'],
]) {
  let skMs = null;
  if (sk) {
    writeFileSync(join(dir, 'X.bin'), data);
    writeFileSync(join(dir, 'y.bin'), y);
    skMs = runPython(
      sk.py,
      `import numpy as np, time, json
from sklearn.feature_selection import ${skfn}
X = np.fromfile(${JSON.stringify(join(dir, 'X.bin'))}).reshape(${N}, ${COLS})
y = np.fromfile(${JSON.stringify(join(dir, 'y.bin'))}, dtype=${y instanceof Int32Array ? 'np.int32' : 'np.float64'})
t = []
for _ in range(3):
    s = time.perf_counter(); ${skfn}(X, y, random_state=0); t.append((time.perf_counter() - s) * 1000)
print(json.dumps(sorted(t)[1]))`,
    );
    rows.push({ estimator: `${skfn} ${N}x${COLS}`, n: N, backend: `sklearn ${sk.version}`, ms: skMs, ratio: null });
  }
  for (const [backend, workers] of [['wasm', 1], ['wasm', 'auto'], ['js', 1]]) {
    const ms = medianMs(() => fn(X, y, { backend, workers }), 3);
    rows.push({ estimator: `${name} ${N}x${COLS} workers=${workers}`, n: N, backend, ms, ratio: skMs ? skMs / ms : null });
  }
}
rmSync(dir, { recursive: true, force: true });
printTable('sklearn-compatible feature scores, 1e5 x 10', rows);
writeResults('sklearn-features', { sklearn: sk?.version ?? null, rows });
