// ln Γ(x) for x > 0, accurate to about 1e-15 relative for the integer-plus-one
// arguments that the expected mutual information needs.

const HALF_LN_2PI = 0.9189385332046727; // ½ ln(2π)

/**
 * Stirling's series with five correction terms (Abramowitz & Stegun 6.1.40),
 * after shifting x above 15 with Γ(x+1) = xΓ(x); the truncation error there is below 1e-17.
 */
export function lgamma(x: number): number {
  let shift = 0;
  let prod = 1;
  while (x < 15) {
    prod *= x;
    x += 1;
    shift = 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188)))));
  const s = (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series;
  return shift ? s - Math.log(prod) : s;
}
