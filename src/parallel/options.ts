// The pool's options as the public functions take them, checked at the edge.
import { intIn, show } from '../core/validate.js';
import { canRunSync, coreCount, maxPoolThreads } from './pool.js';

/** The largest `workers` accepted; the pool itself runs at most one thread per core. */
export const MAX_WORKERS = 1024;

/** Validates `workers`: an integer in [1, 1024] or 'auto' (one per core). Default 1. */
export function workerCount(fn: string, v: unknown): number {
  if (v === undefined) return 1;
  if (v === 'auto') return coreCount();
  return intIn(fn, 'workers', v, 1, MAX_WORKERS, `[1, ${MAX_WORKERS}] or 'auto'`);
}

/**
 * The threads a synchronous call will block on: `workers` capped at the core count, and 1
 * where worker_threads cannot be reached synchronously (Node < 20.16 has no
 * process.getBuiltinModule; a browser's main thread cannot block), where the call runs here.
 */
export function syncWorkers(fn: string, v: unknown): number {
  const w = workerCount(fn, v);
  if (w <= 1 || !canRunSync()) return 1;
  return Math.min(w, maxPoolThreads());
}

/** Validates the Async forms' `onProgress` (a function) and `signal` (an AbortSignal, or anything shaped like one). */
export function asyncOptions(fn: string, o: Record<string, unknown>) {
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new TypeError(`${fn}: onProgress must be a function, got ${show(o.onProgress)}`);
  }
  const signal = o.signal as AbortSignal | undefined;
  if (
    signal !== undefined &&
    (signal === null ||
      typeof signal !== 'object' ||
      typeof signal.aborted !== 'boolean' ||
      typeof signal.addEventListener !== 'function' ||
      typeof signal.removeEventListener !== 'function')
  ) {
    throw new TypeError(`${fn}: signal must be an AbortSignal, got ${show(signal)}`);
  }
  return { onProgress: o.onProgress as ((done: number, total: number) => void) | undefined, signal };
}

/**
 * Checks, at the public edge, that options about to be posted to worker threads survive a
 * structured clone, so that a value the estimator never looked at (a function, a symbol)
 * gives a TypeError naming the option and not a DataCloneError from deep inside the pool.
 * Each value is cloned on its own (options are small) to name the one that fails.
 */
export function checkCloneable(fn: string, o: Record<string, unknown>): void {
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v === undefined) continue;
    try {
      structuredClone(v);
    } catch {
      throw new TypeError(`${fn}: ${key} cannot be sent to a worker thread (got ${typeof v === 'function' ? 'a function' : show(v)}); pass numbers, strings, booleans or arrays of them`);
    }
  }
}
