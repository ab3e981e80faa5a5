// The marginal counts of KSG algorithm 1 for 1-D x against 1-D y under permutations of y:
// both sides are sorted once, and a permutation changes only which y-rank q[r] sits beside
// the x-rank r, so each call searches the fixed sorted values and never sorts.
// Twin: src/backend/js/rankksg.ts.
import { binTable, guessAbove, guessBelow, outAbove, outBelow } from './line';

/**
 * counts[t] = #{s ≠ rank(t) : |sorted[s] − sorted[rank(t)]| < radius[t]}, with
 * rank(t) = ranks[t], or t itself when ranks is 0: the edges of each reach searched from
 * guesses off a bin table (line.ts; `first` holds binCount(n) + 1 i32, `sub` n i32), strict (KSG
 * algorithm 1).
 */
export function rankCount(sorted: usize, ranks: usize, n: i32, radius: usize, counts: usize, first: usize, sub: usize): void {
  if (n == 0) return;
  binTable(sorted, n, first, sub);
  for (let t = 0; t < n; t++) {
    const r = ranks ? load<i32>(ranks + (<usize>t << 2)) : t;
    const x = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(radius + (<usize>t << 3));
    const c = outAbove(sorted, n, r, x, e, false, guessAbove(x + e)) - outBelow(sorted, r, x, e, false, guessBelow(x - e)) - 2; // less the point itself
    store<i32>(counts + (<usize>t << 2), c);
  }
}

/**
 * nx[r], ny[r]: the counts strictly within dist[r] of xs[r] among xs and of ys[q[r]] among
 * ys, each excluding the point itself, for the point at x-rank r. `tables`: 2n + 1 i32 for the
 * bin tables (binCount(n) + 1 ≤ n + 1, then n).
 */
export function rankCounts(xs: usize, ys: usize, q: usize, n: i32, dist: usize, nx: usize, ny: usize, tables: usize): void {
  const sub = tables + ((<usize>n + 1) << 2);
  rankCount(xs, 0, n, dist, nx, tables, sub);
  rankCount(ys, q, n, dist, ny, tables, sub);
}
