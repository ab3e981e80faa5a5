// The caller's side of a k-NN estimate split over the pool (the workers run knnParts.ts).
// Two rounds: first the joint k-NN queries, split into one share per worker (each worker
// builds its own sorted line, grid or kd-tree of the joint sample); then the marginal
// counts, one task per marginal space (or per share of one, when there are more workers
// than spaces), so no worker sorts a space that another also sorts. The samples go to the
// workers in SharedArrayBuffers, read by all without a copy. The caller merges the shares
// and sums the digammas over all N in index order, as one worker does, so the result is
// bit-identical to workers: 1.
import type { Kernels } from '../backend/kernels.js';
import type { Points } from '../core/points.js';
import { runSync, type TaskSpec } from '../parallel/pool.js';
import { syncWorkers } from '../parallel/options.js';
import type { CountTask, KnnDistTask } from './knnParts.js';
import type { KnnSplitLike } from './ksg.js';

/** The samples side by side (as joinColumns), in a SharedArrayBuffer. */
function shared(parts: readonly Points[]): { data: Float64Array; d: number } {
  const n = parts[0].n;
  const d = parts.reduce((s, p) => s + p.d, 0);
  const data = new Float64Array(new SharedArrayBuffer(n * d * 8));
  if (parts.length === 1) {
    data.set(parts[0].data);
    return { data, d };
  }
  let off = 0;
  for (const p of parts) {
    if (p.d === 1) for (let i = 0; i < n; i++) data[i * d + off] = p.data[i];
    else for (let i = 0; i < n; i++) for (let c = 0; c < p.d; c++) data[i * d + off + c] = p.data[i * p.d + c];
    off += p.d;
  }
  return { data, d };
}

function sharedCopy(a: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(a.length * 8));
  out.set(a);
  return out;
}

/** Round 1: the joint k-NN distances (and KSG-2 extents), each merged by max over the shares. */
function distances(K: Kernels, joint: { data: Float64Array; d: number }, k: number, extentsAt: number, workers: number): Float64Array[] {
  const tasks: TaskSpec[] = [];
  for (let part = 0; part < workers; part++) {
    const payload: KnnDistTask = { points: joint.data, d: joint.d, k, extentsAt, part, parts: workers, backend: K.name };
    tasks.push({ name: 'knnDist', payload });
  }
  const parts = runSync<Float64Array[]>(tasks, workers);
  return parts[0].map((first, m) => {
    const out = sharedCopy(first);
    for (let p = 1; p < parts.length; p++) {
      const r = parts[p][m];
      for (let i = 0; i < out.length; i++) if (r[i] > out[i]) out[i] = r[i];
    }
    return out;
  });
}

/** Round 2: the counts within radius[m] in each marginal space m, each merged by sum over its shares. */
function counts(K: Kernels, spaces: { data: Float64Array; d: number }[], radius: Float64Array[], inclusive: boolean, workers: number): Int32Array[] {
  const shares = Math.ceil(workers / spaces.length);
  const tasks: TaskSpec[] = [];
  spaces.forEach((s, m) => {
    for (let part = 0; part < shares; part++) {
      const payload: CountTask = { points: s.data, d: s.d, radius: radius[m], inclusive, part, parts: shares, backend: K.name };
      tasks.push({ name: 'knnCount', payload });
    }
  });
  const got = runSync<Int32Array>(tasks, workers);
  return spaces.map((_, m) => {
    const out = got[m * shares];
    for (let p = 1; p < shares; p++) {
      const c = got[m * shares + p];
      for (let i = 0; i < out.length; i++) out[i] += c[i];
    }
    return out;
  });
}

/** How a k-NN estimator splits its queries over the pool (undefined: one worker, here). */
export type KnnSplit = KnnSplitLike;

/**
 * Checks the `workers` option of a k-NN estimator (an integer in [1, 1024] or 'auto') and
 * returns the split to use: undefined for one worker, or where a synchronous call cannot
 * block on worker threads (then the call runs here, with the same result).
 */
export function knnSplit(fn: string, K: Kernels, workersOption: unknown): KnnSplit | undefined {
  const workers = syncWorkers(fn, workersOption);
  if (workers <= 1) return undefined;
  return {
    counts(kind, samples, k) {
      const joint = shared(samples);
      const [x, y, z] = samples;
      if (kind === 'fp') {
        const [dist] = distances(K, joint, k, 0, workers);
        const spaces = [shared([x, z]), shared([y, z]), shared([z])];
        return counts(K, spaces, [dist, dist, dist], false, workers);
      }
      const spaces = [shared([x]), shared([y])];
      if (kind === 'ksg1') {
        const [dist] = distances(K, joint, k, 0, workers);
        return counts(K, spaces, [dist, dist], false, workers);
      }
      const [, ex, ey] = distances(K, joint, k, x.d, workers);
      return counts(K, spaces, [ex, ey], true, workers);
    },
    distances(x, k) {
      return distances(K, shared([x]), k, 0, workers)[0];
    },
  };
}
