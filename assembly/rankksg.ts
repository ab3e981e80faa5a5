// The marginal counts of KSG algorithm 1 for 1-D x against 1-D y under permutations of y:
// both sides are sorted once, and a permutation changes only which y-rank q[r] sits beside
// the x-rank r, so each call searches the fixed sorted values and never sorts.
// Twin: src/backend/js/rankksg.ts.
import { binTable, guess, outAbove, outBelow } from './line';

/**
 * counts[t] = #{s ≠ rank(t) : |sorted[s] − sorted[rank(t)]| < radius[t]}, with
 * rank(t) = ranks[t], or t itself when ranks is 0: the edges of each reach searched from
 * guesses off a bin table (line.ts; `first` holds binCount(n) + 1 i32), strict (KSG
 * algorithm 1).
 */
export function rankCount(sorted: usize, ranks: usize, n: i32, radius: usize, counts: usize, first: usize): void {
  if (n == 0) return;
  binTable(sorted, n, first);
  for (let t = 0; t < n; t++) {
    const r = ranks ? load<i32>(ranks + (<usize>t << 2)) : t;
    const x = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(radius + (<usize>t << 3));
    const c = outAbove(sorted, n, r, x, e, false, guess(x + e)) - outBelow(sorted, r, x, e, false, guess(x - e) - 1) - 2; // less the point itself
    store<i32>(counts + (<usize>t << 2), c);
  }
}

/**
 * nx[r], ny[r]: the counts strictly within dist[r] of xs[r] among xs and of ys[q[r]] among
 * ys, each excluding the point itself, for the point at x-rank r. `first`: binCount(n) + 1 i32.
 */
export function rankCounts(xs: usize, ys: usize, q: usize, n: i32, dist: usize, nx: usize, ny: usize, first: usize): void {
  rankCount(xs, 0, n, dist, nx, first);
  rankCount(ys, q, n, dist, ny, first);
}
