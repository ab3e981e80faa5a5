// Pure-TypeScript twin of assembly/digamma.ts: same table, same series.

const EULER = 0.5772156649015329; // γ = −ψ(1)
/** ψ(n) for integers below this come from a table built on first use. */
const TABLE = 1024;
let table: Float64Array | undefined;

/**
 * ψ(x) ≈ ln x − 1/(2x) − Σ_{j=1..7} B_2j / (2j x^2j) (Abramowitz & Stegun 6.3.18).
 * For x ≥ 10 the first omitted term, 3617/(8160 x^16), is below 5e-17.
 */
function asymptotic(x: number): number {
  const z = 1 / (x * x);
  const s = z * (1 / 12 - z * (1 / 120 - z * (1 / 252 - z * (1 / 240 - z * (1 / 132 - z * (691 / 32760 - z * (1 / 12)))))));
  return Math.log(x) - 0.5 / x - s;
}

/** ψ(1..9) as −γ + H(n−1) summed directly; from 10 on, the asymptotic series. */
function build(): Float64Array {
  const t = new Float64Array(TABLE);
  t[0] = -Infinity;
  let h = 0;
  for (let n = 1; n < TABLE; n++) {
    t[n] = n < 10 ? h - EULER : asymptotic(n);
    h += 1 / n;
  }
  return t;
}

/**
 * ψ(x) for real x. Positive x below 10 is shifted up with ψ(x) = ψ(x + 1) − 1/x; negative
 * non-integers use the reflection ψ(x) = ψ(1 − x) − π cot(πx), with the cotangent taken
 * on the exact fractional part of x. Poles (0, −1, −2, …) give NaN.
 */
export function digamma(x: number): number {
  if (x <= 0) {
    const f = x - Math.floor(x);
    if (f === 0) return NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * f);
  }
  let acc = 0;
  while (x < 10) {
    acc += 1 / x;
    x += 1;
  }
  return asymptotic(x) - acc;
}

/** Σ_i ψ(counts[i] + shift), each count + shift ≥ 1. */
export function sumDigamma(counts: Int32Array, shift: number): number {
  const t = (table ??= build());
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] + shift;
    s += n < TABLE ? t[n] : asymptotic(n);
  }
  return s;
}

/** Σ_i ln v[i] over positive values. */
export function sumLog(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.log(v[i]);
  return s;
}
