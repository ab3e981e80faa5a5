// The marginal counts of KSG algorithm 1 for 1-D x against 1-D y under permutations of y:
// both sides are sorted once, and a permutation changes only which y-rank q[r] sits beside
// the x-rank r, so each call searches the fixed sorted values and never sorts.
// Twin: src/backend/js/rankksg.ts.
import { reachDown, reachUp } from './line';

/**
 * counts[t] = #{s ≠ rank(t) : |sorted[s] − sorted[rank(t)]| < radius[t]}, with
 * rank(t) = ranks[t], or t itself when ranks is 0: exponential searches from the point's
 * own rank, strict (KSG algorithm 1).
 */
export function rankCount(sorted: usize, ranks: usize, n: i32, radius: usize, counts: usize): void {
  for (let t = 0; t < n; t++) {
    const r = ranks ? load<i32>(ranks + (<usize>t << 2)) : t;
    const x = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(radius + (<usize>t << 3));
    const c = reachUp(sorted, n, r, x, e, false) - reachDown(sorted, n, r, x, e, false) - 2; // less the point itself
    store<i32>(counts + (<usize>t << 2), c);
  }
}

/**
 * nx[r], ny[r]: the counts strictly within dist[r] of xs[r] among xs and of ys[q[r]] among
 * ys, each excluding the point itself, for the point at x-rank r.
 */
export function rankCounts(xs: usize, ys: usize, q: usize, n: i32, dist: usize, nx: usize, ny: usize): void {
  rankCount(xs, 0, n, dist, nx);
  rankCount(ys, q, n, dist, ny);
}
