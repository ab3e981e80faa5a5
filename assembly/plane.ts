// Radius counts in 2-D without a tree. In the max norm a query's ball is a rectangle, and
// on each axis the points within reach of a point are a run of consecutive ranks (line.ts),
// so the ball is the rank rectangle [a, b) × [c, d). Its edges come from searches on each
// axis that start from guesses read off a table of equal-width bins of the sorted values,
// a rank or two from the answer. The rectangles are then counted offline by a sweep over
// x-rank with a Fenwick tree over y-rank (dominance counting): O(n log n) for the whole
// call whatever the counts, where a kd-tree pays per point inside the ball's border.
// Twin: src/backend/js/plane.ts.
import { argsortF64, argsortScratchBytes } from './radix';
import { binCount, edges } from './line';

/** Bytes of scratch that planeCount needs for n points. */
export function planeScratchBytes(n: i32): usize {
  // xs, ys, col, rr (f64); xperm, yperm, kp, xpos, qy, qa, qb, qc, qd, cr, fenwick
  // (n + 1), events (2n × 3), offsets (n + 2), bin tables (binCount(n) + 1, then n) (i32);
  // the argsort's own scratch, 8-aligned
  return (<usize>n * 4 << 3) + ((<usize>n * 19 + 4 + <usize>binCount(n)) << 2) + 8 + <usize>argsortScratchBytes(n);
}

// @ts-ignore: decorator
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}

/** Σ fenwick[1 … m]: how many inserted points have y-rank < m. */
// @ts-ignore: decorator
@inline function below(fen: usize, m: i32): i32 {
  let s = 0;
  while (m > 0) {
    s += load<i32>(at(fen, m));
    m &= m - 1;
  }
  return s;
}

/**
 * counts[i] = #{j ≠ i : ‖p_j − p_i‖∞ < radius[i]}, or ≤ radius[i] when inclusive, for the
 * n points of 2 columns (row-major) at `points`; a negative radius counts 0. The same
 * numbers as kdCount: each axis compares fl(p_j − p_i) with the radius, as the tree does.
 * `tmp` holds planeScratchBytes(n) bytes.
 */
export function planeCount(points: usize, n: i32, radius: usize, inclusive: bool, counts: usize, tmp: usize): void {
  if (n == 0) return;
  const xs = tmp;
  const ys = xs + (<usize>n << 3);
  const col = ys + (<usize>n << 3);
  const rr = col + (<usize>n << 3);
  const xperm = rr + (<usize>n << 3);
  const yperm = at(xperm, n);
  const kp = at(yperm, n);
  const xpos = at(kp, n);
  const qy = at(xpos, n);
  const qa = at(qy, n);
  const qb = at(qa, n);
  const qc = at(qb, n);
  const qd = at(qc, n);
  const cr = at(qd, n);
  const fen = at(cr, n);
  const ev = at(fen, n + 1);
  const off = at(ev, 6 * n);
  const sub = at(off, n + 2);
  const first = at(sub, n);
  const sortTmp = (at(first, binCount(n) + 1) + 7) & ~(<usize>7);
  for (let i = 0; i < n; i++) store<f64>(col + (<usize>i << 3), load<f64>(points + (<usize>i << 4)));
  argsortF64(col, n, xs, xperm, sortTmp);
  for (let i = 0; i < n; i++) store<f64>(col + (<usize>i << 3), load<f64>(points + (<usize>i << 4) + 8));
  argsortF64(col, n, ys, yperm, sortTmp);
  // Each query's rank rectangle [a, b) × [c, d), axis by axis. On x, [a, b) becomes two
  // events: at a (subtract what lies left of the rectangle) and at b (add what lies left of
  // its end). The y-edges (found in y-rank order) move to x-rank order with the query.
  for (let r = 0; r < n; r++) {
    const i = load<i32>(at(xperm, r));
    store<i32>(at(xpos, i), r);
    store<f64>(rr + (<usize>r << 3), load<f64>(radius + (<usize>i << 3)));
  }
  edges(xs, n, rr, inclusive, qa, qb, first, sub);
  for (let q = 0; q < n; q++) store<f64>(rr + (<usize>q << 3), load<f64>(radius + (<usize>load<i32>(at(yperm, q)) << 3)));
  edges(ys, n, rr, inclusive, qc, cr, first, sub);
  for (let q = 0; q < n; q++) {
    const r = load<i32>(at(xpos, load<i32>(at(yperm, q))));
    store<i32>(at(qy, r), q);
    store<i32>(at(qd, r), load<i32>(at(cr, q)));
    store<i32>(at(kp, r), load<i32>(at(qc, q)));
  }
  memory.copy(qc, kp, <usize>n << 2);
  memory.fill(off, 0, (<usize>n + 2) << 2);
  for (let r = 0; r < n; r++) {
    const a = load<i32>(at(qa, r));
    const b = load<i32>(at(qb, r));
    store<i32>(at(off, a), load<i32>(at(off, a)) + 1);
    store<i32>(at(off, b), load<i32>(at(off, b)) + 1);
  }
  for (let p = 1; p < n + 2; p++) store<i32>(at(off, p), load<i32>(at(off, p)) + load<i32>(at(off, p - 1)));
  // Place the events from the back, so off[p] ends as the start of bucket p. Each carries
  // its query's y-range, so the sweep reads events in order without a jump per query.
  for (let r = n - 1; r >= 0; r--) {
    const c = load<i32>(at(qc, r));
    const d = load<i32>(at(qd, r));
    let o = load<i32>(at(off, load<i32>(at(qb, r)))) - 1;
    store<i32>(at(off, load<i32>(at(qb, r))), o);
    store<i32>(at(ev, 3 * o), (r << 1) | 1);
    store<i32>(at(ev, 3 * o + 1), c);
    store<i32>(at(ev, 3 * o + 2), d);
    const a = load<i32>(at(qa, r));
    o = load<i32>(at(off, a)) - 1;
    store<i32>(at(off, a), o);
    store<i32>(at(ev, 3 * o), r << 1);
    store<i32>(at(ev, 3 * o + 1), c);
    store<i32>(at(ev, 3 * o + 2), d);
  }
  memory.fill(fen, 0, (<usize>n + 1) << 2);
  memory.fill(cr, 0, <usize>n << 2);
  for (let p = 0; p <= n; p++) {
    const end = load<i32>(at(off, p + 1));
    for (let t = load<i32>(at(off, p)); t < end; t++) {
      const v = load<i32>(at(ev, 3 * t));
      const r = v >> 1;
      const inside = below(fen, load<i32>(at(ev, 3 * t + 2))) - below(fen, load<i32>(at(ev, 3 * t + 1)));
      store<i32>(at(cr, r), load<i32>(at(cr, r)) + (v & 1 ? inside : -inside));
    }
    if (p < n) {
      for (let m = load<i32>(at(qy, p)) + 1; m <= n; m += m & -m) {
        store<i32>(at(fen, m), load<i32>(at(fen, m)) + 1);
      }
    }
  }
  // the rectangle always holds the point itself (outAbove and outBelow count r as within)
  for (let r = 0; r < n; r++) store<i32>(counts + (<usize>load<i32>(at(xperm, r)) << 2), load<i32>(at(cr, r)) - 1);
}
