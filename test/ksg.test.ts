import { describe, expect, it } from 'vitest';
import psi from '@stdlib/math-base-special-digamma';
import { conditionalMutualInformation, entropy, mutualInformation } from '../src/index.js';
import { BACKENDS, fixture, rng } from './support/helpers.js';

type Rows = number[][];

/** n standard normals from a seeded uniform stream (Box–Muller). */
function normals(n: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

/** x, y standard bivariate normal with correlation rho. */
function gaussianPair(n: number, rho: number, seed: number): [number[], number[]] {
  const x = normals(n, seed);
  const e = normals(n, seed + 1);
  return [x, x.map((v, i) => rho * v + Math.sqrt(1 - rho * rho) * e[i])];
}

/** Mean 0, population variance 1. */
function standardized(a: number[]): number[] {
  const mu = a.reduce((s, v) => s + v, 0) / a.length;
  const sd = Math.sqrt(a.reduce((s, v) => s + (v - mu) ** 2, 0) / a.length);
  return a.map((v) => (v - mu) / sd);
}

/**
 * A bivariate normal sample whose sample correlation is exactly rho (e is made orthogonal
 * to x), so that a closed-form check measures the estimator, not the sampling of r.
 */
function exactPair(n: number, rho: number, seed: number): [number[], number[]] {
  const x = standardized(normals(n, seed));
  const e0 = standardized(normals(n, seed + 1));
  const b = e0.reduce((s, v, i) => s + v * x[i], 0) / n;
  const e = standardized(e0.map((v, i) => v - b * x[i]));
  return [x, x.map((v, i) => rho * v + Math.sqrt(1 - rho * rho) * e[i])];
}

/** The mean of f over four seeds: one seeded sample of KSG at N = 10,000 still varies by about ±1%. */
const overSeeds = (f: (seed: number) => number) => [11, 13, 17, 19].reduce((s, seed) => s + f(seed), 0) / 4;

const gaussianMi = (rho: number) => -0.5 * Math.log(1 - rho * rho);

/** KSG algorithm 1 or 2 by brute force, O(N²), with ψ from @stdlib: the oracle for small N. */
function bruteKsg(x: Rows, y: Rows, k: number, algorithm: 1 | 2): number {
  const n = x.length;
  const cheb = (a: number[], b: number[]) => a.reduce((m, v, c) => Math.max(m, Math.abs(v - b[c])), 0);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const near = [];
    for (let j = 0; j < n; j++) if (j !== i) near.push({ j, d: Math.max(cheb(x[i], x[j]), cheb(y[i], y[j])) });
    near.sort((a, b) => a.d - b.d);
    const knn = near.slice(0, k);
    if (algorithm === 1) {
      const e = knn[k - 1].d;
      const nx = near.filter(({ j }) => cheb(x[i], x[j]) < e).length;
      const ny = near.filter(({ j }) => cheb(y[i], y[j]) < e).length;
      sum += psi(nx + 1) + psi(ny + 1);
    } else {
      const ex = Math.max(...knn.map(({ j }) => cheb(x[i], x[j])));
      const ey = Math.max(...knn.map(({ j }) => cheb(y[i], y[j])));
      const nx = near.filter(({ j }) => cheb(x[i], x[j]) <= ex).length;
      const ny = near.filter(({ j }) => cheb(y[i], y[j]) <= ey).length;
      sum += psi(nx) + psi(ny);
    }
  }
  return algorithm === 1 ? psi(k) + psi(n) - sum / n : psi(k) - 1 / k + psi(n) - sum / n;
}

interface NpeetCase {
  name: string;
  fn: 'mi' | 'cmi' | 'entropy';
  x: Rows;
  y?: Rows;
  z?: Rows;
  k: number;
  expected_bits: number;
}
interface SklearnCase {
  name: string;
  fn: string;
  X: Rows;
  y: number[];
  n_neighbors: number;
  discrete_features: 'auto' | boolean | boolean[] | number[];
  expected: number[];
}
interface JidtCase {
  name: string;
  fn: string;
  algorithm: 1 | 2;
  k: number;
  x: number[] | Rows;
  y: number[] | Rows;
  z?: number[] | Rows;
  expected: number;
}

// NPEET (gregversteeg/NPEET) mi / cmi / entropy in bits, its noise off: see test/fixtures/npeet.json.
const npeet = fixture<{ cases: NpeetCase[] }>('npeet.json').cases;
// sklearn 1.2.1 mutual_info_regression, random_state=0, nats.
const sklearn = fixture<{ cases: SklearnCase[] }>('sklearn_mutual_info.json').cases;
// JIDT Kraskov calculators (algorithms 1 and 2), normalisation and noise off, nats.
const jidt = fixture<{ cases: JidtCase[] }>('jidt.json').cases;

/** The continuous columns of each regression case: every column but those discrete_features marks. */
const sklearnColumns = sklearn
  .filter((c) => c.fn === 'regression')
  .flatMap((c) =>
    c.X[0]
      .map((_, j) => j)
      .filter((j) => {
        const f = c.discrete_features;
        if (f === 'auto' || f === false) return true;
        if (f === true) return false;
        return typeof f[0] === 'boolean' ? !f[j] : !(f as number[]).includes(j);
      })
      .map((j) => [`${c.name} column ${j}`, c, j] as const),
  );

describe.each(BACKENDS)('continuous estimators on %s', (backend) => {
  it.each(npeet.map((c) => [c.name, c] as const))('NPEET fixture %s matches to 1e-9 bits with {base: 2, normalize: false}', (_, c) => {
    const o = { k: c.k, base: 2, normalize: false, backend };
    const v =
      c.fn === 'mi'
        ? mutualInformation(c.x, c.y!, { ...o, estimator: 'ksg' })
        : c.fn === 'cmi'
          ? conditionalMutualInformation(c.x, c.y!, c.z!, o)
          : entropy(c.x, { ...o, estimator: 'kl' });
    expect(Math.abs(v - c.expected_bits)).toBeLessThan(1e-9);
  });

  it.each(sklearnColumns)('sklearn mutual_info_regression %s matches to 1e-10 (KSG 1, clipped at 0 as sklearn)', (_, c, j) => {
    const v = mutualInformation(
      c.X.map((r) => r[j]),
      c.y,
      { estimator: 'ksg', k: c.n_neighbors, backend },
    );
    expect(Math.abs(Math.max(0, v) - c.expected[j])).toBeLessThan(1e-10);
  });

  it.each(jidt.filter((c) => c.fn === 'mi' || (c.fn === 'cmi' && c.algorithm === 1)).map((c) => [c.name, c] as const))(
    'JIDT fixture %s matches to 1e-9 with {normalize: false, noise: 0}',
    (_, c) => {
      const o = { k: c.k, normalize: false, noise: 0, backend };
      const v =
        c.fn === 'mi'
          ? mutualInformation(c.x, c.y, { ...o, estimator: c.algorithm === 1 ? 'ksg' : 'ksg2' })
          : conditionalMutualInformation(c.x, c.y, c.z!, o);
      expect(Math.abs(v - c.expected)).toBeLessThan(1e-9);
    },
  );

  it.each(['ksg', 'ksg2'] as const)(
    'mutualInformation(x, y, {estimator: %s, k: 3}) of bivariate Gaussians, ρ = 0.9, N = 10,000 is within 2% of −½ln(1−ρ²) (mean of 4 samples)',
    (estimator) => {
      const v = overSeeds((seed) => mutualInformation(...exactPair(10000, 0.9, seed), { estimator, backend }));
      expect(Math.abs(v / gaussianMi(0.9) - 1)).toBeLessThan(0.02);
    },
  );

  it('mutualInformation(x, y) of independent uniforms is below 0.01 in absolute value', () => {
    const r = rng(21);
    const x = Array.from({ length: 5000 }, () => r());
    const y = Array.from({ length: 5000 }, () => r());
    expect(Math.abs(mutualInformation(x, y, { estimator: 'ksg', backend }))).toBeLessThan(0.01);
    expect(Math.abs(mutualInformation(x, y, { estimator: 'ksg2', backend }))).toBeLessThan(0.01);
  });

  it('mutualInformation(X, Y) of 2-D × 2-D Gaussians with a known covariance is within 5% of ½ ln det(I + BΣBᵀ/σ²)', () => {
    // x ~ N(0, Σx) with Σx = [[1, .5], [.5, 1]]; y = Bx + σe with B = [[1, 0], [.5, 1]], σ = .7
    const n = 5000;
    const [a, b] = [normals(n, 31), normals(n, 32)];
    const [e1, e2] = [normals(n, 33), normals(n, 34)];
    const s = 0.7;
    const X = a.map((v, i) => [v, 0.5 * v + Math.sqrt(0.75) * b[i]]);
    const Y = X.map(([x1, x2], i) => [x1 + s * e1[i], 0.5 * x1 + x2 + s * e2[i]]);
    // BΣxBᵀ = [[1, 1], [1, 1.75]] for these B and Σx
    const m = [[1 + 1 / s ** 2, 1 / s ** 2], [1 / s ** 2, 1 + 1.75 / s ** 2]];
    const truth = 0.5 * Math.log(m[0][0] * m[1][1] - m[0][1] * m[1][0]);
    expect(Math.abs(mutualInformation(X, Y, { estimator: 'ksg', backend }) / truth - 1)).toBeLessThan(0.05);
  });

  it('conditionalMutualInformation(x, y, z) for y = x + z + e is within 5% of ½ ln((1 + σ²)/σ²), and about 0 for x ⟂ y | z (mean of 4 samples)', () => {
    const n = 5000;
    const cmi = overSeeds((seed) => {
      const [x, z, e] = [normals(n, seed), normals(n, seed + 100), normals(n, seed + 200)];
      return conditionalMutualInformation(x, x.map((v, i) => v + z[i] + e[i]), z, { backend });
    });
    expect(Math.abs(cmi / (0.5 * Math.log(2)) - 1)).toBeLessThan(0.05);
    const zero = overSeeds((seed) => {
      const [x, z, e] = [normals(n, seed), normals(n, seed + 100), normals(n, seed + 200)];
      return conditionalMutualInformation(z.map((v, i) => v + x[i]), z.map((v, i) => v + e[i]), z, { backend });
    });
    expect(Math.abs(zero)).toBeLessThan(0.01);
  });

  it('entropy(x, {estimator: kl}) of N(0, 1), N = 10,000, is within 0.02 of ½ln(2πe) (mean of 4 samples)', () => {
    const h = overSeeds((seed) => entropy(standardized(normals(10000, seed)), { estimator: 'kl', backend }));
    expect(Math.abs(h - 0.5 * Math.log(2 * Math.PI * Math.E))).toBeLessThan(0.02);
  });

  it('entropy(x, {estimator: kl, normalize: true}) still estimates H of x in its own units: H(3x) = H(x) + ln 3', () => {
    const e = normals(2000, 53);
    const x = normals(2000, 52).map((v, i) => [v, v * 0.5 + e[i]]);
    const h = entropy(x, { estimator: 'kl', normalize: true, backend });
    const h3 = entropy(x.map(([a, b]) => [3 * a, 3 * b]), { estimator: 'kl', normalize: true, backend });
    expect(h3).toBeCloseTo(h + 2 * Math.log(3), 10);
  });

  it.each([1, 2] as const)('mutualInformation(x, y, {algorithm %i}) equals a brute-force O(N²) oracle on small N', (alg) => {
    const n = 150;
    const [u, w, e] = [normals(n, 61), normals(n, 62), normals(n, 63)];
    const x = u.map((v, i) => [v, w[i]]);
    const y = x.map(([a], i) => [a + 0.5 * e[i]]);
    const v = mutualInformation(x, y, { estimator: alg === 1 ? 'ksg' : 'ksg2', k: 4, normalize: false, noise: 0, backend });
    expect(Math.abs(v - bruteKsg(x, y, 4, alg))).toBeLessThan(1e-12);
  });

  it('mutualInformation(x, y, {k}) is symmetric in x and y', () => {
    const [x, y] = gaussianPair(3000, 0.6, 71);
    for (const estimator of ['ksg', 'ksg2'] as const) {
      expect(mutualInformation(x, y, { estimator, k: 5, backend })).toBeCloseTo(mutualInformation(y, x, { estimator, k: 5, backend }), 12);
    }
  });

  it('mutualInformation(x, y) with normalize is invariant under a positive affine rescale of x, and not without it', () => {
    const [x, y] = gaussianPair(3000, 0.7, 81);
    const x2 = x.map((v) => 1000 * v - 5);
    const ref = mutualInformation(x, y, { estimator: 'ksg', backend });
    expect(mutualInformation(x2, y, { estimator: 'ksg', backend })).toBeCloseTo(ref, 12);
    expect(Math.abs(mutualInformation(x2, y, { estimator: 'ksg', normalize: false, backend }) - ref)).toBeGreaterThan(0.05);
  });

  it('mutualInformation(x, y, {seed}) gives the same bits for the same seed, and tie-free data do not depend on it', () => {
    const [x, y] = gaussianPair(2000, 0.5, 91);
    const a = mutualInformation(x, y, { estimator: 'ksg', seed: 7, backend });
    expect(Object.is(a, mutualInformation(x, y, { estimator: 'ksg', seed: 7, backend }))).toBe(true);
    expect(mutualInformation(x, y, { estimator: 'ksg', seed: 8, backend })).toBeCloseTo(a, 12);
    // with exact ties the noise decides the counts, so the seed shows
    const xt = x.map((v) => Math.round(v * 4) / 4);
    const yt = y.map((v) => Math.round(v * 4) / 4);
    const s7 = mutualInformation(xt, yt, { estimator: 'ksg', seed: 7, backend });
    expect(Object.is(s7, mutualInformation(xt, yt, { estimator: 'ksg', seed: 7, backend }))).toBe(true);
    expect(s7).not.toBe(mutualInformation(xt, yt, { estimator: 'ksg', seed: 8, backend }));
  });

  it('mutualInformation(rows with a constant column, y) leaves that column unscaled and equals MI without it', () => {
    const [x, y] = gaussianPair(2000, 0.8, 95);
    const withConst = x.map((v) => [v, 4.2]);
    const a = mutualInformation(withConst, y, { estimator: 'ksg', backend });
    expect(Number.isFinite(a)).toBe(true);
    expect(a).toBeCloseTo(mutualInformation(x, y, { estimator: 'ksg', backend }), 12);
  });

  it('mutualInformation accepts number[], typed arrays and rows of one column alike', () => {
    const [x, y] = gaussianPair(1000, 0.5, 97);
    const ref = mutualInformation(x, y, { estimator: 'ksg', backend });
    expect(mutualInformation(Float64Array.from(x), Float32Array.from(y, (v) => v), { estimator: 'ksg', backend })).toBeCloseTo(
      mutualInformation(x, Array.from(Float32Array.from(y)), { estimator: 'ksg', backend }),
      14,
    );
    expect(mutualInformation(x.map((v) => [v]), y.map((v) => [v]), { estimator: 'ksg', backend })).toBeCloseTo(ref, 14);
  });

  it('mutualInformation(x, y) with no estimator picks ksg for continuous data and discrete for labels', () => {
    const [x, y] = gaussianPair(1000, 0.5, 99);
    expect(mutualInformation(x, y, { backend })).toBe(mutualInformation(x, y, { estimator: 'ksg', backend }));
    const a = x.map((v) => (v > 0 ? 1 : 0));
    const b = y.map((v) => (v > 0 ? 'pos' : 'neg'));
    expect(mutualInformation(a, b, { backend })).toBe(mutualInformation(a, b, { estimator: 'discrete', backend }));
  });
});

describe('the wasm and js backends agree', () => {
  it('on ksg, ksg2, Frenzel–Pompe and KL to 1e-12, with the same seeded noise', () => {
    const [x, y] = gaussianPair(3000, 0.8, 101);
    const z = normals(3000, 103);
    const rows = x.map((v, i) => [v, z[i]]);
    for (const o of [{ noise: 1e-10, seed: 3 }, { noise: 1e-3, seed: 4 }, { noise: 0 }]) {
      for (const estimator of ['ksg', 'ksg2'] as const) {
        const w = mutualInformation(rows, y, { ...o, estimator, backend: 'wasm' });
        expect(Math.abs(w - mutualInformation(rows, y, { ...o, estimator, backend: 'js' }))).toBeLessThan(1e-12);
      }
      const cw = conditionalMutualInformation(x, y, z, { ...o, backend: 'wasm' });
      expect(Math.abs(cw - conditionalMutualInformation(x, y, z, { ...o, backend: 'js' }))).toBeLessThan(1e-12);
      const hw = entropy(rows, { ...o, estimator: 'kl', backend: 'wasm' });
      expect(Math.abs(hw - entropy(rows, { ...o, estimator: 'kl', backend: 'js' }))).toBeLessThan(1e-12);
    }
  });
});
