// The package as a user installs it: `npm pack`, unpacked into a temporary consumer project's
// node_modules (what `npm install mutinfo-0.1.0.tgz` puts there; offline, with no registry),
// then type-checked by the repository's own TypeScript in the four module modes people use.
// Also: what the tarball holds, and the size budgets.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BROWSER_FAMILIES, browserCoreSource, browserExports } from '../scripts/families.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const KB = 1024;

/**
 * Size budgets, in bytes, about 8% above the sizes measured on 2026-11-27 once the browser
 * bundles fetch the pool worker script as a chunk of its own and the CLI imports the library
 * instead of bundling it (browser core with its chunks 54.7 KB gzipped; library ESM 608 KB,
 * 181 KB gzipped; CLI 103 KB; tarball 631 KB packed, 2177 KB unpacked). Re-planned on
 * 2026-11-28 for issue 17's kernels (2-D rank-rectangle counts, guessed 1-D searches, the
 * clustered-grid sweep and sort, the many-category pair count and label compaction in WASM,
 * each with its JS twin): browser core 62.2 KB gzipped (the WASM 12.1 KB), library ESM 677 KB
 * (203 KB gzipped), tarball 702 KB packed, 2403 KB unpacked, now held about 5% above. Raise them on purpose, not by drift.
 */
const BUDGET = {
  // Re-planned from 40 KB (README, "In the browser": what loads when). The families ship as
  // subpath bundles and the pool worker script (~30 KB gzipped) loads on first pool use; what
  // is left is the WASM (~12.1 KB gzipped, inlined so that Workers have it synchronously) and
  // the core estimators' JS (~50 KB gzipped: the JS backend, kde, gcmi, mixed-ksg, Arrow input).
  browserCoreGzip: 66 * KB,
  // The Node ESM build is not minified and inlines the WASM and the pool worker script (~88 KB).
  libraryEsm: 712 * KB,
  libraryEsmGzip: 213 * KB,
  // The CLI without a second copy of the library (it was 486 KB with one). Raised from 111 KB
  // on purpose for matrix --counts and select with DuckDB counting (112 KB measured).
  cli: 118 * KB,
  tarball: 738 * KB,
  unpacked: 2523 * KB,
};

let work: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mutinfo-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const info = JSON.parse(out)[0];
  tarball = join(work, info.filename);
  files = info.files.map((f: { path: string }) => f.path).sort();
}, 120_000);

/** Writes a consumer project for one module mode and returns its folder. */
function consumer(mode: string, pkgType: 'module' | 'commonjs', compilerOptions: Record<string, unknown>, source: string): string {
  const dir = join(work, mode);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(dir, 'node_modules')]);
  renameSync(join(dir, 'node_modules', 'package'), join(dir, 'node_modules', 'mutinfo'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${mode}`, private: true, type: pkgType }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      // skipLibCheck leaves the errors in consumer code (TS7016, TS1479, wrong types) and saves
      // checking lib.dom.d.ts in every mode; the nodenext ESM mode checks our declarations too.
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: mode !== 'nodenext-esm', types: [], lib: ['ES2022', 'DOM'], target: 'ES2022', ...compilerOptions },
      files: ['index.ts'],
    }),
  );
  writeFileSync(join(dir, 'index.ts'), source);
  return dir;
}

/** Runs the repository's tsc on a consumer project, in a child process (they run side by side). */
function typecheck(dir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

// The @ts-expect-error lines prove the declarations are read: with no types (any), they fail.
const MAIN = `import { entropy, mutualInformation, selectEstimator } from 'mutinfo';
const h: number = entropy(['a', 'b', 'a'], { base: 2 });
const mi: number = mutualInformation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], { estimator: 'ksg', k: 2 });
const why: string = selectEstimator(['a'], ['b']).reason;
// @ts-expect-error entropy returns a number
const wrong: string = entropy(['a']);
export { h, mi, why, wrong };
`;
const BROWSER = `import { mutualInfoScore as browserMI } from 'mutinfo/browser';
const b: number = browserMI([0, 1], [0, 1]);
// @ts-expect-error mutualInfoScore returns a number
const bw: string = browserMI([0, 1], [0, 1]);
export { b, bw };
`;

const MODES = [
  ['nodenext-esm', 'module', { module: 'nodenext', moduleResolution: 'nodenext' }, MAIN + BROWSER],
  ['nodenext-cjs', 'commonjs', { module: 'nodenext', moduleResolution: 'nodenext' }, MAIN],
  ['node16-cjs', 'commonjs', { module: 'node16', moduleResolution: 'node16' }, MAIN],
  ['bundler', 'module', { module: 'esnext', moduleResolution: 'bundler' }, MAIN + BROWSER],
  ['classic-commonjs', 'commonjs', { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' }, MAIN],
] as const;

describe('a consumer project type-checks against the packed tarball', () => {
  const results = new Map<string, Promise<{ code: number | null; out: string }>>();
  beforeAll(() => {
    for (const [mode, type, options, source] of MODES) results.set(mode, typecheck(consumer(mode, type, options, source)));
    // TypeScript's nodenext mode now models Node's require(esm); node16 does not, and there a
    // CommonJS project that is handed ESM declarations fails, as the issue reported.
    const dir = consumer('node16-cjs-esm-types', 'commonjs', { module: 'node16', moduleResolution: 'node16' }, MAIN);
    const pkgFile = join(dir, 'node_modules', 'mutinfo', 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    pkg.exports['.'].require.types = './dist/types/index.d.ts';
    writeFileSync(pkgFile, JSON.stringify(pkg));
    results.set('control', typecheck(dir));
  });

  it.each(MODES.map((m) => m[0]))('%s', async (mode) => {
    const r = await results.get(mode)!;
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  }, 180_000);

  it('without the CJS declarations a node16 CommonJS consumer fails with TS1479 (the check can fail)', async () => {
    const r = await results.get('control')!;
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('TS1479');
  }, 180_000);
});

describe('the tarball', () => {
  it('holds the bundles, the declarations of the public API, the CLI, LICENSE and the example datasets, and nothing else', () => {
    expect(files).toEqual(expect.arrayContaining([
      'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'bin/mutinfo.mjs',
      'dist/index.mjs', 'dist/index.cjs', 'dist/cli.mjs', 'dist/mutinfo.browser.mjs',
      'dist/types/index.d.ts', 'dist/types/browser.generated.d.ts', 'dist/types-cjs/index.d.ts', 'dist/types-cjs/package.json',
      'data/wine.csv', 'data/iris.csv', 'data/diabetes.csv',
    ]));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // …and no shipped file points at a map it does not ship.
    const code = files.filter((f) => /\.(mjs|cjs|js)$/.test(f));
    const pointing = code.filter((f) => /sourceMappingURL=/.test(readFileSync(join(work, 'nodenext-esm', 'node_modules', 'mutinfo', f), 'utf8')));
    expect(pointing).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/demo/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/types/cli/') || f.startsWith('src/'))).toEqual([]);
  });

  it('every help and README example dataset it names ships in it', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const named = new Set([...readme.matchAll(/mutinfo \w+ (data\/\w+\.csv)/g)].map((m) => m[1]));
    expect(named.size).toBeGreaterThan(0);
    for (const f of named) expect(files).toContain(f);
  });
});

/** A browser entry and every chunk it imports statically, gzipped one by one. */
function gzipWithChunks(entry: string): number {
  const seen = new Set<string>();
  const todo = [entry];
  let total = 0;
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file);
    total += gzipSync(text, { level: 9 }).length;
    for (const m of text.toString('utf8').matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.[^"']+)["']/g)) {
      todo.push(join(file, '..', m[1]));
    }
  }
  return total;
}

describe('size budgets', () => {
  it(`the core browser bundle and its chunks are at most ${BUDGET.browserCoreGzip / KB} KB gzipped, WASM included`, () => {
    expect(gzipWithChunks(join(root, 'dist', 'mutinfo.browser.mjs'))).toBeLessThanOrEqual(BUDGET.browserCoreGzip);
  });

  it(`the library ESM build is at most ${BUDGET.libraryEsm / KB} KB (${BUDGET.libraryEsmGzip / KB} KB gzipped)`, () => {
    const esm = readFileSync(join(root, 'dist', 'index.mjs'));
    expect(esm.length).toBeLessThanOrEqual(BUDGET.libraryEsm);
    expect(gzipSync(esm, { level: 9 }).length).toBeLessThanOrEqual(BUDGET.libraryEsmGzip);
  });

  it(`the CLI bundle is at most ${BUDGET.cli / KB} KB: it imports the library from ./index.mjs`, () => {
    const cli = readFileSync(join(root, 'dist', 'cli.mjs'), 'utf8');
    expect(cli.length).toBeLessThanOrEqual(BUDGET.cli);
    expect([...cli.matchAll(/^import\s[^;]*?from\s*['"](\.[^'"]+)['"]/gm)].map((m) => m[1])).toEqual(['./index.mjs']);
  });

  it(`the packed tarball is at most ${BUDGET.tarball / KB} KB (${BUDGET.unpacked / KB} KB unpacked)`, () => {
    expect(statSync(tarball).size).toBeLessThanOrEqual(BUDGET.tarball);
    const unpacked = files.reduce((s, f) => s + statSync(join(work, 'nodenext-esm', 'node_modules', 'mutinfo', f)).size, 0);
    expect(unpacked).toBeLessThanOrEqual(BUDGET.unpacked);
  });
});

describe('browser subpath bundles (scripts/families.mjs)', () => {
  it('package.json "exports" has one typed entry per browser family, and the core', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const browser = Object.fromEntries(Object.entries(pkg.exports).filter(([k]) => k.startsWith('./browser')));
    expect(browser).toEqual(browserExports());
    for (const f of BROWSER_FAMILIES) expect(existsSync(join(root, 'dist', 'browser', `${f.name}.mjs`))).toBe(true);
  });

  it('browserCoreSource(index, families) drops exactly the families\' re-exports, multi-line ones included', () => {
    const index = [
      '// Public API: re-exports only.',
      "export { a } from './estimators/a.js';",
      'export {',
      '  selectFeatures,',
      '  type SelectOptions,',
      "} from './selection/index.js';",
      "export type { T } from './selection/types.js';",
      "export { te } from './dynamics/index.js';",
      '',
    ].join('\n');
    const core = browserCoreSource(index, [{ name: 'selection', dir: 'selection' }]);
    expect(core).toContain("export { a } from './estimators/a.js';");
    expect(core).toContain("export { te } from './dynamics/index.js';");
    expect(core).not.toContain('selection');
    expect(core).not.toContain('Public API');
  });

  it('the built browser core exports what src/index.ts does, less the families', async () => {
    const core = readFileSync(join(root, 'src', 'browser.generated.ts'), 'utf8');
    expect(core).toBe(browserCoreSource(readFileSync(join(root, 'src', 'index.ts'), 'utf8')));
    const dir = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.mjs'));
    expect(dir).toContain('mutinfo.browser.mjs');
  });
});
