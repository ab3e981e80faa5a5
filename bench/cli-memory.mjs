// The CLI's memory bound (issue 6): `mutinfo rank` on a generated 1e6-row × 20-column CSV must
// not need more than about 3× the file's size. Peak RSS of the subprocess comes from
// /usr/bin/time -v when present, else from process.resourceUsage().maxRSS in a wrapper.
// Run alone with `node bench/cli-memory.mjs [rows]` (after npm run build), or in `npm run bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, writeResults } from './common.mjs';

const ROWS = Number(process.argv[1]?.endsWith('cli-memory.mjs') && process.argv[2]) || 1_000_000;
const FEATURES = 19; // plus the target: 20 columns
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'mutinfo.mjs');

/** Seeded uniform PRNG (mulberry32), so the file is the same on every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Number formats: 'compact' writes 5 decimals (about 8 bytes a cell, the hard case: the
 * doubles take as much room as the text); 'full' writes the shortest round-trip form, as
 * pandas' to_csv does (about 19 bytes a cell).
 */
const FORMATS = {
  compact: (v) => v.toFixed(5),
  full: (v) => String(v),
};

/** Writes the CSV once (reused later): y = x0 + sin(3·x1) + noise, the other features noise. */
function generate(path, format) {
  const r = rng(42);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const fd = openSync(path, 'w');
  writeSync(fd, [...Array.from({ length: FEATURES }, (_, j) => `x${j}`), 'y'].join(',') + '\n');
  let chunk = [];
  for (let i = 0; i < ROWS; i++) {
    const x = Array.from({ length: FEATURES }, normal);
    const y = x[0] + Math.sin(3 * x[1]) + 0.5 * normal();
    chunk.push([...x, y].map(FORMATS[format]).join(','));
    if (chunk.length === 10_000) {
      writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  closeSync(fd);
}

function hasGnuTime() {
  try {
    execFileSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs `mutinfo args…` and returns its peak RSS in bytes, wall time and stdout. */
function measure(args) {
  const start = performance.now();
  let peak;
  let r;
  if (hasGnuTime()) {
    r = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    peak = kb ? Number(kb[1]) * 1024 : NaN;
  } else {
    const wrapper = join(os.tmpdir(), 'mutinfo-maxrss.mjs');
    writeFileSync(
      wrapper,
      `const { main } = await import(${JSON.stringify(new URL('../dist/cli.mjs', import.meta.url).href)});
       process.exitCode = await main(process.argv.slice(2));
       process.on('exit', () => process.stderr.write('maxRSS_kb=' + process.resourceUsage().maxRSS + '\\n'));`,
    );
    r = spawnSync(process.execPath, [wrapper, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const kb = /maxRSS_kb=(\d+)/.exec(r.stderr);
    peak = kb ? Number(kb[1]) * 1024 : NaN;
  }
  if (r.status !== 0) throw new Error(`mutinfo ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { peak, seconds: (performance.now() - start) / 1000, stdout: r.stdout };
}

const MB = 1e6;
const results = [];
console.log(`\nmutinfo rank on ${ROWS} rows × ${FEATURES + 1} columns, one worker (${machine().cores} cores); target ≤ about 3× the file`);
for (const format of Object.keys(FORMATS)) {
  const file = join(os.tmpdir(), `mutinfo-bench-${ROWS}x${FEATURES + 1}-${format}.csv`);
  if (!existsSync(file) || statSync(file).size === 0) generate(file, format);
  const size = statSync(file).size;
  const run = measure(['rank', file, '--target', 'y', '--format', 'json', '--quiet']);
  const top = JSON.parse(run.stdout).features.slice(0, 2).map((f) => `${f.feature} ${f.mi.toFixed(3)}`);
  const ratio = run.peak / size;
  console.log(
    `${format.padEnd(7)} ${(size / MB).toFixed(0).padStart(4)} MB CSV: peak RSS ${(run.peak / MB).toFixed(0)} MB = ${ratio.toFixed(2)}× the file, ` +
      `${run.seconds.toFixed(1)} s; top: ${top.join(', ')}`,
  );
  results.push({ format, fileBytes: size, peakRssBytes: run.peak, ratio, seconds: run.seconds, top });
}
writeResults('cli-memory', {
  rows: ROWS,
  columns: FEATURES + 1,
  via: hasGnuTime() ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
  results,
});
