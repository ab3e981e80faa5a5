// The dynamic-correlation exclusion (Theiler) window of the k-NN estimators on time
// series, JIDT's DYN_CORR_EXCL: point j is no neighbour of point i, and is not counted
// around it, when both come from the same trial and |t_i − t_j| ≤ w. Built on top of the
// ordinary kernels: ask for k + 2w neighbours and drop the excluded ones; subtract the
// excluded points that a range count included. Both backends share this code.
import type { Kernels, Neighbours } from '../backend/kernels.js';
import type { Points } from '../core/points.js';

/** A Theiler window over pooled observations: trial t holds the rows [starts[t], starts[t+1]). */
export interface Exclusion {
  w: number;
  /** first[i] and last[i]: the first and last row of i's trial. */
  first: Int32Array;
  last: Int32Array;
}

/** The exclusion of window w for trials of the given observation counts, or null when w = 0. */
export function exclusion(w: number, counts: readonly number[]): Exclusion | null {
  if (w === 0) return null;
  const n = counts.reduce((a, b) => a + b, 0);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  let s = 0;
  for (const c of counts) {
    for (let i = s; i < s + c; i++) {
      first[i] = s;
      last[i] = s + c - 1;
    }
    s += c;
  }
  return { w, first, last };
}

/** Max-norm distance between rows i and j, each coordinate difference as the kernels take it. */
export function rowDist(data: Float64Array, d: number, i: number, j: number): number {
  let m = 0;
  for (let c = 0; c < d; c++) {
    const x = Math.abs(data[j * d + c] - data[i * d + c]);
    if (x > m) m = x;
  }
  return m;
}

/** The smallest number of non-excluded others any point has (n − 1 without a window). */
export function minCandidates(n: number, ex: Exclusion | null): number {
  if (!ex) return n - 1;
  let m = n;
  for (let i = 0; i < n; i++) {
    const inWin = Math.min(ex.last[i], i + ex.w) - Math.max(ex.first[i], i - ex.w) + 1;
    m = Math.min(m, n - inWin);
  }
  return m;
}

/**
 * The k nearest non-excluded neighbours in max norm: dist[i] and, when asked, their
 * indices (row i of idx, k entries). The k-th distance is exact: at most 2w points are
 * excluded, so they lie among the k + 2w nearest. With indices, ties at the k-th distance
 * go to the lowest index (a full scan settles them), so that KSG algorithm 2, whose
 * extents depend on which tied point is a neighbour, gives the same numbers on both
 * backends, and JIDT's on delay embeddings, where equal distances recur because rows
 * share values. Callers check k ≤ minCandidates.
 */
export function knnExcluded(K: Kernels, p: Points, k: number, ex: Exclusion | null, withIdx: boolean): Neighbours {
  const { data, d, n } = p;
  if (!ex && !withIdx) return K.knnMaxNorm(data, d, k, false);
  const w = ex ? ex.w : 0;
  const kk = Math.min(k + 2 * w + (withIdx ? 1 : 0), n - 1);
  const nb = K.knnMaxNorm(data, d, kk, true);
  const all = nb.idx!;
  const dist = new Float64Array(n);
  const idx = withIdx ? new Int32Array(n * k) : null;
  const excluded = (i: number, j: number): boolean => j === i || (ex !== null && j >= ex.first[i] && j <= ex.last[i] && Math.abs(j - i) <= w);
  const byDistThenIndex = (a: { j: number; e: number }, b: { j: number; e: number }) => a.e - b.e || a.j - b.j;
  let cand: { j: number; e: number }[] = [];
  for (let i = 0; i < n; i++) {
    cand.length = 0;
    for (let s = 0; s < kk; s++) {
      const j = all[i * kk + s];
      if (!excluded(i, j)) cand.push({ j, e: rowDist(data, d, i, j) });
    }
    cand.sort(byDistThenIndex);
    dist[i] = cand[k - 1].e;
    if (!idx) continue;
    if (cand.length > k && cand[k].e === cand[k - 1].e) {
      // a tie at the k-th distance: points the kernel did not list may share it
      const r = dist[i];
      cand = [];
      for (let j = 0; j < n; j++) {
        if (excluded(i, j)) continue;
        const e = rowDist(data, d, i, j);
        if (e <= r) cand.push({ j, e });
      }
      cand.sort(byDistThenIndex);
    }
    for (let s = 0; s < k; s++) idx[i * k + s] = cand[s].j;
  }
  return { dist, idx };
}

/** Removes from counts[i] the excluded j ≠ i within radius[i] (strict, or ≤ when inclusive). */
export function dropExcluded(counts: Int32Array, p: Points, radius: Float64Array, inclusive: boolean, ex: Exclusion | null): Int32Array {
  if (!ex) return counts;
  const { data, d, n } = p;
  for (let i = 0; i < n; i++) {
    const a = Math.max(ex.first[i], i - ex.w);
    const b = Math.min(ex.last[i], i + ex.w);
    const r = radius[i];
    for (let j = a; j <= b; j++) {
      if (j === i) continue;
      const e = rowDist(data, d, i, j);
      if (inclusive ? e <= r : e < r) counts[i]--;
    }
  }
  return counts;
}

/** Removes from box counts the excluded j ≠ i inside i's box (half-widths per column). */
export function dropExcludedBox(counts: Int32Array, data: Float64Array, d: number, half: Float64Array, ex: Exclusion | null): Int32Array {
  if (!ex) return counts;
  const n = counts.length;
  for (let i = 0; i < n; i++) {
    const a = Math.max(ex.first[i], i - ex.w);
    const b = Math.min(ex.last[i], i + ex.w);
    for (let j = a; j <= b; j++) {
      if (j === i) continue;
      let ok = true;
      for (let c = 0; c < d && ok; c++) ok = Math.abs(data[j * d + c] - data[i * d + c]) <= half[i * d + c];
      if (ok) counts[i]--;
    }
  }
  return counts;
}

/** Max over row i's k neighbours of the max-norm distance on columns [from, to): KSG 2's ε per subspace. */
export function extent(K: Kernels, p: Points, from: number, to: number, idx: Int32Array, k: number): Float64Array {
  return K.neighbourExtent(p.data, p.d, from, to, idx, k);
}
