// BUILD=worker: the pool's worker script (one IIFE, inlined later as a string).
// Otherwise: bundles from one source, each with the WASM inlined: Node ESM and Node CJS
// (the worker script inlined too), and minified ESM for browsers and Workers — the core
// (dist/mutinfo.browser.mjs) plus one subpath bundle per optional family of
// scripts/families.mjs (dist/browser/<name>.mjs), code-split so they share one copy of the
// core and its WASM, with the worker script a chunk of its own loaded on first pool use.
// Then the CLI (dist/cli.mjs), which imports the library from ./index.mjs.
// Then the demo page (demo/ -> dist/demo/), which imports the core browser bundle as is.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { BROWSER_FAMILIES, browserCoreSource } from './scripts/families.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

// The CLI imports the library as it ships (dist/index.mjs) rather than bundling a second copy.
const LIBRARY = fileURLToPath(new URL('./src/index.js', import.meta.url));
const CLI_DEPS = ['commander', 'csv-parse', 'cli-progress'];

// Minifier settings for the shipped bundles: modern syntax and a few more passes keep the
// browser bundles small. Comments go, except license headers (`@license`, `@preserve`, `/*!`),
// should a bundled dependency carry one.
const TERSER = { ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: 'some' } };

// The core browser entry: src/index.ts without the families that get their own subpath.
// Written as a file under src/ so that the TypeScript plugin compiles it and tsc emits its
// types (dist/types/browser.generated.d.ts, the types of `mutinfo/browser`).
const BROWSER_CORE = 'src/browser.generated.ts';
if (process.env.BUILD !== 'worker') {
  writeFileSync(BROWSER_CORE, browserCoreSource(readFileSync('src/index.ts', 'utf8')));
  // Chunks are named by content hash: old ones must not linger into the package.
  rmSync('dist/browser', { recursive: true, force: true });
}

// Optional engines are loaded by dynamic import at run time, never bundled.
const OPTIONAL = ['@duckdb/node-api'];

const plugins = () => [
  nodeResolve({ browser: false }),
  commonjs(),
  typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: undefined, noEmitOnError: true }),
];

/** Copies the page, the bundled datasets and the browser bundles next to the demo's scripts. */
function demoAssets() {
  return {
    name: 'demo-assets',
    generateBundle() {
      const files = { 'index.html': 'demo/index.html', 'mutinfo.browser.mjs': 'dist/mutinfo.browser.mjs' };
      for (const f of readdirSync('data')) files[`data/${f}`] = `data/${f}`;
      if (existsSync('dist/browser')) {
        for (const f of readdirSync('dist/browser')) if (f.endsWith('.mjs')) files[`browser/${f}`] = `dist/browser/${f}`;
      }
      for (const [fileName, from] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
      }
    },
  };
}

// Pool workers receive the compiled WASM module from the main thread, so their bundle
// leaves out the WASM bytes instead of carrying them a second time.
const noWasmBytes = {
  name: 'no-wasm-bytes',
  resolveId: (id) => (id.endsWith('wasm-bytes.generated.js') ? '\0no-wasm-bytes' : null),
  load: (id) => (id === '\0no-wasm-bytes' ? "export const WASM_BASE64 = '';" : null),
};

// Worker code that reaches the pool (a task that itself runs nested pool work) must not inline
// the previous build's worker script: each build would nest the last one inside itself.
const noWorkerSource = {
  name: 'no-worker-source',
  resolveId: (id) => (id.endsWith('worker-source.generated.js') ? '\0no-worker-source' : null),
  load: (id) => (id === '\0no-worker-source' ? "export const WORKER_SOURCE = '';" : null),
};

// The browser bundles load the pool worker's script (~30 KB gzipped) as its own chunk on the
// first pool use: src/parallel/workerScript.ts (inlined, for Node's bundles) is swapped for
// its lazy twin, whose dynamic import rollup splits off.
const lazyWorkerScript = {
  name: 'lazy-worker-script',
  async resolveId(id, importer) {
    if (!id.endsWith('/workerScript.js') || importer === undefined) return null;
    const resolved = await this.resolve(id.replace(/workerScript\.js$/, 'workerScript.lazy.js'), importer, { skipSelf: true });
    return resolved;
  },
};

const worker = {
  input: 'src/parallel/worker-entry.ts',
  // No comments at all: this script is inlined into bundles that carry the license headers once.
  output: { file: 'build/worker.js', format: 'iife', plugins: [terser({ ...TERSER, format: { comments: false } })] },
  plugins: [noWasmBytes, noWorkerSource, ...plugins()],
};

// The shipped bundles get source maps for work in this repository, but `hidden` ones: the
// package leaves the .map files out, so the bundles must not point at them (a bundler or
// devtools would warn about each missing map).
const lib = [
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.mjs', format: 'es', sourcemap: 'hidden' },
      { file: 'dist/index.cjs', format: 'cjs', sourcemap: 'hidden', exports: 'named' },
    ],
    external: OPTIONAL,
    plugins: plugins(),
  },
  {
    input: {
      'mutinfo.browser': BROWSER_CORE,
      ...Object.fromEntries(BROWSER_FAMILIES.map((f) => [`browser/${f.name}`, `src/${f.dir}/index.ts`])),
    },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'browser/[name]-[hash].mjs',
      sourcemap: 'hidden',
      plugins: [terser(TERSER)],
    },
    external: OPTIONAL,
    plugins: [lazyWorkerScript, ...plugins()],
  },
  {
    input: 'src/cli/main.ts',
    output: { file: 'dist/cli.mjs', format: 'es', sourcemap: 'hidden', paths: { [LIBRARY]: './index.mjs' } },
    // Every CLI module reaches the library through src/index.js (`../index.js`,
    // `../../index.js`), which stays external and becomes ./index.mjs. Only the CLI's own
    // code and small self-contained modules (core/subsample.ts, core/missingCells.ts, tables/fileItem.ts) are bundled.
    external: (id, importer, resolved) =>
      id.startsWith('node:') ||
      OPTIONAL.includes(id) ||
      CLI_DEPS.some((d) => id === d || id.startsWith(`${d}/`)) ||
      id === LIBRARY ||
      (!resolved && importer !== undefined && id.startsWith('.') && resolve(dirname(importer), id) === LIBRARY),
    plugins: plugins(),
  },
  // Runs after the browser bundle is written (rollup builds an array of configs in order).
  {
    input: { main: 'demo/main.ts', worker: 'demo/worker.ts' },
    external: ['mutinfo', 'mutinfo/browser/significance', 'mutinfo/browser/selection'],
    output: {
      dir: 'dist/demo',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
      sourcemap: true,
      // The page loads the core bundle and the two family bundles it uses, as a site would.
      paths: {
        mutinfo: './mutinfo.browser.mjs',
        'mutinfo/browser/significance': './browser/significance.mjs',
        'mutinfo/browser/selection': './browser/selection.mjs',
      },
      plugins: [terser(TERSER)],
    },
    plugins: [typescript({ tsconfig: './demo/tsconfig.json', noEmitOnError: true }), demoAssets()],
  },
];

export default process.env.BUILD === 'worker' ? worker : lib;
