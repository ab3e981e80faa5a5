// The KDE kernel sums of one space split over the pool: the fixed row blocks of
// src/core/kdeBlocks.ts are dealt out to the workers (the points in a SharedArrayBuffer,
// read by all without a copy), and the caller adds the blocks in block order, as one
// thread does, so the densities are bit-identical to workers: 1.
import type { BackendName, Kernels } from '../backend/kernels.js';
import { kernelsFor } from '../backend/select.js';
import { KDE_BLOCKS, kdeBlockBounds, mergeKdeBlocks } from '../core/kdeBlocks.js';
import { runSync, type TaskSpec } from '../parallel/pool.js';

/** A worker's share: the listed row blocks of the sums of n = points.length / d whitened points. */
export interface KdeBlockTask {
  points: Float64Array;
  d: number;
  blocks: number[];
  backend: BackendName;
}

/** Runs a share of the row blocks (in a pool worker). */
export function kdeBlockTask(t: KdeBlockTask): Float64Array[] {
  const K = kernelsFor('kdeBlocks', t.backend);
  return K.kdeBlocks(t.points, t.d, kdeBlockBounds(t.points.length / t.d), t.blocks);
}

/**
 * Σ_j exp(−½‖p_i − p_j‖²) for each of the whitened points (row-major, d per point), over
 * j ≠ i when leaving one out: on this thread (workers = 1), or with the blocks shared by
 * `workers` pool threads; the same bits either way.
 */
export function kdeSumsOn(K: Kernels, points: Float64Array, d: number, leaveOneOut: boolean, workers: number): Float64Array {
  if (workers <= 1) return K.kdeSums(points, d, leaveOneOut);
  const n = points.length / d;
  const shared = new Float64Array(new SharedArrayBuffer(points.length * 8));
  shared.set(points);
  // Blocks dealt round-robin, so each worker gets early (long) and late (short) rows alike.
  const tasks: TaskSpec[] = [];
  for (let w = 0; w < Math.min(workers, KDE_BLOCKS); w++) {
    const blocks: number[] = [];
    for (let b = w; b < KDE_BLOCKS; b += workers) blocks.push(b);
    const payload: KdeBlockTask = { points: shared, d, blocks, backend: K.name };
    tasks.push({ name: 'kdeBlocks', payload });
  }
  const got = runSync<Float64Array[]>(tasks, workers);
  const parts = new Array<Float64Array>(KDE_BLOCKS);
  got.forEach((arrays, w) => arrays.forEach((a, t) => (parts[w + t * workers] = a)));
  return mergeKdeBlocks(parts, n, leaveOneOut);
}
