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
 * Σ of the n terms v/max (or (v/max − mu)² when squares), correctly rounded: a compensated
 * pass settles almost every column, Shewchuk's exact partials the rest.
 *
 * The pass keeps s = the running sum and the exact rounding error of each addition (TwoSum)
 * summed in its own double-double (sh, sl), so s + sh + sl is within about (n·u)³·Σ|term|
 * of the exact sum (Ogita, Rump and Oishi, SIAM J. Sci. Comput. 26, 2005: Sum2 applied to
 * the errors again; u = 2^-53). A single compensation leaves (n·u)²·Σ|term|, which on a
 * centred column of 1e6 values is a third of the gap between doubles around the mean and
 * sent a quarter of such columns to the slow path. The three parts are then rounded once,
 * and the result is certified when the remainder plus that bound stays below half the gap
 * around it, so it is the one correctly rounded sum, as the exact path's.
 */
function orderFreeSum(data: ArrayLike<number>, n: number, stride: number, offset: number, max: number, mu: number, squares: boolean): number {
  let s = 0;
  let sh = 0;
  let sl = 0;
  let a = 0;
  for (let i = 0; i < n; i++) {
    const z = data[offset + i * stride] / max - mu;
    const x = squares ? z * z : z;
    let t = s + x;
    let bv = t - s;
    const q = s - (t - bv) + (x - bv);
    s = t;
    t = sh + q;
    bv = t - sh;
    sl += sh - (t - bv) + (q - bv);
    sh = t;
    a += Math.abs(x);
  }
  // round s + sh + sl once: (h, l) exactly, then r = fl(h + m) with its exact remainder e
  let h = s + sh;
  let bv = h - s;
  const l = s - (h - bv) + (sh - bv);
  const m = l + sl;
  const r = h + m;
  bv = r - h;
  const e = h - (r - bv) + (m - bv);
  const g = n * 2 ** -53;
  // the bound doubled, for the rounding of Σ|term|, of m and of the test itself
  if (Math.abs(e) + 2 ** -52 * Math.abs(m) + 2 * g * g * g * a < halfGap(r)) return r;
  for (let i = 0; i < n; i++) {
    const z = data[offset + i * stride] / max - mu;
    addExact(squares ? z * z : z);
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
  const mu = orderFreeSum(data, n, stride, offset, max, 0, false) / n;
  const ss = orderFreeSum(data, n, stride, offset, max, mu, true);
  return { max, mean: mu * max, std: Math.sqrt(ss / n) * max };
}

/** Whether npStd/npSum on values of this magnitude can neither overflow nor lose the squares to underflow. */
export function plainArithmeticSafe(max: number): boolean {
  return max === 0 || (max < 2 ** 500 && max > 2 ** -500);
}
