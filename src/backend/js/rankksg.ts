// Pure-TypeScript twin of assembly/rankksg.ts: the marginal counts of KSG algorithm 1 on
// 1-D x and y, both sorted once, for any pairing q of their ranks.
import { binTable, guessAbove, guessBelow, outAbove, outBelow } from './line.js';

/** counts[t] = #{s ≠ rank(t) : |sorted[s] − sorted[rank(t)]| < radius[t]}, rank(t) = ranks ? ranks[t] : t: searched from bin guesses, as the AS twin. */
export function rankCount(sorted: Float64Array, ranks: Int32Array | null, radius: Float64Array, counts: Int32Array): void {
  const n = sorted.length;
  if (n === 0) return;
  const table = binTable(sorted);
  for (let t = 0; t < n; t++) {
    const r = ranks ? ranks[t] : t;
    const x = sorted[r];
    const e = radius[t];
    counts[t] = outAbove(sorted, r, x, e, false, guessAbove(table, x + e)) - outBelow(sorted, r, x, e, false, guessBelow(table, x - e)) - 2; // less the point itself
  }
}

/** nx[r], ny[r]: the marginal counts of the point at x-rank r (paired with y-rank q[r]) strictly within dist[r]. */
export function rankCounts(xs: Float64Array, ys: Float64Array, q: Int32Array, dist: Float64Array, nx: Int32Array, ny: Int32Array): void {
  rankCount(xs, null, dist, nx);
  rankCount(ys, q, dist, ny);
}
