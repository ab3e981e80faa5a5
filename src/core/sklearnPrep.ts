// sklearn 1.2.1 `_estimate_mi` preprocessing, step by step, in numpy's arithmetic order:
// continuous columns are divided by their population std (a zero std leaves them as
// they are), then get 1e-10·max(1, mean|x|)·N(0,1) noise from RandomState(seed), drawn
// as one (n_samples × n_continuous) row-major matrix; a regression target is then
// scaled and noised the same way from the same stream.
import { LegacyNormal } from './mt19937.js';
import { npStd, npSum } from './numpyStats.js';
import { maxAbs, plainArithmeticSafe, safeMoments } from './safeStats.js';

const NOISE = 1e-10; // sklearn.feature_selection._mutual_info._estimate_mi
const EPS = 2.220446049250313e-16;

/**
 * Beyond 2^±500 numpy's std overflows (sklearn then divides by inf and erases the column)
 * or its squares underflow: there the std and mean |x| come from values scaled by their
 * maximum. In between they are numpy's, bit for bit.
 */
export function sklearnStd(x: Float64Array): number {
  return plainArithmeticSafe(maxAbs(x, x.length)) ? npStd(x) : safeMoments(x, x.length).std;
}

export function sklearnAbsMean(x: Float64Array): number {
  return plainArithmeticSafe(maxAbs(x, x.length)) ? npSum(x.map(Math.abs)) / x.length : safeMoments(x, x.length).meanAbs;
}

/**
 * A column left unscaled (std below 10·ε) may hold values ≥ 2^1000, where x + noise or a
 * k-NN distance would overflow: it is multiplied by 2^-64 (exact), which sklearn cannot
 * match anyway (its result there is inf or nan).
 */
export function tame(x: Float64Array): void {
  if (maxAbs(x, x.length) < 2 ** 1000) return;
  for (let i = 0; i < x.length; i++) x[i] *= 2 ** -64;
}

/**
 * Returns scaled and noised continuous columns (discrete ones are passed through
 * untouched) and, for regression, y. With `inPlace` the caller's own column copies are
 * overwritten, saving a copy of X; otherwise the input is never mutated.
 */
export function sklearnPrepare(
  columns: Float64Array[],
  discrete: boolean[],
  y: Float64Array | undefined,
  seed: number,
  inPlace = false,
): { columns: Float64Array[]; y: Float64Array | undefined } {
  const n = columns[0].length;
  const rng = new LegacyNormal(seed);
  const cont = discrete.flatMap((d, j) => (d ? [] : [j]));
  const out = columns.slice();
  if (cont.length > 0) {
    // sklearn reduces X[:, mask], which numpy's fancy indexing lays out column-major,
    // so each column is summed as a contiguous 1-D array (npSum).
    const scaled = cont.map((j) => {
      let s = sklearnStd(columns[j]);
      if (s < 10 * EPS) s = 1; // sklearn _handle_zeros_in_scale
      const x = inPlace ? columns[j] : new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = columns[j][i] / s;
      tame(x);
      return x;
    });
    const amp = scaled.map((x) => NOISE * Math.max(1, sklearnAbsMean(x)));
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < cont.length; c++) scaled[c][i] += amp[c] * rng.nextGaussian();
    }
    cont.forEach((j, c) => (out[j] = scaled[c]));
  }
  if (!y) return { columns: out, y: undefined };
  let s = sklearnStd(y);
  if (s === 0) s = 1; // a scalar scale is replaced only when exactly 0
  const ys = y.map((v) => v / s);
  tame(ys);
  const amp = NOISE * Math.max(1, sklearnAbsMean(ys));
  for (let i = 0; i < n; i++) ys[i] += amp * rng.nextGaussian();
  return { columns: out, y: ys };
}
