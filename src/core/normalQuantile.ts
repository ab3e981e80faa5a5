// The standard normal CDF Φ and its inverse Φ⁻¹ to about 1e-15 relative, for copula
// normalisation (gcmi's copnorm is scipy.stats.norm.ppf of the ranks).

const SQRT_2PI = 2.5066282746310002; // √(2π)
const TAIL = 2; // from a = −2 down, the table holds Φ(a) from the continued fraction, above it Φ(a) − ½ from the series

/** φ(x) = e^{−x²/2}/√(2π). */
function pdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Φ(a) − ½ for |a| < 2 (Marsaglia's series Φ(a) = ½ + φ(a)·Σ a^(2n+1)/(1·3·…·(2n+1)),
 * J. Stat. Softw. 11(4), 2004, a few 1e-17 absolute), else Φ(a) for a ≤ −2 (the Laplace
 * continued fraction of Mills' ratio, Φ(−t) = φ(t)/(t + 1/(t + 2/(t + 3/(t + …)))), by the
 * modified Lentz method, about 1e-16 relative). Slow; used only to build the table.
 */
function cdfAccurate(a: number): number {
  if (a > -TAIL) {
    const a2 = a * a;
    let term = a;
    let sum = a;
    for (let n = 1; n < 500; n++) {
      term *= a2 / (2 * n + 1);
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return pdf(a) * sum;
  }
  const t = -a;
  let f = t;
  let c = t;
  let d = 0;
  for (let j = 1; j < 5000; j++) {
    d = 1 / (t + j * d);
    c = t + j / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return pdf(t) / f;
}

/** Grid of Φ on [−LOW, 0] at spacing 1/STEP: Φ(a) − ½ in the centre, Φ(a) in the tail; and φ(a). */
const STEP = 64;
const LOW = 37.5;
let grid: Float64Array | undefined;
let dens: Float64Array | undefined;

function table(): Float64Array {
  if (grid) return grid;
  const g = new Float64Array(LOW * STEP + 1);
  const f = new Float64Array(g.length);
  for (let i = 0; i < g.length; i++) {
    g[i] = cdfAccurate(-i / STEP);
    f[i] = pdf(-i / STEP);
  }
  dens = f;
  return (grid = g);
}

/**
 * The Φ table behind {@link normalQuantile}'s Halley step (built once): grid[i] = Φ(−i/64)
 * (minus ½ above −2) and dens[i] = φ(−i/64), for i = 0 … 2400. The WASM copula kernel
 * (assembly/copnorm.ts) reads this same table.
 */
export function normalQuantileTable(): { grid: Float64Array; dens: Float64Array } {
  return { grid: table(), dens: dens! };
}

/**
 * Halley's step for Φ(x) = p at x ≤ 0, from the nearest grid point a (|h| = |x − a| ≤ 1/128):
 * Φ(a + h) − Φ(a) = φ(a)·Σ_{m≥1} (−1)^(m−1) He_{m−1}(a)·h^m/m! (Hermite polynomials He, since
 * φ^(m) = (−1)^m He_m φ), and φ(x)/φ(a) is the derivative of that sum. In the centre the ½
 * is taken out first, so p near ½ keeps its relative accuracy. No exponential is needed.
 */
function halley(x: number, p: number): number {
  const g = table();
  const i = Math.round(-x * STEP);
  const a = -i / STEP;
  const h = x - a;
  // S = Σ h^m/m! (−1)^(m−1) He_{m−1}(a), S' = Σ h^(m−1)/(m−1)! (−1)^(m−1) He_{m−1}(a);
  // He_{m+1} = a·He_m − m·He_{m−1}
  let hePrev = 0;
  let he = 1;
  let pw = h;
  let sum = h;
  let slope = 1;
  // He_m(a) can vanish (He_odd(0), He_2(±1)), so stop only after two terms in a row add nothing.
  let idle = 0;
  for (let m = 1; m < 40 && idle < 2; m++) {
    const heNext = a * he - (m - 1) * hePrev;
    hePrev = he;
    he = heNext;
    slope -= pw * he;
    pw *= -h / (m + 1);
    const next = sum + pw * he;
    idle = next === sum ? idle + 1 : 0;
    sum = next;
  }
  const phi = dens![i];
  const e = (a > -TAIL ? g[i] + (0.5 - p) : g[i] - p) + phi * sum;
  // Halley: u = (Φ(x) − p)/φ(x); x ← x − u/(1 + x·u/2)
  const u = e / (phi * slope);
  return x - u / (1 + 0.5 * x * u);
}

/**
 * Φ⁻¹(p), the standard normal quantile, for 0 < p < 1: Acklam's rational approximation
 * (relative error below 1.15e-9) refined by one Halley step on Φ(x) − p, which brings it to
 * about 1e-15 relative. The upper half is −Φ⁻¹(1 − p), 1 − p being exact there, so the
 * result is antisymmetric. Reference: P. J. Acklam, "An algorithm for computing the inverse
 * normal cumulative distribution function" (2003); scipy's `ndtri` (Cephes) gives the same
 * values to a few ulps.
 */
export function normalQuantile(p: number): number {
  if (p > 0.5) return -normalQuantile(1 - p);
  let x: number;
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
  return x > -LOW ? halley(x, p) : x;
}
