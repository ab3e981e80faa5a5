// Pure-TypeScript twin of assembly/plane.ts: 2-D max-norm radius counts as rank rectangles,
// their edges searched from binned rank guesses, counted offline by a sweep over x-rank
// with a Fenwick tree over y-rank, O(n log n) whatever the counts.
import { argsortF64 } from './radix.js';
import { edges } from './line.js';

/** Σ fen[1 … m]: how many inserted points have y-rank < m. */
function below(fen: Int32Array, m: number): number {
  let s = 0;
  while (m > 0) {
    s += fen[m];
    m &= m - 1;
  }
  return s;
}

/**
 * counts[i] = #{j ≠ i : ‖p_j − p_i‖∞ < radius[i]}, or ≤ radius[i] when inclusive, for the
 * points of 2 columns (row-major); a negative radius counts 0. The same numbers as kdCount.
 */
export function planeCount(points: Float64Array, radius: Float64Array, inclusive: boolean, counts: Int32Array): void {
  const n = radius.length;
  if (n === 0) return;
  const col = new Float64Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const xperm = new Int32Array(n);
  const yperm = new Int32Array(n);
  for (let i = 0; i < n; i++) col[i] = points[2 * i];
  argsortF64(col, xs, xperm);
  for (let i = 0; i < n; i++) col[i] = points[2 * i + 1];
  argsortF64(col, ys, yperm);
  const xpos = new Int32Array(n);
  const rr = col;
  for (let r = 0; r < n; r++) {
    xpos[xperm[r]] = r;
    rr[r] = radius[xperm[r]];
  }
  const qa = new Int32Array(n);
  const qb = new Int32Array(n);
  edges(xs, rr, inclusive, qa, qb);
  for (let q = 0; q < n; q++) rr[q] = radius[yperm[q]];
  const yc = new Int32Array(n);
  const yd = new Int32Array(n);
  edges(ys, rr, inclusive, yc, yd);
  // the y-edges, found in y-rank order, move to x-rank order with their query
  const qy = new Int32Array(n);
  const qc = new Int32Array(n);
  const qd = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    const r = xpos[yperm[q]];
    qy[r] = q;
    qc[r] = yc[q];
    qd[r] = yd[q];
  }
  const off = new Int32Array(n + 2);
  for (let r = 0; r < n; r++) {
    off[qa[r]]++;
    off[qb[r]]++;
  }
  for (let p = 1; p < n + 2; p++) off[p] += off[p - 1];
  const ev = new Int32Array(6 * n);
  for (let r = n - 1; r >= 0; r--) {
    let o = --off[qb[r]];
    ev[3 * o] = (r << 1) | 1;
    ev[3 * o + 1] = qc[r];
    ev[3 * o + 2] = qd[r];
    o = --off[qa[r]];
    ev[3 * o] = r << 1;
    ev[3 * o + 1] = qc[r];
    ev[3 * o + 2] = qd[r];
  }
  const fen = new Int32Array(n + 1);
  const cr = new Int32Array(n);
  for (let p = 0; p <= n; p++) {
    const end = off[p + 1];
    for (let t = off[p]; t < end; t++) {
      const v = ev[3 * t];
      const r = v >> 1;
      const inside = below(fen, ev[3 * t + 2]) - below(fen, ev[3 * t + 1]);
      cr[r] += v & 1 ? inside : -inside;
    }
    if (p < n) for (let m = qy[p] + 1; m <= n; m += m & -m) fen[m]++;
  }
  // the rectangle always holds the point itself (outAbove and outBelow count r as within)
  for (let r = 0; r < n; r++) counts[xperm[r]] = cr[r] - 1;
}
