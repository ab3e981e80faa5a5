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

/** Bins of the rank guesses for n values: a power of two, at least n / 2 and at most n (n ≥ 1). */
export function binCount(n: i32): i32 {
  let b = 1;
  while (b < (n + 1) >> 1) b <<= 1;
  return b;
}


// The bin table built last (binTable): its values, span, scale and arrays.
let SORTED: usize = 0;
let BIN0: f64 = 0;
let BIN_SCALE: f64 = 0;
let BINS: i32 = 0;
let FIRST: usize = 0;
let SUB: usize = 0;

/**
 * More values than this in one bin (a cluster, as in rounded data plus tiny noise) get a
 * table of their own over their own span, since a reach inside a cluster can end anywhere
 * in it.
 */
const CROWDED_BIN = 16;

/** The bin of v among `bins` equal-width bins from lo at `scale` bins per unit, clamped to [0, bins]. */
// @ts-ignore: decorator
@inline function binOf(v: f64, lo: f64, scale: f64, bins: i32): i32 {
  const u = (v - lo) * scale;
  // NaN (from ∞·0 when the span overflowed, or 0·∞ in a run of equal values) and anything
  // below go to bin 0
  return u >= 0 ? (u < <f64>bins ? <i32>u : bins) : 0;
}

/**
 * Builds the guess tables of the n sorted values (n ≥ 1): `first` (binCount(n) + 1 i32)
 * gets the first rank in each of binCount(n) equal-width bins of their span, and for each
 * crowded bin holding the ranks [s, e), `sub` (n i32) gets at s + j the first rank of the
 * j-th of e − s equal-width bins of that bin's own values: two levels, so a guess lands a
 * rank or two from its answer in clustered data too.
 */
export function binTable(sorted: usize, n: i32, first: usize, sub: usize): void {
  SORTED = sorted;
  BINS = binCount(n);
  BIN0 = load<f64>(sorted);
  BIN_SCALE = <f64>BINS / (load<f64>(sorted + (<usize>(n - 1) << 3)) - BIN0);
  FIRST = first;
  SUB = sub;
  // first[b] = the first rank whose bin is ≥ b: each value fills the bins up to its own
  let b = 0;
  for (let r = 0; r < n; r++) {
    const k = binOf(load<f64>(sorted + (<usize>r << 3)), BIN0, BIN_SCALE, BINS);
    for (; b <= k; b++) store<i32>(first + (<usize>b << 2), r);
  }
  for (; b <= BINS; b++) store<i32>(first + (<usize>b << 2), n);
  for (b = 0; b < BINS; b++) {
    const s = load<i32>(first + (<usize>b << 2));
    const e = load<i32>(first + (<usize>(b + 1) << 2));
    const m = e - s;
    if (m <= CROWDED_BIN) continue;
    const v0 = load<f64>(sorted + (<usize>s << 3));
    const scale = <f64>m / (load<f64>(sorted + (<usize>(e - 1) << 3)) - v0);
    let j = 0;
    for (let r = s; r < e; r++) {
      const k = binOf(load<f64>(sorted + (<usize>r << 3)), v0, scale, m);
      for (; j <= k && j < m; j++) store<i32>(sub + (<usize>(s + j) << 2), r);
    }
    for (; j < m; j++) store<i32>(sub + (<usize>(s + j) << 2), e);
  }
}

/** The first rank of a value ≥ v, about: read off the tables built last, two levels in a crowded bin. */
// @ts-ignore: decorator
@inline function rankGuess(v: f64): i32 {
  const b = binOf(v, BIN0, BIN_SCALE, BINS);
  const s = load<i32>(FIRST + (<usize>b << 2));
  if (b >= BINS) return s;
  const e = load<i32>(FIRST + (<usize>(b + 1) << 2));
  const m = e - s;
  if (m <= CROWDED_BIN) return s;
  const v0 = load<f64>(SORTED + (<usize>s << 3));
  const j = binOf(v, v0, <f64>m / (load<f64>(SORTED + (<usize>(e - 1) << 3)) - v0), m);
  return j < m ? load<i32>(SUB + (<usize>(s + j) << 2)) : e;
}

/** The guess for outAbove from v = x + e: the first rank of a value ≥ v, about. */
// @ts-ignore: decorator
@inline export function guessAbove(v: f64): i32 {
  return rankGuess(v);
}

/** The guess for outBelow from v = x − e: the rank before the first value ≥ v, about. */
// @ts-ignore: decorator
@inline export function guessBelow(v: f64): i32 {
  return rankGuess(v) - 1;
}

/**
 * For every rank r of the n sorted values with radius rr[r]: lo[r] = the first rank within
 * reach (outBelow + 1) and hi[r] = the first rank above out of reach (outAbove). Each search
 * starts from a guess read off the bin table, so it walks a rank or two instead of galloping
 * over a whole reach (whose far steps missed the cache). A poor guess (a skewed span) costs
 * only the gallop. `first` holds binCount(n) + 1 i32, `sub` n i32 (binTable).
 */
export function edges(sorted: usize, n: i32, rr: usize, inclusive: bool, lo: usize, hi: usize, first: usize, sub: usize): void {
  if (n == 0) return;
  binTable(sorted, n, first, sub);
  for (let r = 0; r < n; r++) {
    const x = load<f64>(sorted + (<usize>r << 3));
    const e = load<f64>(rr + (<usize>r << 3));
    store<i32>(lo + (<usize>r << 2), outBelow(sorted, r, x, e, inclusive, guessBelow(x - e)) + 1);
    store<i32>(hi + (<usize>r << 2), outAbove(sorted, n, r, x, e, inclusive, guessAbove(x + e)));
  }
}

/**
 * counts[perm[r]] = #{s ≠ r : |sorted[s] − sorted[r]| < radius[perm[r]]}, or ≤ when
 * inclusive: the edges of each point's reach (edges), so a count costs about a search of
 * a rank or two. The radii are first gathered into rank order and the counts scattered back
 * at the end: tight loops whose cache misses overlap, instead of two misses per point
 * stalling the search. `tmp` holds n f64 + 2n i32 + binCount(n) + 1 ≤ n + 1 i32: 20n + 4
 * bytes (the argsort's scratch is large enough).
 */
export function lineCount(sorted: usize, perm: usize, n: i32, radius: usize, inclusive: bool, counts: usize, tmp: usize): void {
  const rr = tmp;
  const lo = tmp + (<usize>n << 3);
  const sub = lo + (<usize>n << 2);
  const first = sub + (<usize>n << 2);
  for (let r = 0; r < n; r++) {
    store<f64>(rr + (<usize>r << 3), load<f64>(radius + (<usize>load<i32>(perm + (<usize>r << 2)) << 3)));
  }
  // the upper edges go into counts, by rank, until the scatter below
  edges(sorted, n, rr, inclusive, lo, counts, first, sub);
  for (let r = 0; r < n; r++) {
    const p = lo + (<usize>r << 2);
    store<i32>(p, load<i32>(counts + (<usize>r << 2)) - load<i32>(p) - 1); // less the point itself
  }
  for (let r = 0; r < n; r++) {
    store<i32>(counts + (<usize>load<i32>(perm + (<usize>r << 2)) << 2), load<i32>(lo + (<usize>r << 2)));
  }
}
