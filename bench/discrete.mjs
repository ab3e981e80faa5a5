// Discrete MI (mutualInfoScore) on N labels with 16x16 and 256x256 alphabets, wasm vs js,
// end to end from a JS array and from an Int32Array, against sklearn.metrics.mutual_info_score;
// and the large-alphabet row of issue 14: N = 1e7 with 1e4 x 1e4 labels from Int32Array
// (target <= 0.4 s and >= 15x sklearn, sklearn timed in the same run when it is installed).
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mutualInfoScore } from '../dist/index.mjs';
import { medianMs, printTable, runPython, sklearnPython, writeResults } from './common.mjs';

const SIZES = (process.env.BENCH_DISCRETE_SIZES ?? '1e5,1e6,1e7').split(',').map(Number);
const sk = sklearnPython();

function labels(n, k, seed) {
  let s = seed >>> 0;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0; // Numerical Recipes LCG
    out[i] = (s >>> 8) % k;
  }
  return out;
}

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'mutinfo-bench-'));
const BIG_K = Number(process.env.BENCH_DISCRETE_BIG_K ?? 1e4);
const BIG_N = Number(process.env.BENCH_DISCRETE_BIG_N ?? 1e7);
const cases = [];
for (const k of [16, 256]) for (const n of SIZES) cases.push({ k, n, inputs: ['Int32Array', 'Array'] });
if (BIG_K > 0 && BIG_N > 0) cases.push({ k: BIG_K, n: BIG_N, inputs: ['Int32Array'] });
for (const { k, n, inputs } of cases) {
  {
    const a = labels(n, k, 1);
    const b = labels(n, k, 2).map((v, i) => (i % 3 === 0 ? a[i] : v));
    const aArr = inputs.includes('Array') ? Array.from(a) : null;
    const bArr = inputs.includes('Array') ? Array.from(b) : null;
    let skMs = null;
    if (sk) {
      writeFileSync(join(dir, 'a.bin'), a);
      writeFileSync(join(dir, 'b.bin'), b);
      const reps = n >= 1e7 ? 3 : 5;
      skMs = runPython(
        sk.py,
        `import numpy as np, time, json
from sklearn.metrics import mutual_info_score
a = np.fromfile(${JSON.stringify(join(dir, 'a.bin'))}, dtype=np.int32)
b = np.fromfile(${JSON.stringify(join(dir, 'b.bin'))}, dtype=np.int32)
mutual_info_score(a, b)
t = []
for _ in range(${reps}):
    s = time.perf_counter(); mutual_info_score(a, b); t.append((time.perf_counter() - s) * 1000)
print(json.dumps(sorted(t)[len(t)//2]))`,
      );
      rows.push({ estimator: `mutual_info_score ${k}x${k}`, n, backend: `sklearn ${sk.version}`, ms: skMs, ratio: null });
    }
    for (const backend of ['wasm', 'js']) {
      for (const [input, x, y] of [['Int32Array', a, b], ['Array', aArr, bArr]].filter(([name]) => inputs.includes(name))) {
        const reps = n >= 1e7 ? 5 : 9;
        const ms = medianMs(() => mutualInfoScore(x, y, { backend }), reps);
        rows.push({ estimator: `mutualInfoScore ${k}x${k} ${input}`, n, backend, ms, ratio: skMs ? skMs / ms : null });
      }
    }
  }
}
rmSync(dir, { recursive: true, force: true });
printTable('Discrete MI (mutualInfoScore), one core', rows);
writeResults('discrete', { sklearn: sk?.version ?? null, rows });
