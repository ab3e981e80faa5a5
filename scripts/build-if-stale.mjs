// Runs `npm run build` only when dist/ is missing or older than its sources, so that
// `npm start`, `npm test` and `npm run demo` repeat in seconds instead of rebuilding
// everything each time. A fresh clone has no dist/, so it always builds (as .ci/run does).
// MUTINFO_REBUILD=1 forces the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the build writes last in each of its steps. */
export const OUTPUTS = [
  'dist/index.mjs', 'dist/index.cjs', 'dist/cli.mjs', 'dist/mutinfo.browser.mjs', 'dist/demo/main.js',
  'dist/types/index.d.ts', 'dist/types-cjs/index.d.ts',
];

/** What the build reads. Generated files under src/ are its own products, written before dist/. */
export const SOURCES = [
  'assembly', 'src', 'demo', 'scripts', 'data',
  'package.json', 'package-lock.json', 'rollup.config.mjs', 'tsconfig.json', 'asconfig.json',
];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return /\.generated\.ts$/.test(path) ? 0 : st.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

/** Why a build is needed, or null when dist/ is newer than every source. */
export function staleReason(dir = root) {
  let oldest = Infinity;
  for (const o of OUTPUTS) {
    const p = join(dir, o);
    if (!existsSync(p)) return `${o} is missing`;
    oldest = Math.min(oldest, statSync(p).mtimeMs);
  }
  for (const s of SOURCES) {
    const p = join(dir, s);
    if (existsSync(p) && newest(p) > oldest) return `${s} changed since the last build`;
  }
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const why = process.env.MUTINFO_REBUILD === '1' ? 'MUTINFO_REBUILD=1' : staleReason();
  if (why === null) {
    console.log('build: skipped, dist/ is newer than its sources (MUTINFO_REBUILD=1 forces it)');
  } else {
    console.log(`build: ${why}`);
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    process.exit(r.status ?? 1);
  }
}
