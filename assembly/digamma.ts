// Digamma ψ and the sums of ψ and ln that the k-NN estimators average.
// Twin: src/backend/js/digamma.ts.

const EULER: f64 = 0.5772156649015329; // γ = −ψ(1)
/** ψ(n) for integers below this come from a table built on first use. */
const TABLE: i32 = 1024;
const table: usize = memory.data(TABLE << 3);
let built = false;

/**
 * ψ(x) ≈ ln x − 1/(2x) − Σ_{j=1..7} B_2j / (2j x^2j) (Abramowitz & Stegun 6.3.18).
 * For x ≥ 10 the first omitted term, 3617/(8160 x^16), is below 5e-17.
 */
// @ts-ignore: decorator
@inline function asymptotic(x: f64): f64 {
  const z = 1.0 / (x * x);
  const s =
    z * (1.0 / 12 - z * (1.0 / 120 - z * (1.0 / 252 - z * (1.0 / 240 - z * (1.0 / 132 - z * (691.0 / 32760 - z * (1.0 / 12)))))));
  return Math.log(x) - 0.5 / x - s;
}

/** ψ(1..9) as −γ + H(n−1) summed directly; from 10 on, the asymptotic series. */
function build(): void {
  store<f64>(table, -Infinity);
  let h = 0.0;
  for (let n = 1; n < TABLE; n++) {
    const v = n < 10 ? h - EULER : asymptotic(<f64>n);
    store<f64>(table + (<usize>n << 3), v);
    h += 1.0 / <f64>n;
  }
  built = true;
}

/** ψ(n) for an integer n ≥ 1. */
// @ts-ignore: decorator
@inline function digammaInt(n: i32): f64 {
  return n < TABLE ? load<f64>(table + (<usize>n << 3)) : asymptotic(<f64>n);
}

/**
 * ψ(x) for real x. Positive x below 10 is shifted up with ψ(x) = ψ(x + 1) − 1/x; negative
 * non-integers use the reflection ψ(x) = ψ(1 − x) − π cot(πx), with the cotangent taken
 * on the exact fractional part of x. Poles (0, −1, −2, …) give NaN.
 */
export function digamma(x: f64): f64 {
  if (x <= 0) {
    const f = x - Math.floor(x);
    if (f == 0) return NaN;
    return digamma(1.0 - x) - Math.PI / Math.tan(Math.PI * f);
  }
  let acc = 0.0;
  while (x < 10) {
    acc += 1.0 / x;
    x += 1.0;
  }
  return asymptotic(x) - acc;
}

/** Σ_i ψ(counts[i] + shift) over n i32 counts, each count + shift ≥ 1. */
export function sumDigamma(counts: usize, n: i32, shift: i32): f64 {
  if (!built) build();
  let s = 0.0;
  for (let i = 0; i < n; i++) s += digammaInt(load<i32>(counts + (<usize>i << 2)) + shift);
  return s;
}

/** Σ_i ln v[i] over n positive f64 values. */
export function sumLog(v: usize, n: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) s += Math.log(load<f64>(v + (<usize>i << 3)));
  return s;
}
