// One-dimensional neighbour searches on values sorted by argsortF64 (sorted, perm).
// In 1-D the max norm is |a − b|, and fl(b − a) grows with b, so neighbours are
// contiguous around a point's own rank. Twin: src/backend/js/line.ts.

/**
 * dist[perm[r]] = distance from sorted[r] to its k-th nearest other value (1 ≤ k < n).
 * If idx ≠ 0, row perm[r] of idx (n × k i32) receives the original indices of those k.
 */
export function lineKnn(sorted: usize, perm: usize, n: i32, k: i32, dist: usize, idx: usize): void {
  for (let r = 0; r < n; r++) {
    const x = load<f64>(sorted + (<usize>r << 3));
    const i = load<i32>(perm + (<usize>r << 2));
    const row = idx + (<usize>i * <usize>k << 2);
    let a = r - 1;
    let b = r + 1;
    let e = 0.0;
    for (let m = 0; m < k; m++) {
      const da = a >= 0 ? x - load<f64>(sorted + (<usize>a << 3)) : Infinity;
      const db = b < n ? load<f64>(sorted + (<usize>b << 3)) - x : Infinity;
      if (da <= db) {
        e = da;
        if (idx) store<i32>(row + (<usize>m << 2), load<i32>(perm + (<usize>a << 2)));
        a--;
      } else {
        e = db;
        if (idx) store<i32>(row + (<usize>m << 2), load<i32>(perm + (<usize>b << 2)));
        b++;
      }
    }
    store<f64>(dist + (<usize>i << 3), e);
  }
}

// @ts-ignore: decorator
@inline function within(diff: f64, r: f64, inclusive: bool): bool {
  return inclusive ? diff <= r : diff < r;
}

/**
 * counts[perm[r]] = #{s ≠ r : |sorted[s] − sorted[r]| < radius[perm[r]]}, or ≤ when
 * inclusive. Each side is an exponential search from the point's own rank, so a
 * count m costs O(log m).
 */
export function lineCount(sorted: usize, perm: usize, n: i32, radius: usize, inclusive: bool, counts: usize): void {
  for (let r = 0; r < n; r++) {
    const i = load<i32>(perm + (<usize>r << 2));
    const x = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(radius + (<usize>i << 3));
    // upwards: the first s > r that is out of reach
    let good = r;
    let step = 1;
    let probe = r + 1;
    while (probe < n && within(load<f64>(sorted + (<usize>probe << 3)) - x, e, inclusive)) {
      good = probe;
      step <<= 1;
      probe = r + step;
    }
    let lo = good + 1;
    let hi = probe < n ? probe : n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (within(load<f64>(sorted + (<usize>mid << 3)) - x, e, inclusive)) lo = mid + 1;
      else hi = mid;
    }
    let c = lo - r - 1;
    // downwards: the last s < r that is out of reach
    good = r;
    step = 1;
    probe = r - 1;
    while (probe >= 0 && within(x - load<f64>(sorted + (<usize>probe << 3)), e, inclusive)) {
      good = probe;
      step <<= 1;
      probe = r - step;
    }
    lo = probe >= 0 ? probe : -1;
    hi = good - 1;
    // invariant: lo is out of reach (or −1), hi + 1 is within; find the largest s out of reach
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (within(x - load<f64>(sorted + (<usize>mid << 3)), e, inclusive)) hi = mid - 1;
      else lo = mid;
    }
    c += r - lo - 1;
    store<i32>(counts + (<usize>i << 2), c);
  }
}
