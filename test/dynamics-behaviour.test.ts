import { describe, expect, it } from 'vitest';
import {
  activeInformationStorage,
  conditionalTransferEntropy,
  laggedMutualInformation,
  localTransferEntropy,
  transferEntropy,
  transferEntropyTest,
} from '../src/index.js';
import { digamma } from '../src/backend/js/digamma.js';
import { BACKENDS, rng } from './support/helpers.js';

function normals(n: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

/** x_t = 0.5 x_{t−1} + e, y_t = 0.4 y_{t−1} + c·x_{t−1} + e′. */
function coupled(n: number, c: number, seed: number): { x: number[]; y: number[] } {
  const e = normals(n, seed);
  const f = normals(n, seed + 1);
  const x = [e[0]];
  const y = [f[0]];
  for (let t = 1; t < n; t++) {
    x.push(0.5 * x[t - 1] + e[t]);
    y.push(0.4 * y[t - 1] + c * x[t - 1] + f[t]);
  }
  return { x, y };
}

/** Brute-force KSG-1 TE (history 1, delay 1) with a Theiler window w: the oracle of the window. */
function bruteTE(x: number[], y: number[], k: number, w: number): number {
  const n = x.length - 1;
  const A = (i: number) => y[i + 1];
  const B = (i: number) => x[i];
  const C = (i: number) => y[i];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const ds: number[] = [];
    for (let j = 0; j < n; j++) {
      if (Math.abs(i - j) <= w) continue;
      ds.push(Math.max(Math.abs(A(j) - A(i)), Math.abs(B(j) - B(i)), Math.abs(C(j) - C(i))));
    }
    ds.sort((a, b) => a - b);
    const e = ds[k - 1];
    let nac = 0;
    let nbc = 0;
    let nc = 0;
    for (let j = 0; j < n; j++) {
      if (Math.abs(i - j) <= w) continue;
      const dc = Math.abs(C(j) - C(i));
      if (dc >= e) continue;
      nc++;
      if (Math.abs(A(j) - A(i)) < e) nac++;
      if (Math.abs(B(j) - B(i)) < e) nbc++;
    }
    sum += digamma(k) - digamma(nac + 1) - digamma(nbc + 1) + digamma(nc + 1);
  }
  return sum / n;
}

describe.each(BACKENDS)('time-series behaviour (%s)', (backend) => {
  const { x, y } = coupled(400, 0.8, 11);
  const raw = { normalize: false, noise: 0, backend } as const;

  it('transferEntropy(x, y, {theiler: w}) equals a brute-force KSG with the window, for w = 0, 1, 5', () => {
    for (const w of [0, 1, 5]) expect(transferEntropy(x, y, { theiler: w, ...raw })).toBeCloseTo(bruteTE(x, y, 4, w), 12);
  });

  it('transferEntropy finds the coupling direction: x → y large, y → x near 0', () => {
    const xy = transferEntropy(x, y, { backend });
    const yx = transferEntropy(y, x, { backend });
    expect(xy).toBeGreaterThan(0.15);
    expect(Math.abs(yx)).toBeLessThan(0.05);
  });

  it("transferEntropy(x, y, {estimator: 'gaussian'}) is half the Granger log-ratio of residual variances", () => {
    // closed form: TE = ½ ln(σ²(y_t | y_{t−1}) / σ²(y_t | y_{t−1}, x_{t−1})) from least squares
    const n = x.length - 1;
    const resid = (cols: number[][]) => {
      // solve normal equations for y_t on [1, ...cols] by Gaussian elimination
      const X = Array.from({ length: n }, (_, i) => [1, ...cols.map((c) => c[i])]);
      const m = X[0].length;
      const A = Array.from({ length: m }, (_, a) => Array.from({ length: m + 1 }, (_, b) => 0));
      for (let i = 0; i < n; i++) {
        for (let a = 0; a < m; a++) {
          for (let b = 0; b < m; b++) A[a][b] += X[i][a] * X[i][b];
          A[a][m] += X[i][a] * y[i + 1];
        }
      }
      for (let p = 0; p < m; p++) for (let r = p + 1; r < m; r++) {
        const f = A[r][p] / A[p][p];
        for (let c = p; c <= m; c++) A[r][c] -= f * A[p][c];
      }
      const beta = new Array(m).fill(0);
      for (let p = m - 1; p >= 0; p--) {
        let s = A[p][m];
        for (let c = p + 1; c < m; c++) s -= A[p][c] * beta[c];
        beta[p] = s / A[p][p];
      }
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (y[i + 1] - X[i].reduce((s, v, c) => s + v * beta[c], 0)) ** 2;
      return ss;
    };
    const past = y.slice(0, n);
    const src = x.slice(0, n);
    expect(transferEntropy(x, y, { estimator: 'gaussian', backend })).toBeCloseTo(0.5 * Math.log(resid([past]) / resid([past, src])), 10);
  });

  it('several trials pool their observations: the same trial twice gives the discrete TE of one', () => {
    const xs = x.map((v) => (v > 0 ? 1 : 0));
    const ys = y.map((v) => (v > 0 ? 1 : 0));
    const one = transferEntropy(xs, ys, { estimator: 'discrete', history: 2, backend });
    expect(transferEntropy([xs, xs], [ys, ys], { estimator: 'discrete', history: 2, backend })).toBeCloseTo(one, 14);
    const locals = localTransferEntropy([xs, xs.slice(0, 100)], [ys, ys.slice(0, 100)], { estimator: 'discrete', history: 2, backend }) as Float64Array[];
    expect(locals.map((l) => l.length)).toEqual([400, 100]);
    expect(Number.isNaN(locals[1][1])).toBe(true);
  });

  it('conditionalTransferEntropy given the true driver removes a spurious transfer', () => {
    // z drives x at lag 1 and y at lag 2: x → y looks like transfer, but not given z
    const z = normals(500, 5);
    const xs = z.map((_, t) => (t > 0 ? z[t - 1] : 0) + 0.3 * normals(1, 100 + t)[0]);
    const ys = z.map((_, t) => (t > 1 ? z[t - 2] : 0) + 0.3 * normals(1, 900 + t)[0]);
    expect(transferEntropy(xs, ys, { backend })).toBeGreaterThan(0.3);
    expect(conditionalTransferEntropy(xs, ys, z, { conditionDelay: 2, backend })).toBeLessThan(0.05);
  });

  it('activeInformationStorage of an AR(1) with coefficient 0.5 is near −½ ln(1 − 0.25) (Gaussian closed form)', () => {
    const s = coupled(4000, 0, 3).x;
    expect(activeInformationStorage(s, { estimator: 'gaussian', backend })).toBeCloseTo(-0.5 * Math.log(0.75), 1);
  });

  it('transferEntropyTest: significant for coupled series, bit-identical for a seed, p = (1 + #{null ≥ value})/(1 + permutations)', () => {
    const r = transferEntropyTest(x, y, { permutations: 19, seed: 4, backend });
    expect(r.pValue).toBe(1 / 20);
    expect(r.value).toBe(transferEntropy(x, y, { seed: 4, backend }));
    expect(r.nullMean).toBeLessThan(0.05);
    expect(transferEntropyTest(x, y, { permutations: 19, seed: 4, backend })).toEqual(r);
    // independent series: p < 0.05 in about 5% of 40 datasets (P(≥ 7 of 40) < 0.015 under the null)
    let small = 0;
    for (let d = 0; d < 40; d++) {
      const ind = coupled(200, 0, 1000 + 2 * d);
      if (transferEntropyTest(ind.x, ind.y, { estimator: 'gaussian', permutations: 99, seed: d, backend }).pValue < 0.05) small++;
    }
    expect(small).toBeLessThanOrEqual(6);
  });
});

describe('laggedMutualInformation', () => {
  it('finds the lag at which y repeats x', () => {
    const x = normals(600, 8);
    const y = x.map((_, t) => (t >= 3 ? x[t - 3] : 0) + 0.1 * normals(1, 50 + t)[0]);
    const r = laggedMutualInformation(x, y, { lags: 6, estimator: 'ksg' });
    expect(r.lags).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(r.best).toBe(3);
    expect(laggedMutualInformation(y, x, { lags: [-3, 0, 3], estimator: 'ksg' }).best).toBe(-3);
  });
  it('auto-MI of a sine: the first minimum is near a quarter period (Fraser & Swinney)', () => {
    const s = Array.from({ length: 2000 }, (_, t) => Math.sin((2 * Math.PI * t) / 40) + 0.05 * normals(1, t)[0]);
    const r = laggedMutualInformation(s, s, { lags: 20, estimator: 'ksg' });
    expect(r.firstMinimum).toBeGreaterThanOrEqual(8);
    expect(r.firstMinimum).toBeLessThanOrEqual(12);
  });
  it('a dip or peak of rounding size is not structure: best and firstMinimum agree across backends (fuzz seed 42)', () => {
    // y holds one class, so every lag's 'mixed' MI is 0 up to rounding (1e-16 to 1e-15),
    // rounded differently by the backends: firstMinimum was 8 on js and 9 on wasm
    const x = Float64Array.from([-1.7e308, -0, 70000, 1e308, -0, 70000, 5e-324, 5e-324, 70000, 5e-324, 2 ** 53, 2 ** 31, 1e308, 70000, -1, 0.5, -0, 2 ** 53, 70000, 5e-324, 1e308, -1.7e308, 2 ** 31]);
    const y = new BigInt64Array(x.length);
    for (const backend of ['js', 'wasm'] as const) {
      const r = laggedMutualInformation(x, y, { base: 2, backend });
      expect(Math.max(...Array.from(r.values, Math.abs))).toBeLessThan(1e-13);
      expect(r.firstMinimum).toBeNull();
      expect(r.best).toBe(0);
    }
    // real peaks and dips are still found: the two tests above
  });
  it('names a bad lag', () => {
    expect(() => laggedMutualInformation([1, 2, 3], [1, 2, 3], { lags: [0.5] })).toThrow(/laggedMutualInformation: lags\[0\] must be an integer, got 0.5/);
    expect(() => laggedMutualInformation([1, 2, 3], [1, 2, 3], { lags: [2] })).toThrow(/laggedMutualInformation: lag 2 leaves 1 pairs/);
  });
});

describe('time series: bad input names the argument', () => {
  const s = normals(50, 1);
  it.each([
    ['a series shorter than the embedding plus k + 1', () => transferEntropy(s.slice(0, 6), s.slice(0, 6), { k: 4, history: 2 }), RangeError, /transferEntropy: target is too short: it needs at least 7 values, the embedding \(2 steps\) plus k \+ 1 = 5, got 6/],
    ['delay < 0', () => transferEntropy(s, s, { delay: -1 }), RangeError, /transferEntropy: delay must be an integer ≥ 0, got -1/],
    // fuzz seed 42: noise 1e308 crashed transferEntropy with a TypeError from deep inside, and AIS returned Infinity
    ['noise > 1', () => transferEntropy(s, s, { noise: 1e308 }), RangeError, /^transferEntropy: noise must be a number in \[0, 1\], got 1e\+308$/],
    ['noise > 1 (AIS)', () => activeInformationStorage(s, { noise: 1e308 }), RangeError, /^activeInformationStorage: noise must be a number in \[0, 1\]/],
    // fuzz seed 42: lags 1e308 tried to allocate 1e308 lags ("Invalid array length")
    ['lags past n − 1', () => laggedMutualInformation(s, s, { lags: 1e308 }), RangeError, /^laggedMutualInformation: lags must be at most n − 1 = 49, got 1e\+308$/],
    ['a lag past n − 1 in the array', () => laggedMutualInformation(s, s, { lags: [0, -50] }), RangeError, /^laggedMutualInformation: lags\[1\] must be in/],
    ['history < 1', () => activeInformationStorage(s, { history: 0 }), RangeError, /activeInformationStorage: history must be an integer in \[1, 16777216\], got 0/],
    ['trials of different count', () => transferEntropy([s, s], [s], {}), RangeError, /transferEntropy: target and source must have the same number of trials, got 1 and 2/],
    ['NaN values', () => transferEntropy([...s.slice(0, 9), NaN, ...s.slice(10)], s), RangeError, /transferEntropy: source must contain finite numbers, got NaN at source index 9/],
    ['lengths that differ', () => transferEntropy(s, s.slice(1)), RangeError, /transferEntropy: target and source must have the same length, got 49 and 50/],
    ['a k-NN option for a discrete estimator', () => transferEntropy([0, 1, 0, 1], [1, 0, 1, 0], { estimator: 'discrete', k: 3 }), TypeError, /transferEntropy: option "k" does not apply to estimator 'discrete'/],
    ['an unknown option', () => transferEntropy(s, s, { lag: 2 } as any), TypeError, /transferEntropy: unknown option "lag"/],
    ['permutations of 0', () => transferEntropyTest(s, s, { permutations: 0 }), RangeError, /transferEntropyTest: permutations must be an integer in \[1, 2\^31 - 1\], got 0/],
    ['a Theiler window that leaves fewer than k candidates', () => transferEntropy(s.slice(0, 12), s.slice(0, 12), { theiler: 4 }), RangeError, /transferEntropy: k must be at most the number of neighbour candidates/],
  ])('%s', (_name, f, type, msg) => {
    expect(f).toThrow(type as any);
    expect(f).toThrow(msg as RegExp);
  });
});
