// The permutation null distribution: statistic i is the estimate with y reordered by
// permutation i of the seed (core/random.ts), so any split of the indices over workers
// gives the same numbers, bit for bit.
import { drawShuffle, type Scheme } from './schemes.js';
import { runAsync, runSync, type TaskSpec } from '../parallel/pool.js';
import { makeStatistic, type GenericEstimate, type StatisticSpec } from './statistic.js';

/** The payload of a pool task: permutations [from, to) of a spec. */
export interface NullTask {
  spec: StatisticSpec;
  seed: number;
  from: number;
  to: number;
  /** How to shuffle; default plain permutations. */
  scheme?: Scheme;
}

/** The statistics of permutations [from, to). */
export function nullChunk(t: NullTask, generic?: GenericEstimate): Float64Array {
  const stat = makeStatistic(t.spec, generic);
  const perm = new Int32Array(t.spec.n);
  const out = new Float64Array(t.to - t.from);
  const scheme = t.scheme ?? { kind: 'plain' };
  for (let i = t.from; i < t.to; i++) out[i - t.from] = stat(drawShuffle(scheme, t.seed, i, perm));
  return out;
}

/** Splits [0, total) into about 4 chunks per worker (at least 8 indices each). */
function chunks(total: number, workers: number): [number, number][] {
  const size = Math.max(8, Math.ceil(total / (workers * 4)));
  const out: [number, number][] = [];
  for (let a = 0; a < total; a += size) out.push([a, Math.min(total, a + size)]);
  return out;
}

function tasksFor(spec: StatisticSpec, seed: number, total: number, workers: number, scheme?: Scheme): TaskSpec[] {
  return chunks(total, workers).map(([from, to]) => ({ name: 'permutationNulls', payload: { spec, seed, from, to, scheme } satisfies NullTask }));
}

function concat(parts: Float64Array[], total: number): Float64Array {
  const out = new Float64Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The whole null distribution, here (workers ≤ 1) or blocking on worker threads (Node). */
export function nullDistribution(
  spec: StatisticSpec,
  seed: number,
  total: number,
  workers: number,
  generic?: GenericEstimate,
  scheme?: Scheme,
): Float64Array {
  if (workers <= 1) return nullChunk({ spec, seed, from: 0, to: total, scheme }, generic);
  // The pool's replies carry whatever the task returned; this task returns a Float64Array.
  return concat(runSync(tasksFor(spec, seed, total, workers, scheme), workers) as unknown as Float64Array[], total);
}

/** The whole null distribution on the pool, with progress in permutations and cancellation. */
export async function nullDistributionAsync(
  spec: StatisticSpec,
  seed: number,
  total: number,
  workers: number,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
  scheme?: Scheme,
): Promise<Float64Array> {
  const tasks = tasksFor(spec, seed, total, workers, scheme);
  const sizes = tasks.map((t) => (t.payload as NullTask).to - (t.payload as NullTask).from);
  let done = 0;
  let finished = 0;
  const progress = onProgress && ((d: number) => {
    while (finished < d) done += sizes[finished++];
    onProgress(done, total);
  });
  const parts = await runAsync(tasks, workers, progress, signal);
  return concat(parts as unknown as Float64Array[], total);
}

/**
 * How close a null statistic must be to the observed one to count as a tie, relative to
 * max(1, |observed|). A permutation that leaves the statistic unchanged in exact arithmetic
 * (a shuffle inside a class, a relabelling) may give it a few ulps above or below the observed
 * value, and the two backends round differently; comparing with a tolerance, as
 * scipy.stats.permutation_test does (100·ε·|observed|), counts such a null on both. The
 * statistics are sums of logs and digammas of magnitude up to ln N, so the floor of 1 keeps
 * the tolerance above their rounding when the observed value is near 0.
 */
export const TIE_TOLERANCE = 1e-10;

/**
 * p = (1 + #{null ≥ observed − tol}) / (1 + permutations), never 0 (Phipson & Smyth, 2010),
 * with tol = TIE_TOLERANCE · max(1, |observed|) so that nulls tied with the observed value up
 * to rounding count, identically on both backends.
 */
export function permutationPValue(observed: number, nulls: Float64Array): number {
  const threshold = observed - TIE_TOLERANCE * Math.max(1, Math.abs(observed));
  let c = 0;
  for (let i = 0; i < nulls.length; i++) if (nulls[i] >= threshold) c++;
  return (1 + c) / (1 + nulls.length);
}

/** Mean and sample standard deviation (n − 1; 0 for one value). */
export function meanStd(v: Float64Array): [number, number] {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += v[i];
  m /= v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - m) ** 2;
  return [m, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0];
}
