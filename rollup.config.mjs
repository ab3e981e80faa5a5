// Three bundles from one source, each with the WASM inlined (src/backend/wasm-bytes.generated.ts):
// Node ESM, Node CJS, and a single-file minified ESM for browsers and Workers.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

const plugins = () => [
  nodeResolve({ browser: false }),
  commonjs(),
  typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: 'dist', noEmitOnError: true }),
];

export default [
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
