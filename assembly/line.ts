// One-dimensional neighbour searches on values sorted by argsortF64 (sorted, perm).
// In 1-D the max norm is |a − b|, and fl(b − a) grows with b, so neighbours are
// contiguous around a point's own rank. Twin: src/backend/js/line.ts.

/**
 * dist[perm[r]] = distance from sorted[r] to its k-th nearest other value (1 ≤ k < n).
 * If idx ≠ 0, row perm[r] of idx (n × k i32) receives the original indices of those k.
 */
export function lineKnn(sorted: usize, perm: usize, n: i32, k: i32, dist: usize, idx: usize): void {
  lineKnnRange(sorted, perm, n, k, dist, idx, 0, n);
}

/** lineKnn for the points of ranks r0 ≤ r < r1 only (one worker's share of a parallel call). */
export function lineKnnRange(sorted: usize, perm: usize, n: i32, k: i32, dist: usize, idx: usize, r0: i32, r1: i32): void {
  for (let r = r0; r < r1; r++) {
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
 * The first rank s > r whose value is out of reach of x = sorted[r] (|sorted[s] − x| not
 * < e, or not ≤ e when inclusive), or n, searched from a guess h: a gallop from h (up while
 * within, down while out of reach), then a bisection, so a guess m ranks off costs
 * O(log m). The reach is exact whatever the guess.
 */
// @ts-ignore: decorator
@inline export function outAbove(sorted: usize, n: i32, r: i32, x: f64, e: f64, inclusive: bool, h: i32): i32 {
  h = h > r + 1 ? (h < n ? h : n) : r + 1;
  let lo = r; // within (or r itself)
  let hi = n; // out of reach (or n)
  let step = 1;
  if (h < n && within(load<f64>(sorted + (<usize>h << 3)) - x, e, inclusive)) {
    lo = h;
    while (lo + step < n && within(load<f64>(sorted + (<usize>(lo + step) << 3)) - x, e, inclusive)) {
      lo += step;
      step <<= 1;
    }
    hi = lo + step < n ? lo + step : n;
  } else {
    hi = h;
    while (hi - step > r && !within(load<f64>(sorted + (<usize>(hi - step) << 3)) - x, e, inclusive)) {
      hi -= step;
      step <<= 1;
    }
    lo = hi - step > r ? hi - step : r;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    const w = within(load<f64>(sorted + (<usize>mid << 3)) - x, e, inclusive);
    lo = select<i32>(mid, lo, w);
    hi = select<i32>(hi, mid, w);
  }
  return hi;
}

/** The last rank s < r out of reach of x = sorted[r], or −1, from a guess h: outAbove downwards. */
// @ts-ignore: decorator
@inline export function outBelow(sorted: usize, r: i32, x: f64, e: f64, inclusive: bool, h: i32): i32 {
  h = h < r - 1 ? (h > -1 ? h : -1) : r - 1;
  let lo = -1; // out of reach (or −1)
  let hi = r; // within (or r itself)
  let step = 1;
  if (h >= 0 && within(x - load<f64>(sorted + (<usize>h << 3)), e, inclusive)) {
    hi = h;
    while (hi - step >= 0 && within(x - load<f64>(sorted + (<usize>(hi - step) << 3)), e, inclusive)) {
      hi -= step;
      step <<= 1;
    }
    lo = hi - step >= 0 ? hi - step : -1;
  } else {
    lo = h;
    while (lo + step < r && !within(x - load<f64>(sorted + (<usize>(lo + step) << 3)), e, inclusive)) {
      lo += step;
      step <<= 1;
    }
    hi = lo + step < r ? lo + step : r;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const w = within(x - load<f64>(sorted + (<usize>mid << 3)), e, inclusive);
    hi = select<i32>(mid, hi, w);
    lo = select<i32>(lo, mid, w);
  }
  return lo;
}

/** outAbove guessed from r itself: an exponential search outwards, O(log m) for a reach of m. */
// @ts-ignore: decorator
@inline export function reachUp(sorted: usize, n: i32, r: i32, x: f64, e: f64, inclusive: bool): i32 {
  return outAbove(sorted, n, r, x, e, inclusive, r + 1);
}

/** outBelow guessed from r itself. */
// @ts-ignore: decorator
@inline export function reachDown(sorted: usize, n: i32, r: i32, x: f64, e: f64, inclusive: bool): i32 {
  return outBelow(sorted, r, x, e, inclusive, r - 1);
}

/**
 * counts[perm[r]] = #{s ≠ r : |sorted[s] − sorted[r]| < radius[perm[r]]}, or ≤ when
 * inclusive. Each side is an exponential search from the point's own rank, so a count m
 * costs O(log m). The radii are first gathered into rank order (into `tmp`, n f64 + n i32)
 * and the counts scattered back at the end: two tight loops whose cache misses overlap,
 * instead of two misses per point stalling the branchy search loop.
 */
export function lineCount(sorted: usize, perm: usize, n: i32, radius: usize, inclusive: bool, counts: usize, tmp: usize): void {
  const rr = tmp;
  const cr = tmp + (<usize>n << 3);
  for (let r = 0; r < n; r++) {
    store<f64>(rr + (<usize>r << 3), load<f64>(radius + (<usize>load<i32>(perm + (<usize>r << 2)) << 3)));
  }
  for (let r = 0; r < n; r++) {
    const x = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(rr + (<usize>r << 3));
    const c = reachUp(sorted, n, r, x, e, inclusive) - reachDown(sorted, n, r, x, e, inclusive) - 2; // less the point itself
    store<i32>(cr + (<usize>r << 2), c);
  }
  for (let r = 0; r < n; r++) {
    store<i32>(counts + (<usize>load<i32>(perm + (<usize>r << 2)) << 2), load<i32>(cr + (<usize>r << 2)));
  }
}
