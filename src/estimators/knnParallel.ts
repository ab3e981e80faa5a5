// The caller's side of a k-NN estimate split over the pool (the workers run knnPart,
// knnParts.ts): the joint sample goes to the workers once, in a SharedArrayBuffer; their
// shares are merged here, and the digammas are summed by the caller over all N in index
// order, as with one worker, so the result is bit-identical to workers: 1.
import type { Kernels } from '../backend/kernels.js';
import type { Points } from '../core/points.js';
import { runSync, type TaskSpec } from '../parallel/pool.js';
import { syncWorkers } from '../parallel/options.js';
import { range, type KnnPartKind, type KnnPartTask } from './knnParts.js';

/** The samples side by side (as joinColumns), in a SharedArrayBuffer so the workers read one copy. */
function sharedJoint(parts: readonly Points[]): { data: Float64Array; d: number } {
  const n = parts[0].n;
  const d = parts.reduce((s, p) => s + p.d, 0);
  const data = new Float64Array(new SharedArrayBuffer(n * d * 8));
  let off = 0;
  for (const p of parts) {
    for (let i = 0; i < n; i++) for (let c = 0; c < p.d; c++) data[i * d + off + c] = p.data[i * p.d + c];
    off += p.d;
  }
  return { data, d };
}

function tasks(kind: KnnPartKind, K: Kernels, samples: readonly Points[], k: number, workers: number): TaskSpec[] {
  const { data, d } = sharedJoint(samples);
  return range(0, workers).map((part) => ({
    name: 'knnPart',
    payload: { kind, points: data, d, dx: samples[0].d, dy: samples[1]?.d ?? 0, k, part, parts: workers, backend: K.name } satisfies KnnPartTask,
  }));
}

/** Element-wise sum of each share's counts: every query is counted in exactly one share. */
function mergeCounts(parts: Int32Array[][]): Int32Array[] {
  return parts[0].map((_, m) => {
    const out = parts[0][m].slice();
    for (let p = 1; p < parts.length; p++) {
      const c = parts[p][m];
      for (let i = 0; i < out.length; i++) out[i] += c[i];
    }
    return out;
  });
}

/** The marginal counts of a KSG or Frenzel–Pompe estimate, computed over `workers` threads. */
export function parallelCounts(kind: 'ksg1' | 'ksg2' | 'fp', K: Kernels, samples: readonly Points[], k: number, workers: number): Int32Array[] {
  return mergeCounts(runSync<Int32Array[]>(tasks(kind, K, samples, k, workers), workers));
}

/** The k-NN distances of every point of x, computed over `workers` threads. */
export function parallelDistances(K: Kernels, x: Points, k: number, workers: number): Float64Array {
  const parts = runSync<Float64Array>(tasks('kl', K, [x], k, workers), workers);
  const out = parts[0].slice();
  for (let p = 1; p < parts.length; p++) {
    const r = parts[p];
    for (let i = 0; i < out.length; i++) if (r[i] > out[i]) out[i] = r[i];
  }
  return out;
}

/** How a k-NN estimator splits its queries over the pool (undefined: one worker, here). */
export interface KnnSplit {
  counts(kind: 'ksg1' | 'ksg2' | 'fp', samples: readonly Points[], k: number): Int32Array[];
  distances(x: Points, k: number): Float64Array;
}

/**
 * Checks the `workers` option of a k-NN estimator (an integer in [1, 1024] or 'auto') and
 * returns the split to use: undefined for one worker, or where a synchronous call cannot
 * block on worker threads (then the call runs here, with the same result).
 */
export function knnSplit(fn: string, K: Kernels, workersOption: unknown): KnnSplit | undefined {
  const workers = syncWorkers(fn, workersOption);
  if (workers <= 1) return undefined;
  return {
    counts: (kind, samples, k) => parallelCounts(kind, K, samples, k, workers),
    distances: (x, k) => parallelDistances(K, x, k, workers),
  };
}
