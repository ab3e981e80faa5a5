// Copula normalisation of one column (gcmi's copnorm): a stable radix argsort of the values,
// then Φ⁻¹((r + 1)/(n + 1)) for rank r, written back at the sorted positions; ranks r and
// n − 1 − r get exactly opposite values. Twin: src/backend/js/copnorm.ts, with Φ⁻¹ as in
// src/core/normalQuantile.ts (Acklam's approximation and one Halley step on a Φ table that the
// boundary passes in, so that both backends read the same table).
import { argsortF64 } from './radix';

const STEP: f64 = 64; // grid spacing 1/STEP of the Φ table
const LOW: f64 = 37.5; // the table covers [−LOW, 0]
const TAIL: f64 = 2; // from −TAIL down the table holds Φ(a), above it Φ(a) − ½

/**
 * Halley's step for Φ(x) = p at x ≤ 0 from the nearest grid point a = −i/STEP: Φ(a + h) − Φ(a)
 * by its Hermite series (src/core/normalQuantile.ts explains it). grid[i] = Φ(a) (or Φ(a) − ½
 * above −TAIL), dens[i] = φ(a).
 */
function halley(x: f64, p: f64, grid: usize, dens: usize): f64 {
  const i = <i32>Math.round(-x * STEP);
  const a = -(<f64>i) / STEP;
  const h = x - a;
  let hePrev: f64 = 0;
  let he: f64 = 1;
  let pw = h;
  let sum = h;
  let slope: f64 = 1;
  let idle = 0;
  for (let m = 1; m < 40 && idle < 2; m++) {
    const heNext = a * he - (<f64>(m - 1)) * hePrev;
    hePrev = he;
    he = heNext;
    slope -= pw * he;
    pw *= -h / (<f64>(m + 1));
    const next = sum + pw * he;
    idle = next == sum ? idle + 1 : 0;
    sum = next;
  }
  const phi = load<f64>(dens + (<usize>i << 3));
  const g = load<f64>(grid + (<usize>i << 3));
  const e = (a > -TAIL ? g + (0.5 - p) : g - p) + phi * sum;
  const u = e / (phi * slope);
  return x - u / (1 + 0.5 * x * u);
}

/** Φ⁻¹(p) for 0 < p ≤ ½: Acklam's rational approximation, then one Halley step. */
function quantileLower(p: f64, grid: usize, dens: usize): f64 {
  let x: f64;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239) * q /
      (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1);
  }
  return x > -LOW ? halley(x, p, grid, dens) : x;
}

/**
 * out[i] = Φ⁻¹((rank_i + 1)/(n + 1)) for the n values at vals, ranks from a stable sort with
 * −0 read as +0 (as numpy compares them). sorted (n f64), perm (n i32) and scratch
 * (argsortScratchBytes(n)) are work space. Returns the number of distinct values.
 * Cost: the O(n) radix sort plus ⌈n/2⌉ quantiles.
 */
export function copnormF64(vals: usize, n: i32, grid: usize, dens: usize, out: usize, sorted: usize, perm: usize, scratch: usize): i32 {
  // −0 + 0 is +0: out holds the keys to sort until the quantiles overwrite it
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), load<f64>(vals + (<usize>i << 3)) + 0.0);
  argsortF64(out, n, sorted, perm, scratch);
  let distinct = n > 0 ? 1 : 0;
  for (let r = 1; r < n; r++) if (load<f64>(sorted + (<usize>r << 3)) != load<f64>(sorted + (<usize>(r - 1) << 3))) distinct++;
  const n1 = <f64>(n + 1);
  for (let r = 0; 2 * r < n; r++) {
    const q = quantileLower(<f64>(r + 1) / n1, grid, dens);
    store<f64>(out + (<usize>load<i32>(perm + (<usize>r << 2)) << 3), q);
    const s = n - 1 - r;
    if (s != r) store<f64>(out + (<usize>load<i32>(perm + (<usize>s << 2)) << 3), -q);
  }
  if (n % 2 == 1) store<f64>(out + (<usize>load<i32>(perm + (<usize>((n - 1) >> 1) << 2)) << 3), 0.0);
  return distinct;
}
