// Pure-TypeScript twin of assembly/rankksg.ts: the marginal counts of KSG algorithm 1 on
// 1-D x and y, both sorted once, for any pairing q of their ranks.
import { reachDown, reachUp } from './line.js';

/** counts[t] = #{s ≠ rank(t) : |sorted[s] − sorted[rank(t)]| < radius[t]}, rank(t) = ranks ? ranks[t] : t. */
export function rankCount(sorted: Float64Array, ranks: Int32Array | null, radius: Float64Array, counts: Int32Array): void {
  const n = sorted.length;
  for (let t = 0; t < n; t++) {
    const r = ranks ? ranks[t] : t;
    const x = sorted[r];
    const e = radius[t];
    const c = reachUp(sorted, r, x, e, false) - reachDown(sorted, r, x, e, false) - 2; // less the point itself
    counts[t] = c;
  }
}

/** nx[r], ny[r]: the marginal counts of the point at x-rank r (paired with y-rank q[r]) strictly within dist[r]. */
export function rankCounts(xs: Float64Array, ys: Float64Array, q: Int32Array, dist: Float64Array, nx: Int32Array, ny: Int32Array): void {
  rankCount(xs, null, dist, nx);
  rankCount(ys, q, dist, ny);
}
