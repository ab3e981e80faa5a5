// Radius counts in 2-D without a tree. In the max norm a query's ball is a rectangle, and
// on each axis the points within reach of a point are a run of consecutive ranks (line.ts),
// so the ball is the rank rectangle [a, b) × [c, d): one exponential search per axis. The
// rectangles are then counted offline by a sweep over x-rank with a Fenwick tree over
// y-rank (dominance counting): O(n log n) for the whole call whatever the counts, where a
// kd-tree pays per point inside the ball's border. Twin: src/backend/js/plane.ts.
import { argsortF64, argsortScratchBytes } from './radix';
import { reachDown, reachUp } from './line';

/** Bytes of scratch that planeCount needs for n points. */
export function planeScratchBytes(n: i32): usize {
  // xs, ys, col (f64); xperm, yperm, xpos, qy, qb, qc, qd, cr, fenwick (n + 1), events
  // (2n × 3), offsets (n + 2) (i32); the argsort's own scratch
  return (<usize>n * 3 << 3) + ((<usize>n * 16 + 3) << 2) + <usize>argsortScratchBytes(n);
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
  const xs = tmp;
  const ys = xs + (<usize>n << 3);
  const col = ys + (<usize>n << 3);
  const xperm = col + (<usize>n << 3);
  const yperm = at(xperm, n);
  const xpos = at(yperm, n);
  const qy = at(xpos, n);
  const qb = at(qy, n);
  const qc = at(qb, n);
  const qd = at(qc, n);
  const cr = at(qd, n);
  const fen = at(cr, n);
  const ev = at(fen, n + 1);
  const off = at(ev, 6 * n);
  const sortTmp = at(off, n + 2);
  for (let i = 0; i < n; i++) store<f64>(col + (<usize>i << 3), load<f64>(points + (<usize>i << 4)));
  argsortF64(col, n, xs, xperm, sortTmp);
  for (let i = 0; i < n; i++) store<f64>(col + (<usize>i << 3), load<f64>(points + (<usize>i << 4) + 8));
  argsortF64(col, n, ys, yperm, sortTmp);
  // Each query gets its rank rectangle [a, b) × [c, d), searched axis by axis in rank order
  // so that the searches walk sorted values already in cache (in sample order every search
  // of a wide slab missed the cache at each step). On x, [a, b) becomes two events: at a
  // (subtract what lies left of the rectangle) and at b (add what lies left of its end).
  memory.fill(off, 0, (<usize>n + 2) << 2);
  for (let r = 0; r < n; r++) {
    const i = load<i32>(at(xperm, r));
    const e = load<f64>(radius + (<usize>i << 3));
    const x = load<f64>(xs + (<usize>r << 3));
    const a = reachDown(xs, n, r, x, e, inclusive) + 1;
    const b = reachUp(xs, n, r, x, e, inclusive);
    store<i32>(at(xpos, i), r);
    store<i32>(at(cr, r), a);
    store<i32>(at(qb, r), b);
    store<i32>(at(off, a), load<i32>(at(off, a)) + 1);
    store<i32>(at(off, b), load<i32>(at(off, b)) + 1);
  }
  for (let q = 0; q < n; q++) {
    const i = load<i32>(at(yperm, q));
    const e = load<f64>(radius + (<usize>i << 3));
    const y = load<f64>(ys + (<usize>q << 3));
    const r = load<i32>(at(xpos, i));
    store<i32>(at(qy, r), q);
    store<i32>(at(qc, r), reachDown(ys, n, q, y, e, inclusive) + 1);
    store<i32>(at(qd, r), reachUp(ys, n, q, y, e, inclusive));
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
    const a = load<i32>(at(cr, r));
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
  // the rectangle always holds the point itself (both searches start at its own ranks)
  for (let r = 0; r < n; r++) store<i32>(counts + (<usize>load<i32>(at(xperm, r)) << 2), load<i32>(at(cr, r)) - 1);
}
