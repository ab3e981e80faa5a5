// The pool worker's script, for Node's bundles: inlined, because a synchronous call
// (runSync) starts its workers at once. The browser bundles replace this module with
// workerScript.lazy.ts (rollup.config.mjs), which loads the script as its own chunk.
import { WORKER_SOURCE } from './worker-source.generated.js';

/** Resolves with the worker script once it is loaded (here: at once). */
export function loadWorkerScript(): Promise<string> {
  return Promise.resolve(WORKER_SOURCE);
}

/** The worker script, or undefined where it loads lazily and loadWorkerScript() has not resolved. */
export function workerScript(): string | undefined {
  return WORKER_SOURCE;
}
