// The pool worker's script, for the browser bundles (rollup.config.mjs puts this module in
// place of workerScript.ts): the script (~30 KB gzipped) is its own chunk, fetched on the
// first pool use rather than with the core bundle. Browsers only run pool work from the
// Async functions, which await loadWorkerScript() before starting workers.
let script: string | undefined;

/** Loads the worker script's chunk once, and resolves with the script. */
export async function loadWorkerScript(): Promise<string> {
  script ??= (await import('./worker-source.generated.js')).WORKER_SOURCE;
  return script;
}

/** The worker script, or undefined until loadWorkerScript() has resolved. */
export function workerScript(): string | undefined {
  return script;
}
