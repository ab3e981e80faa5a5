// Pure-TypeScript twin of assembly/rankksg.ts: the marginal counts of KSG algorithm 1 on
// 1-D x and y, both sorted once, for any pairing q of their ranks.

/** counts[t] = #{s ≠ rank(t) : |sorted[s] − sorted[rank(t)]| < radius[t]}, rank(t) = ranks ? ranks[t] : t. */
export function rankCount(sorted: Float64Array, ranks: Int32Array | null, radius: Float64Array, counts: Int32Array): void {
  const n = sorted.length;
  for (let t = 0; t < n; t++) {
    const r = ranks ? ranks[t] : t;
    const x = sorted[r];
    const e = radius[t];
    let step = 1;
    while (r + step < n && sorted[r + step] - x < e) step *= 2;
    let lo = r + (step >> 1);
    let hi = r + step < n ? r + step : n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] - x < e) lo = mid;
      else hi = mid;
    }
    let c = hi - r - 1;
    step = 1;
    while (r - step >= 0 && x - sorted[r - step] < e) step *= 2;
    hi = r - (step >> 1);
    lo = r - step >= 0 ? r - step : -1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x - sorted[mid] < e) hi = mid;
      else lo = mid;
    }
    c += r - lo - 1;
    counts[t] = c;
  }
}

/** nx[r], ny[r]: the marginal counts of the point at x-rank r (paired with y-rank q[r]) strictly within dist[r]. */
export function rankCounts(xs: Float64Array, ys: Float64Array, q: Int32Array, dist: Float64Array, nx: Int32Array, ny: Int32Array): void {
  rankCount(xs, null, dist, nx);
  rankCount(ys, q, dist, ny);
}
