// Column summaries that neither overflow nor underflow at any finite magnitude: values are
// divided by the column's largest |x| before they are summed or squared, so a column near
// ±1.8e308 (whose squares, even whose sum, overflow) or near 1e-160 (whose squares
// underflow to 0) keeps its spread. Two passes: the mean, then the squared deviations.

/** The largest |v| over n values read at offset, offset + stride, …; 0 for an all-zero column. */
export function maxAbs(data: ArrayLike<number>, n: number, stride = 1, offset = 0): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(data[offset + i * stride]);
    if (a > m) m = a;
  }
  return m;
}

/** Mean, population std and mean |v| of a strided column, each finite for any finite values. */
export function safeMoments(
  data: ArrayLike<number>,
  n: number,
  stride = 1,
  offset = 0,
): { max: number; mean: number; std: number; meanAbs: number } {
  const max = maxAbs(data, n, stride, offset);
  if (max === 0) return { max, mean: 0, std: 0, meanAbs: 0 };
  let s = 0;
  let sa = 0;
  for (let i = 0; i < n; i++) {
    const u = data[offset + i * stride] / max;
    s += u;
    sa += Math.abs(u);
  }
  const mu = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const z = data[offset + i * stride] / max - mu;
    ss += z * z;
  }
  return { max, mean: mu * max, std: Math.sqrt(ss / n) * max, meanAbs: (sa / n) * max };
}

/** Shewchuk's non-overlapping partials (never more than about 40 doubles) and their count. */
const partials = new Float64Array(64);
let count = 0;

/** Adds x to the partials exactly: afterwards they sum to the old sum plus x, with no error. */
function addExact(x: number): void {
  let j = 0;
  for (let t = 0; t < count; t++) {
    let y = partials[t];
    if (Math.abs(x) < Math.abs(y)) {
      const s = x;
      x = y;
      y = s;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[j++] = lo;
    x = hi;
  }
  partials[j] = x;
  count = j + 1;
}

/**
 * The partials' sum, correctly rounded: added from the largest down until a rounding error
 * appears, then half-way cases rounded by the sign of the next partial (as Python's fsum).
 */
function roundPartials(): number {
  let m = count;
  count = 0;
  if (m === 0) return 0;
  let hi = partials[--m];
  let lo = 0;
  while (m > 0) {
    const x = hi;
    const y = partials[--m];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (m > 0 && ((lo < 0 && partials[m - 1] < 0) || (lo > 0 && partials[m - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

const bitsView = new DataView(new ArrayBuffer(8));

/**
 * Half the spacing of the doubles around |r|, when r is normal and not a power of two (so
 * the spacing is the same on both sides); otherwise 0, which certifies nothing.
 */
function halfGap(r: number): number {
  bitsView.setFloat64(0, r);
  const hi = bitsView.getUint32(0);
  const e = (hi >>> 20) & 0x7ff;
  if (e <= 53 || e === 0x7ff || ((hi & 0xfffff) === 0 && bitsView.getUint32(4) === 0)) return 0;
  bitsView.setUint32(0, (e - 53) << 20); // 2^(e − 1023 − 53), exactly
  bitsView.setUint32(4, 0);
  return bitsView.getFloat64(0);
}

/**
 * The correctly rounded value of the exact sum when a compensated sum (Ogita, Rump and
 * Oishi's Sum2, SIAM J. Sci. Comput. 26, 2005) pins it down, else NaN. s + sigma is within
 * γ²ₙ·Σ|x| of the exact sum (their Proposition 4.5); TwoSum splits it into r = fl(s + sigma)
 * and its exact remainder e, and r is the correct rounding of the exact sum whenever |e|
 * plus that bound stays below half the gap around r. The bound is doubled to cover the
 * rounding of Σ|x| and of the test itself.
 */
function certified(s: number, sigma: number, absSum: number, n: number): number {
  const r = s + sigma;
  const bv = r - s;
  const e = s - (r - bv) + (sigma - bv);
  const g = n * 2 ** -53;
  return Math.abs(e) + 2 * g * g * absSum < halfGap(r) ? r : NaN;
}

/** Σ v/max over the column, correctly rounded: compensated and certified, else exactly. */
function scaledSum(data: ArrayLike<number>, n: number, stride: number, offset: number, max: number): number {
  let s = 0;
  let sigma = 0;
  let a = 0;
  for (let i = 0; i < n; i++) {
    const x = data[offset + i * stride] / max;
    const t = s + x;
    const bv = t - s;
    sigma += s - (t - bv) + (x - bv);
    s = t;
    a += Math.abs(x);
  }
  const r = certified(s, sigma, a, n);
  if (r === r) return r;
  for (let i = 0; i < n; i++) addExact(data[offset + i * stride] / max);
  return roundPartials();
}

/** Σ (v/max − mu)² over the column, correctly rounded, as scaledSum. */
function squaresSum(data: ArrayLike<number>, n: number, stride: number, offset: number, max: number, mu: number): number {
  let s = 0;
  let sigma = 0;
  for (let i = 0; i < n; i++) {
    const z = data[offset + i * stride] / max - mu;
    const x = z * z;
    const t = s + x;
    const bv = t - s;
    sigma += s - (t - bv) + (x - bv);
    s = t;
  }
  // the terms are ≥ 0, so Σ|x| is the sum itself
  const r = certified(s, sigma, s, n);
  if (r === r) return r;
  for (let i = 0; i < n; i++) {
    const z = data[offset + i * stride] / max - mu;
    addExact(z * z);
  }
  return roundPartials();
}

/**
 * Mean and population std of a strided column, each a function of the multiset of values
 * alone, finite for any finite values; `max` is the largest |v|. The sums of v / max and of
 * the squared deviations are correctly rounded, so their result never depends on the order
 * of the values. A compensated sum settles almost every column in one cheap pass; the rest
 * go to Shewchuk's exact partials, as Python's math.fsum (J. R. Shewchuk, Discrete Comput.
 * Geom. 18, 1997). Both give the one correctly rounded sum. That makes the k-NN estimators'
 * scaling, and with noise 0 their whole estimate, order-free, without sorting the column.
 */
export function orderFreeMoments(data: ArrayLike<number>, n: number, stride: number, offset: number): { max: number; mean: number; std: number } {
  const max = maxAbs(data, n, stride, offset);
  if (max === 0) return { max, mean: 0, std: 0 };
  const mu = scaledSum(data, n, stride, offset, max) / n;
  const ss = squaresSum(data, n, stride, offset, max, mu);
  return { max, mean: mu * max, std: Math.sqrt(ss / n) * max };
}

/** Whether npStd/npSum on values of this magnitude can neither overflow nor lose the squares to underflow. */
export function plainArithmeticSafe(max: number): boolean {
  return max === 0 || (max < 2 ** 500 && max > 2 ** -500);
}
