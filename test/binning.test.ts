// discretize and the binned estimators. Expected edges and counts come from numpy 1.24.2
// (np.histogram_bin_edges(x, bins=rule) and np.histogram(x, bins=rule)), run on the same
// float64 values; they are hard-coded here with that source.
import { describe, expect, it } from 'vitest';
import { discretize, entropy, mutualInfoScore, mutualInformation } from '../src/index.js';
import { BACKENDS } from './support/helpers.js';
import { countCodes, exponentials, normals } from './support/family.js';

const A = [2.3, -1.1, 0.4, 5.9, 3.3, 3.1, -0.2, 1.7, 2.2, 8.4, 0.9, 1.1, 2.5, 2.6, 4.0, -3.2, 1.3, 0.0, 2.2, 1.9];
// numpy 1.24.2: np.histogram_bin_edges(A, bins=rule) and np.histogram(A, bins=rule)[0]
const A_EDGES: Record<string, [number[], number[]]> = {
  sqrt: [[-3.2, -0.8799999999999999, 1.4400000000000004, 3.7600000000000007, 6.080000000000001, 8.4], [2, 6, 9, 2, 1]],
  sturges: [
    [-3.2, -1.2666666666666666, 0.666666666666667, 2.6000000000000005, 4.533333333333334, 6.466666666666668, 8.4],
    [1, 4, 10, 3, 1, 1],
  ],
  rice: [
    [-3.2, -1.2666666666666666, 0.666666666666667, 2.6000000000000005, 4.533333333333334, 6.466666666666668, 8.4],
    [1, 4, 10, 3, 1, 1],
  ],
  scott: [[-3.2, -0.2999999999999998, 2.6000000000000005, 5.500000000000001, 8.4], [2, 13, 3, 2]],
  fd: [
    [-3.2, -1.9111111111111112, -0.6222222222222222, 0.666666666666667, 1.9555555555555557, 3.2444444444444445,
      4.533333333333334, 5.822222222222222, 7.111111111111112, 8.4],
    [1, 1, 3, 5, 6, 2, 0, 1, 1],
  ],
  doane: [
    [-3.2, -1.542857142857143, 0.11428571428571432, 1.7714285714285714, 3.428571428571429, 5.085714285714286,
      6.742857142857143, 8.4],
    [1, 3, 5, 8, 1, 1, 1],
  ],
  auto: [
    [-3.2, -1.9111111111111112, -0.6222222222222222, 0.666666666666667, 1.9555555555555557, 3.2444444444444445,
      4.533333333333334, 5.822222222222222, 7.111111111111112, 8.4],
    [1, 1, 3, 5, 6, 2, 0, 1, 1],
  ],
  '10': [
    [-3.2, -2.04, -0.8799999999999999, 0.28000000000000025, 1.4400000000000004, 2.6000000000000005,
      3.7600000000000007, 4.920000000000001, 6.080000000000001, 7.240000000000001, 8.4],
    [1, 1, 2, 4, 7, 2, 1, 1, 0, 1],
  ],
};

// B = exponentials(1000, 42): -2·ln(1 − u) on mulberry32(42), the same doubles handed to numpy.
const B = exponentials(1000, 42);
// numpy 1.24.2 on B: number of bins, edges[1] (edges[0] = min, edges[-1] = max) and the counts
const B_BINS: Record<string, [number, number, number[]]> = {
  sqrt: [32, 0.36508357879997055, [148, 139, 109, 105, 89, 77, 65, 38, 27, 29, 36, 26, 23, 14, 8, 12, 8, 8, 5, 3, 6, 5, 4, 0, 4, 1, 2, 2, 1, 2, 2, 2]],
  sturges: [11, 1.0618099864758026, [389, 266, 138, 88, 49, 28, 12, 14, 6, 5, 5]],
  rice: [20, 0.5840547354980892, [237, 180, 149, 130, 74, 46, 51, 41, 21, 16, 13, 9, 8, 6, 3, 5, 3, 2, 3, 3]],
  scott: [17, 0.6870999857089686, [273, 205, 164, 114, 54, 60, 46, 18, 19, 13, 9, 6, 5, 4, 4, 3, 3]],
  fd: [29, 0.40283722650654274, [167, 143, 121, 107, 96, 74, 55, 33, 26, 41, 28, 26, 12, 8, 11, 10, 8, 3, 6, 5, 4, 0, 4, 3, 1, 2, 2, 2, 2]],
  doane: [16, 0.7300355066301683, [287, 214, 166, 103, 56, 62, 37, 20, 16, 8, 11, 4, 5, 4, 3, 4]],
  auto: [29, 0.40283722650654274, [167, 143, 121, 107, 96, 74, 55, 33, 26, 41, 28, 26, 12, 8, 11, 10, 8, 3, 6, 5, 4, 0, 4, 3, 1, 2, 2, 2, 2]],
  '10': [10, 1.1679778200264055, [417, 279, 120, 92, 37, 22, 14, 8, 5, 6]],
};
const B_MIN = 0.00013165096977287193;
const B_MAX = 11.6785933415361;

// C has an IQR of 0: numpy's fd rule then uses 1 bin, and auto falls back to sturges.
const C = [3, 3, 3, 3, 3, 3, 3, 1, 5, 3, 3, 3];
const C_EDGES: Record<string, [number[], number[]]> = {
  sqrt: [[1, 2, 3, 4, 5], [1, 0, 10, 1]],
  sturges: [[1, 1.8, 2.6, 3.4000000000000004, 4.2, 5], [1, 0, 10, 0, 1]],
  rice: [[1, 1.8, 2.6, 3.4000000000000004, 4.2, 5], [1, 0, 10, 0, 1]],
  scott: [[1, 2, 3, 4, 5], [1, 0, 10, 1]],
  fd: [[1, 5], [12]],
  doane: [[1, 1.8, 2.6, 3.4000000000000004, 4.2, 5], [1, 0, 10, 0, 1]],
  auto: [[1, 1.8, 2.6, 3.4000000000000004, 4.2, 5], [1, 0, 10, 0, 1]],
};

const rule = (r: string) => (/^\d+$/.test(r) ? Number(r) : r) as never;

describe.each(BACKENDS)('discretize on %s', (backend) => {
  it.each(Object.keys(A_EDGES))('discretize(A, {bins: %s}) has numpy histogram_bin_edges and histogram counts', (r) => {
    const [edges, counts] = A_EDGES[r];
    const d = discretize(A, { bins: rule(r), backend });
    expect(Array.from(d.edges)).toEqual(edges);
    expect(countCodes(d.codes, edges.length - 1)).toEqual(counts);
  });

  it.each(Object.keys(B_BINS))('discretize(B, {bins: %s}) on 1000 skewed values matches numpy', (r) => {
    const [nBins, second, counts] = B_BINS[r];
    const d = discretize(B, { bins: rule(r), backend });
    expect(d.edges.length - 1).toBe(nBins);
    expect([d.edges[0], d.edges[1], d.edges[nBins]]).toEqual([B_MIN, second, B_MAX]);
    expect(countCodes(d.codes, nBins)).toEqual(counts);
  });

  it.each(Object.keys(C_EDGES))('discretize(C, {bins: %s}) with a zero IQR matches numpy', (r) => {
    const [edges, counts] = C_EDGES[r];
    const d = discretize(C, { bins: rule(r), backend });
    expect(Array.from(d.edges)).toEqual(edges);
    expect(countCodes(d.codes, edges.length - 1)).toEqual(counts);
  });

  it('discretize(constant) spans [v − ½, v + ½] as numpy: histogram_bin_edges([2, 2, 2], 3)', () => {
    expect(Array.from(discretize([2, 2, 2], { bins: 3, backend }).edges)).toEqual([1.5, 1.8333333333333333, 2.1666666666666665, 2.5]);
    expect(Array.from(discretize([2, 2, 2], { bins: 'fd', backend }).edges)).toEqual([1.5, 2.5]);
  });

  it('discretize(x, {method: equal-frequency}) cuts at np.quantile(x, linspace(0, 1, bins + 1))', () => {
    // numpy 1.24.2: np.quantile(A, np.linspace(0, 1, 5)) = [-3.2, 0.775, 2.05, 2.725, 8.4], histogram [5, 5, 5, 5]
    const a = discretize(A, { method: 'equal-frequency', bins: 4, backend });
    expect(Array.from(a.edges)).toEqual([-3.2, 0.775, 2.05, 2.725, 8.4]);
    expect(countCodes(a.codes, 4)).toEqual([5, 5, 5, 5]);
    // 'fd' picks 29 bins for B; numpy: quantile edges[1] = 0.07709570929054023, counts 34 or 35 each
    const b = discretize(B, { method: 'equal-frequency', bins: 'fd', backend });
    expect(b.edges.length).toBe(30);
    expect([b.edges[0], b.edges[1], b.edges[29]]).toEqual([B_MIN, 0.07709570929054023, B_MAX]);
    expect(countCodes(b.codes, 29)).toEqual([
      35, 34, 35, 34, 35, 34, 35, 34, 35, 34, 34, 35, 34, 35, 34, 35, 34, 35, 34, 34, 35, 34, 35, 34, 35, 34, 35, 34, 35,
    ]);
    // ties merge edges: np.unique(np.quantile(C, linspace(0, 1, 5))) = [1, 3, 5], np.histogram = [1, 11]
    const c = discretize(C, { method: 'equal-frequency', bins: 4, backend });
    expect(Array.from(c.edges)).toEqual([1, 3, 5]);
    expect(countCodes(c.codes, 2)).toEqual([1, 11]);
  });

  it('discretize(rows) bins each dimension as its own 1-D column', () => {
    const rows = A.map((v, i) => [v, B[i], C[i % C.length]]);
    const d = discretize(rows, { bins: 'sturges', backend });
    expect(d.codes.length).toBe(3);
    const cols = [A, B.slice(0, 20), A.map((_, i) => C[i % C.length])];
    cols.forEach((col, j) => {
      const one = discretize(col, { bins: 'sturges', backend });
      expect(Array.from(d.codes[j])).toEqual(Array.from(one.codes));
      expect(Array.from(d.edges[j])).toEqual(Array.from(one.edges));
    });
  });

  it('discretize accepts typed arrays and gives the same codes as plain arrays', () => {
    expect(Array.from(discretize(Float64Array.from(B), { bins: 'doane', backend }).codes)).toEqual(
      Array.from(discretize(B, { bins: 'doane', backend }).codes),
    );
    // numpy: histogram([1, 5, 3, 9], 2) has edges [1, 5, 9] and counts [2, 2]; 5 sits on an edge and goes right
    expect(Array.from(discretize(Int32Array.of(1, 5, 3, 9), { bins: 2, backend }).codes)).toEqual([0, 1, 0, 1]);
  });
});

describe.each(BACKENDS)('binned estimators on %s', (backend) => {
  const x = normals(3000, 5);
  const noise = normals(3000, 6);
  const y = x.map((v, i) => 0.8 * v + 0.6 * noise[i]);
  const truth = -0.5 * Math.log(1 - 0.64); // ρ = 0.8: 0.5108 nats

  it('mutualInformation(x, y, {estimator: binned}) is mutualInfoScore of the discretize codes', () => {
    for (const bins of [10, 'fd', 'sturges'] as const) {
      for (const binning of ['equal-width', 'equal-frequency'] as const) {
        const cx = discretize(x, { bins, method: binning }).codes;
        const cy = discretize(y, { bins, method: binning }).codes;
        const v = mutualInformation(x, y, { estimator: 'binned', bins, binning, backend });
        expect(v).toBeCloseTo(mutualInfoScore(cx, cy, { backend }), 14);
      }
    }
  });

  it('mutualInformation(x, y, {estimator: binned}) is near −½ ln(1 − ρ²) for a Gaussian pair with ρ = 0.8', () => {
    // Sturges' 13 equal-frequency bins at N = 3000: measured 0.4856 (coarse bins lose a little information)
    const v = mutualInformation(x, y, { estimator: 'binned', bins: 'sturges', binning: 'equal-frequency', backend });
    expect(Math.abs(v - truth)).toBeLessThan(0.05);
  });

  it('mutualInformation(x, y, {estimator: binned, correction: miller-madow}) removes most of the many-bin bias', () => {
    // fd and sqrt give 30-55 bins a side at N = 3000: the plug-in MI overshoots by (R−1)(C−1)/(2N) and more
    for (const bins of ['fd', 'sqrt'] as const) {
      const plugin = mutualInformation(x, y, { estimator: 'binned', bins, backend });
      const mm = mutualInformation(x, y, { estimator: 'binned', bins, correction: 'miller-madow', backend });
      expect(plugin - truth).toBeGreaterThan(0.05);
      expect(Math.abs(mm - truth)).toBeLessThan(Math.abs(plugin - truth) / 2);
    }
  });

  it('mutualInformation(rows, y, {estimator: binned}) uses the joint bin of the dimensions', () => {
    const rows = x.map((v, i) => [v, y[i]]);
    const d = discretize(rows, { bins: 4 });
    const joint = d.codes[0].map((c, i) => c * 4 + d.codes[1][i]);
    const z = y.map((v) => v * v);
    const cz = discretize(z, { bins: 4 }).codes;
    expect(mutualInformation(rows, z, { estimator: 'binned', bins: 4, backend })).toBeCloseTo(mutualInfoScore(joint, cz), 13);
  });

  it('entropy(x, {estimator: binned, correction}) equals entropy of the discretize codes', () => {
    const codes = discretize(x, { bins: 'auto' }).codes;
    for (const c of ['plugin', 'miller-madow', 'chao-shen', 'laplace'] as const) {
      expect(entropy(x, { estimator: 'binned', bins: 'auto', correction: c, backend })).toBeCloseTo(
        entropy(codes, { estimator: c, backend }),
        14,
      );
    }
    // 8 equal-frequency bins of distinct values hold N/8 each: the plug-in entropy is ln 8
    expect(entropy(x.slice(0, 2000), { estimator: 'binned', bins: 8, binning: 'equal-frequency', backend })).toBeCloseTo(Math.log(8), 14);
  });
});
