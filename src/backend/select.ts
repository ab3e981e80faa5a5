import type { BackendName, Kernels } from './kernels.js';
import { jsKernels } from './js/index.js';
import { enterCall, initWasm, wasmKernels, wasmReady } from './wasm.js';
import { show } from '../core/validate.js';

/** The per-call `backend` option: a backend by name, or `'auto'` for WASM when it is ready. */
export type BackendOption = BackendName | 'auto';

/**
 * Resolves when the WebAssembly backend is compiled and ready. Node (and Workers)
 * can compile synchronously, so there WASM is ready at the first call anyway; in a
 * browser's main thread, `'auto'` uses the JS backend until this resolves.
 *
 * Cost: one compilation of a ~10 KB module, cached for the life of the page or process.
 * @throws Error where WebAssembly is unavailable (the JS backend keeps working)
 * @example
 * await init();
 * backend(); // => 'wasm'
 */
export function init(): Promise<void> {
  return initWasm();
}

/**
 * The backend that `backend: 'auto'` uses right now.
 * @example
 * backend(); // => 'wasm' in Node; 'js' in a browser before init() resolves
 */
export function backend(): BackendName {
  return wasmReady() ? 'wasm' : 'js';
}

/** The WASM kernels, told which public function is calling (for its out-of-memory message). */
function wasm(fn: string): Kernels {
  enterCall(fn);
  return wasmKernels;
}

/** Maps a validated-or-not `backend` option to the kernels that run the call. */
export function kernelsFor(fn: string, option: unknown): Kernels {
  if (option === undefined || option === 'auto') return wasmReady() ? wasm(fn) : jsKernels;
  if (option === 'js') return jsKernels;
  if (option === 'wasm') {
    if (wasmReady()) return wasm(fn);
    throw new Error(`${fn}: backend 'wasm' is not ready here; await init() first or use backend 'auto'`);
  }
  throw new RangeError(`${fn}: backend must be 'wasm', 'js' or 'auto', got ${show(option)}`);
}
