// Pure-TypeScript twin of assembly/line.ts: 1-D neighbour searches on sorted values.

/**
 * dist[perm[r]] = distance from sorted[r] to its k-th nearest other value (1 ≤ k < n);
 * if idx is given, row perm[r] of idx (n × k) receives the original indices of those k.
 */
export function lineKnn(sorted: Float64Array, perm: Int32Array, k: number, dist: Float64Array, idx: Int32Array | null, r0 = 0, r1 = sorted.length): void {
  // [r0, r1): the ranks queried (one worker's share of a parallel call)
  const n = sorted.length;
  for (let r = r0; r < r1; r++) {
    const x = sorted[r];
    const i = perm[r];
    const row = i * k;
    let a = r - 1;
    let b = r + 1;
    let e = 0;
    for (let m = 0; m < k; m++) {
      const da = a >= 0 ? x - sorted[a] : Infinity;
      const db = b < n ? sorted[b] - x : Infinity;
      if (da <= db) {
        e = da;
        if (idx) idx[row + m] = perm[a];
        a--;
      } else {
        e = db;
        if (idx) idx[row + m] = perm[b];
        b++;
      }
    }
    dist[i] = e;
  }
}

const strict = (d: number, e: number): boolean => d < e;
const closed = (d: number, e: number): boolean => d <= e;

/**
 * The first rank s > r out of reach of x = sorted[r] (|sorted[s] − x| not < e, or not ≤ e
 * when inclusive), or n, searched from a guess h: a gallop, then a bisection, as the AS
 * twin's outAbove. The reach is exact whatever the guess.
 */
export function outAbove(sorted: Float64Array, r: number, x: number, e: number, inclusive: boolean, h: number): number {
  const n = sorted.length;
  const within = inclusive ? closed : strict;
  h = h > r + 1 ? (h < n ? h : n) : r + 1;
  let lo = r;
  let hi = n;
  let step = 1;
  if (h < n && within(sorted[h] - x, e)) {
    lo = h;
    while (lo + step < n && within(sorted[lo + step] - x, e)) {
      lo += step;
      step *= 2;
    }
    hi = lo + step < n ? lo + step : n;
  } else {
    hi = h;
    while (hi - step > r && !within(sorted[hi - step] - x, e)) {
      hi -= step;
      step *= 2;
    }
    lo = hi - step > r ? hi - step : r;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (within(sorted[mid] - x, e)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The last rank s < r out of reach of x = sorted[r], or −1, from a guess h: outAbove downwards. */
export function outBelow(sorted: Float64Array, r: number, x: number, e: number, inclusive: boolean, h: number): number {
  const within = inclusive ? closed : strict;
  h = h < r - 1 ? (h > -1 ? h : -1) : r - 1;
  let lo = -1;
  let hi = r;
  let step = 1;
  if (h >= 0 && within(x - sorted[h], e)) {
    hi = h;
    while (hi - step >= 0 && within(x - sorted[hi - step], e)) {
      hi -= step;
      step *= 2;
    }
    lo = hi - step >= 0 ? hi - step : -1;
  } else {
    lo = h;
    while (lo + step < r && !within(x - sorted[lo + step], e)) {
      lo += step;
      step *= 2;
    }
    hi = lo + step < r ? lo + step : r;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (within(x - sorted[mid], e)) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** Bins of the rank guesses for n values: a power of two, at least n / 2 and at most n (AS twin). */
function binCount(n: number): number {
  let b = 1;
  while (b < (n + 1) >> 1) b *= 2;
  return b;
}

function binOf(v: number, lo: number, scale: number, bins: number): number {
  const u = (v - lo) * scale;
  // NaN (from ∞·0 when the span overflowed, or 0·∞ in a run of equal values) and anything
  // below go to bin 0
  return u >= 0 ? (u < bins ? Math.trunc(u) : bins) : 0;
}

/** More values than this in one bin get a table of their own (AS twin: CROWDED_BIN). */
const CROWDED_BIN = 16;

/**
 * The two-level guess tables of a sorted span (AS twin: binTable): first[b] = the first rank
 * in bin b; for a crowded bin of ranks [s, e), sub[s + j] = the first rank in the j-th of
 * e − s equal-width bins of its own values.
 */
export interface BinTable {
  sorted: Float64Array;
  first: Int32Array;
  sub: Int32Array;
  v0: number;
  scale: number;
  bins: number;
}

/** The guess tables of n ≥ 1 sorted values (AS twin: binTable). */
export function binTable(sorted: Float64Array): BinTable {
  const n = sorted.length;
  const bins = binCount(n);
  const v0 = sorted[0];
  const scale = bins / (sorted[n - 1] - v0);
  const first = new Int32Array(bins + 1);
  const sub = new Int32Array(n);
  // first[b] = the first rank whose bin is ≥ b: each value fills the bins up to its own
  let b = 0;
  for (let r = 0; r < n; r++) {
    const k = binOf(sorted[r], v0, scale, bins);
    for (; b <= k; b++) first[b] = r;
  }
  for (; b <= bins; b++) first[b] = n;
  for (b = 0; b < bins; b++) {
    const s = first[b];
    const e = first[b + 1];
    const m = e - s;
    if (m <= CROWDED_BIN) continue;
    const w0 = sorted[s];
    const ws = m / (sorted[e - 1] - w0);
    let j = 0;
    for (let r = s; r < e; r++) {
      const k = binOf(sorted[r], w0, ws, m);
      for (; j <= k && j < m; j++) sub[s + j] = r;
    }
    for (; j < m; j++) sub[s + j] = e;
  }
  return { sorted, first, sub, v0, scale, bins };
}

/** The first rank of a value ≥ v, about (AS twin: rankGuess). */
function rankGuess(t: BinTable, v: number): number {
  const b = binOf(v, t.v0, t.scale, t.bins);
  const s = t.first[b];
  if (b >= t.bins) return s;
  const e = t.first[b + 1];
  const m = e - s;
  if (m <= CROWDED_BIN) return s;
  const w0 = t.sorted[s];
  const j = binOf(v, w0, m / (t.sorted[e - 1] - w0), m);
  return j < m ? t.sub[s + j] : e;
}

/** The guess for outAbove from v = x + e. */
export function guessAbove(t: BinTable, v: number): number {
  return rankGuess(t, v);
}

/** The guess for outBelow from v = x − e. */
export function guessBelow(t: BinTable, v: number): number {
  return rankGuess(t, v) - 1;
}

/** lo[r] = first rank within reach of rank r, hi[r] = first rank above out of reach (as the AS twin). */
export function edges(sorted: Float64Array, rr: Float64Array, inclusive: boolean, lo: Int32Array, hi: Int32Array): void {
  const n = sorted.length;
  if (n === 0) return;
  const t = binTable(sorted);
  for (let r = 0; r < n; r++) {
    const x = sorted[r];
    const e = rr[r];
    lo[r] = outBelow(sorted, r, x, e, inclusive, guessBelow(t, x - e)) + 1;
    hi[r] = outAbove(sorted, r, x, e, inclusive, guessAbove(t, x + e));
  }
}

/**
 * counts[perm[r]] = #{s ≠ r : |sorted[s] − sorted[r]| < radius[perm[r]]}, or ≤ when
 * inclusive, from the edges of each point's reach (edges), on radii gathered into rank
 * order first (as the AS twin).
 */
export function lineCount(sorted: Float64Array, perm: Int32Array, radius: Float64Array, inclusive: boolean, counts: Int32Array): void {
  const n = sorted.length;
  const rr = new Float64Array(n);
  const lo = new Int32Array(n);
  for (let r = 0; r < n; r++) rr[r] = radius[perm[r]];
  // the upper edges go into counts, by rank, until the scatter below
  edges(sorted, rr, inclusive, lo, counts);
  for (let r = 0; r < n; r++) lo[r] = counts[r] - lo[r] - 1; // less the point itself
  for (let r = 0; r < n; r++) counts[perm[r]] = lo[r];
}
