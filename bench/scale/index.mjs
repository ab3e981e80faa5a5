// `npm run bench:scale` (issue 15): `mutinfo rank big.parquet --target y` end to end on a
// 1e8-row Parquet file that DuckDB generates in the system temp folder (never in the repo):
// one target with 8 classes and 10 discrete features with up to 16 labels, 4 of them
// informative. Prints the wall time and the peak RSS of the CLI process (targets: ≤ 20 s,
// ≤ 1 GB), then cross-checks a slice against the in-memory path: the scores must be identical.
//   node bench/scale/index.mjs [--rows 1e8] [--slice 1e6] [--keep] [--no-write]
// It lives in a folder of its own so that `npm run bench` (bench/*.mjs) does not run it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, writeResults } from '../common.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const ROWS = opt('rows', 1e8);
const SLICE = Math.min(opt('slice', 1e6), ROWS);
const KEEP = argv.includes('--keep');
const WRITE = !argv.includes('--no-write');
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'mutinfo.mjs');
const dir = join(os.tmpdir(), `mutinfo-bench-scale-${ROWS}`);
mkdirSync(dir, { recursive: true });
const big = join(dir, `big-${ROWS}.parquet`);
const slicePq = join(dir, `slice-${ROWS}-${SLICE}.parquet`);
const sliceCsv = join(dir, `slice-${ROWS}-${SLICE}.csv`);

const { DuckDBInstance } = await import('@duckdb/node-api');

/**
 * y: 8 classes. f0–f3 informative: (y·(j+3) + noise over j+4 values) mod 16. f4–f9: independent
 * uniform labels over 6 + j values (up to 15). All UTINYINT, so a GROUP BY is cheap and the
 * file small (Parquet's dictionary encoding).
 */
async function generate() {
  if (existsSync(big)) return { seconds: 0, cached: true };
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const feats = Array.from({ length: 10 }, (_, j) =>
    j < 4 ? `((y * ${j + 3} + hash(i, ${j}) % ${j + 4}) % 16)::UTINYINT AS f${j}` : `(hash(i, ${j}) % ${6 + j})::UTINYINT AS f${j}`,
  );
  const t = performance.now();
  await con.run(`COPY (SELECT y, ${Array.from({ length: 10 }, (_, j) => `f${j}`).join(', ')} FROM (
      SELECT i, (hash(i) % 8)::UTINYINT AS y FROM range(${ROWS}) t(i)) s, LATERAL (SELECT ${feats.join(', ')}))
    TO '${big}' (FORMAT parquet)`);
  await con.run(`COPY (SELECT * FROM '${big}' LIMIT ${SLICE}) TO '${slicePq}' (FORMAT parquet)`);
  await con.run(`COPY (SELECT * FROM '${slicePq}') TO '${sliceCsv}' (HEADER)`);
  con.closeSync();
  inst.closeSync();
  return { seconds: (performance.now() - t) / 1000, cached: false };
}

/** Runs the CLI under /usr/bin/time -v (peak RSS of the whole process, DuckDB's threads included). */
function timed(args) {
  const start = performance.now();
  const gnu = existsSync('/usr/bin/time');
  const r = gnu
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`mutinfo ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { seconds, peakBytes: kb ? Number(kb[1]) * 1024 : null, out: JSON.parse(r.stdout) };
}

const m = machine();
console.log(`mutinfo bench:scale, ${m.date}, ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const gen = await generate();
console.log(`data: ${ROWS.toExponential(0)} rows × 11 columns, ${(statSync(big).size / 2 ** 20).toFixed(1)} MiB Parquet in ${dir}${gen.cached ? ' (reused)' : ` (generated in ${gen.seconds.toFixed(1)} s)`}`);

const run = timed(['rank', big, '--target', 'y', '--format', 'json', '-q']);
const gb = run.peakBytes === null ? null : run.peakBytes / 2 ** 30;
console.log(`mutinfo rank big.parquet --target y: ${run.seconds.toFixed(2)} s (target ≤ 20 s), peak RSS ${gb === null ? 'unknown' : `${(gb * 1024).toFixed(0)} MiB`} (target ≤ 1024 MiB)`);
for (const f of run.out.features) console.log(`  ${String(f.rank).padStart(2)}  ${f.feature}  ${f.mi.toFixed(6)} nats  (${f.rows} rows)`);

// The slice: DuckDB engine on Parquet vs the in-memory CSV path with the discrete estimator.
const viaDuck = timed(['rank', slicePq, '--target', 'y', '--format', 'json', '-q']).out.features;
const inMem = timed(['rank', sliceCsv, '--target', 'y', '--estimator', 'discrete', '--format', 'json', '-q']).out.features;
const want = Object.fromEntries(inMem.map((f) => [f.feature, f.mi]));
const identical = viaDuck.length === inMem.length && viaDuck.every((f) => want[f.feature] === f.mi);
console.log(`cross-check on the first ${SLICE.toExponential(0)} rows: DuckDB engine and in-memory path ${identical ? 'identical' : 'DIFFER'}`);
if (!identical) for (const f of viaDuck) console.log(`  ${f.feature}: duckdb ${f.mi} memory ${want[f.feature]}`);

if (WRITE) {
  writeResults('scale', {
    rows: ROWS,
    file: { bytes: statSync(big).size, generateSeconds: gen.seconds },
    rank: { seconds: run.seconds, peakBytes: run.peakBytes, targetSeconds: 20, targetBytes: 2 ** 30, features: run.out.features },
    crossCheck: { rows: SLICE, identical },
    loadAverage: os.loadavg(),
  });
}
if (!KEEP) rmSync(dir, { recursive: true, force: true });
if (!identical) process.exitCode = 1;
