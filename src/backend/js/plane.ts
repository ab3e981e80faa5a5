// Pure-TypeScript twin of assembly/plane.ts: 2-D max-norm radius counts as rank rectangles
// (one exponential search per axis) counted offline by a sweep over x-rank with a Fenwick
// tree over y-rank, O(n log n) whatever the counts.
import { argsortF64 } from './radix.js';
import { reachDown, reachUp } from './line.js';

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
  const col = new Float64Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const xperm = new Int32Array(n);
  const yperm = new Int32Array(n);
  for (let i = 0; i < n; i++) col[i] = points[2 * i];
  argsortF64(col, xs, xperm);
  for (let i = 0; i < n; i++) col[i] = points[2 * i + 1];
  argsortF64(col, ys, yperm);
  const ypos = new Int32Array(n);
  for (let r = 0; r < n; r++) ypos[yperm[r]] = r;
  const qa = new Int32Array(n);
  const qb = new Int32Array(n);
  const qc = new Int32Array(n);
  const qd = new Int32Array(n);
  const off = new Int32Array(n + 2);
  for (let r = 0; r < n; r++) {
    const i = xperm[r];
    const e = radius[i];
    const x = xs[r];
    const a = reachDown(xs, r, x, e, inclusive) + 1;
    const b = reachUp(xs, r, x, e, inclusive);
    const q = ypos[i];
    const y = ys[q];
    qc[r] = reachDown(ys, q, y, e, inclusive) + 1;
    qd[r] = reachUp(ys, q, y, e, inclusive);
    qa[r] = a;
    qb[r] = b;
    off[a]++;
    off[b]++;
  }
  for (let p = 1; p < n + 2; p++) off[p] += off[p - 1];
  const ev = new Int32Array(2 * n);
  for (let r = n - 1; r >= 0; r--) {
    ev[--off[qb[r]]] = (r << 1) | 1;
    ev[--off[qa[r]]] = r << 1;
  }
  const fen = new Int32Array(n + 1);
  const cr = new Int32Array(n);
  for (let p = 0; p <= n; p++) {
    const end = off[p + 1];
    for (let t = off[p]; t < end; t++) {
      const v = ev[t];
      const r = v >> 1;
      const inside = below(fen, qd[r]) - below(fen, qc[r]);
      cr[r] += v & 1 ? inside : -inside;
    }
    if (p < n) for (let m = ypos[xperm[p]] + 1; m <= n; m += m & -m) fen[m]++;
  }
  // the rectangle always holds the point itself (both searches start at its own ranks)
  for (let r = 0; r < n; r++) counts[xperm[r]] = cr[r] - 1;
}
