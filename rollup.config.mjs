// BUILD=worker: the pool's worker script (one IIFE, inlined later as a string).
// Otherwise: three bundles from one source, each with the WASM and the worker inlined:
// Node ESM, Node CJS, and a single-file minified ESM for browsers and Workers.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

const plugins = () => [
  nodeResolve({ browser: false }),
  commonjs(),
  typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: undefined, noEmitOnError: true }),
];

// Pool workers receive the compiled WASM module from the main thread, so their bundle
// leaves out the WASM bytes instead of carrying them a second time.
const noWasmBytes = {
  name: 'no-wasm-bytes',
  resolveId: (id) => (id.endsWith('wasm-bytes.generated.js') ? '\0no-wasm-bytes' : null),
  load: (id) => (id === '\0no-wasm-bytes' ? "export const WASM_BASE64 = '';" : null),
};

const worker = {
  input: 'src/parallel/worker-entry.ts',
  output: { file: 'build/worker.js', format: 'iife', plugins: [terser()] },
  plugins: [noWasmBytes, ...plugins()],
};

const lib = [
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.mjs', format: 'es', sourcemap: true },
      { file: 'dist/index.cjs', format: 'cjs', sourcemap: true, exports: 'named' },
    ],
    plugins: plugins(),
  },
  {
    input: 'src/index.ts',
    output: { file: 'dist/mutinfo.browser.mjs', format: 'es', sourcemap: true, plugins: [terser()] },
    plugins: plugins(),
  },
];

export default process.env.BUILD === 'worker' ? worker : lib;
