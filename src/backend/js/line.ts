// Pure-TypeScript twin of assembly/line.ts: 1-D neighbour searches on sorted values.

/**
 * dist[perm[r]] = distance from sorted[r] to its k-th nearest other value (1 ≤ k < n);
 * if idx is given, row perm[r] of idx (n × k) receives the original indices of those k.
 */
export function lineKnn(sorted: Float64Array, perm: Int32Array, k: number, dist: Float64Array, idx: Int32Array | null): void {
  const n = sorted.length;
  for (let r = 0; r < n; r++) {
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

/**
 * counts[perm[r]] = #{s ≠ r : |sorted[s] − sorted[r]| < radius[perm[r]]}, or ≤ when
 * inclusive; an exponential search from the point's own rank on each side.
 */
export function lineCount(sorted: Float64Array, perm: Int32Array, radius: Float64Array, inclusive: boolean, counts: Int32Array): void {
  const n = sorted.length;
  const within = inclusive ? (d: number, e: number) => d <= e : (d: number, e: number) => d < e;
  for (let r = 0; r < n; r++) {
    const i = perm[r];
    const x = sorted[r];
    const e = radius[i];
    let good = r;
    let step = 1;
    let probe = r + 1;
    while (probe < n && within(sorted[probe] - x, e)) {
      good = probe;
      step *= 2;
      probe = r + step;
    }
    let lo = good + 1;
    let hi = probe < n ? probe : n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (within(sorted[mid] - x, e)) lo = mid + 1;
      else hi = mid;
    }
    let c = lo - r - 1;
    good = r;
    step = 1;
    probe = r - 1;
    while (probe >= 0 && within(x - sorted[probe], e)) {
      good = probe;
      step *= 2;
      probe = r - step;
    }
    lo = probe >= 0 ? probe : -1;
    hi = good - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (within(x - sorted[mid], e)) hi = mid - 1;
      else lo = mid;
    }
    c += r - lo - 1;
    counts[i] = c;
  }
}
