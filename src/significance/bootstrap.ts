// Bootstrap percentile intervals: the estimate on resampled pairs (x_i, y_i), replicate i
// drawn from (seed, i) so that any number of workers gives the same interval.
import { seededResample } from '../core/random.js';
import { runAsync, runSync, type TaskSpec } from '../parallel/pool.js';
import type { GenericEstimate } from './statistic.js';

/** The payload of a pool task: bootstrap replicates [from, to) of raw x and y. */
export interface BootstrapTask {
  x: unknown;
  y: unknown;
  options: Record<string, unknown>;
  /** The public function the replicates run for: a worker names it in its errors. */
  fn?: string;
  seed: number;
  from: number;
  to: number;
}

/** Estimates on replicates [from, to). */
export function bootstrapChunk(t: BootstrapTask, estimate: GenericEstimate): Float64Array {
  const xs = t.x as ArrayLike<unknown>;
  const ys = t.y as ArrayLike<unknown>;
  const idx = new Int32Array(xs.length);
  const out = new Float64Array(t.to - t.from);
  for (let i = t.from; i < t.to; i++) {
    seededResample(t.seed, i, idx);
    out[i - t.from] = estimate(Array.from(idx, (j) => xs[j]), Array.from(idx, (j) => ys[j]), t.options);
  }
  return out;
}

function tasksFor(base: Omit<BootstrapTask, 'from' | 'to'>, total: number, workers: number): TaskSpec[] {
  const size = Math.max(4, Math.ceil(total / (workers * 4)));
  const tasks: TaskSpec[] = [];
  for (let a = 0; a < total; a += size) tasks.push({ name: 'bootstrapReplicates', payload: { ...base, from: a, to: Math.min(total, a + size) } });
  return tasks;
}

function concat(parts: Float64Array[], total: number): Float64Array {
  const out = new Float64Array(total);
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

/** All replicates, here or blocking on worker threads. */
export function bootstrapReplicates(base: Omit<BootstrapTask, 'from' | 'to'>, total: number, workers: number, estimate: GenericEstimate): Float64Array {
  if (workers <= 1) return bootstrapChunk({ ...base, from: 0, to: total }, estimate);
  return concat(runSync(tasksFor(base, total, workers), workers) as unknown as Float64Array[], total);
}

/** All replicates on the pool. */
export async function bootstrapReplicatesAsync(
  base: Omit<BootstrapTask, 'from' | 'to'>,
  total: number,
  workers: number,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<Float64Array> {
  const tasks = tasksFor(base, total, workers);
  const size = (tasks[0].payload as BootstrapTask).to;
  const parts = await runAsync(tasks, workers, onProgress && ((d) => onProgress(Math.min(total, d * size))), signal);
  return concat(parts as unknown as Float64Array[], total);
}

/** The percentile interval [q((1 − c)/2), q((1 + c)/2)], quantiles by linear interpolation (numpy's default). */
export function percentileInterval(reps: Float64Array, confidence: number): [number, number] {
  const s = Float64Array.from(reps).sort();
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  };
  return [q((1 - confidence) / 2), q((1 + confidence) / 2)];
}
