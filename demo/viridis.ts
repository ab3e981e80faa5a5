// A viridis colour scale by linear interpolation between nine stops. The stops
// are viridisLite::viridis(9) in R, which samples matplotlib's viridis map
// (van der Walt & Smith, 2015): perceptually uniform, and legible in greyscale.
const STOPS = ['440154', '472d7b', '3b528b', '2c728e', '21908c', '27ad81', '5dc863', 'aadc32', 'fde725'].map(
  (h) => [0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16)),
);

/** The viridis colour at t in [0, 1] (clamped), as `rgb(r,g,b)`. */
export function viridis(t: number): string {
  const s = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(s));
  const f = s - i;
  const [r, g, b] = STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f));
  return `rgb(${r},${g},${b})`;
}
