import { describe, expect, it } from 'vitest';
import { conditionalMutualInformation, entropy, mutualInformation } from '../src/index.js';
import { wasmKernels } from '../src/backend/wasm.js';
import { jsKernels } from '../src/backend/js/index.js';
import { BACKENDS, fixture, rng } from './support/helpers.js';

// scipy 1.10.1 scipy.stats.gaussian_kde, one per space, evaluated at its own samples; nats
// (../shared/reference/kde.json). Tolerance 1e-9.
type Case = { fn: string; shape?: string; bandwidth: 'scott' | 'silverman' | number; leaveOneOut: boolean; x: any; y?: any; nats: number };
const cases = fixture('kde.json').cases as Case[];
// kde.json computes leave-one-out as (n·f(x_i) − K(0))/(n − 1), which cancels badly at
// bandwidth 0.3 with N = 50 (errors up to 8e-8). For those two cases the truth is scipy's
// densities with the own kernel left out of the sum (kde_loo_direct.json), to 1e-12.
const direct = fixture('kde_loo_direct.json').cases as { shape: string; nats: number }[];
const cancels = (c: Case) => c.fn === 'mi' && c.leaveOneOut && c.bandwidth === 0.3 && c.x.length === 50;
const label = (c: Case) => `${c.fn} ${c.shape ?? ''} N=${c.x.length} bandwidth=${c.bandwidth} leaveOneOut=${c.leaveOneOut}`;

describe.each(BACKENDS)("estimator: 'kde' on %s", (backend) => {
  it.each(cases.map((c) => [label(c), c] as const))('matches scipy gaussian_kde: %s', (_, c) => {
    const o = { estimator: 'kde' as const, bandwidth: c.bandwidth, leaveOneOut: c.leaveOneOut, backend };
    const v = c.fn === 'mi' ? mutualInformation(c.x, c.y, o) : entropy(c.x, { ...o, leaveOneOut: c.leaveOneOut || undefined });
    if (cancels(c)) {
      expect(Math.abs(v - direct.find((t) => t.shape === c.shape)!.nats)).toBeLessThan(1e-12);
      expect(Math.abs(v - c.nats)).toBeLessThan(1e-7);
    } else expect(Math.abs(v - c.nats)).toBeLessThan(1e-9);
  });

  it('gives I(X;Y|Z) = I(X;Y) for a z independent of both, to within the estimator’s spread', () => {
    const r = rng(7);
    const n = 400;
    const x = Array.from({ length: n }, () => r());
    const y = x.map((v) => v + 0.3 * r());
    const z = Array.from({ length: n }, () => r());
    const cmi = conditionalMutualInformation(x, y, z, { estimator: 'kde', backend });
    const mi = mutualInformation(x, y, { estimator: 'kde', backend });
    expect(Math.abs(cmi - mi)).toBeLessThan(0.1);
  });

  it('throws a RangeError for a bandwidth ≤ 0', () => {
    expect(() => mutualInformation([1, 2, 3, 4], [1, 3, 2, 4], { estimator: 'kde', bandwidth: 0, backend })).toThrow(
      /^mutualInformation: bandwidth must be 'scott', 'silverman' or a finite number > 0, got 0$/,
    );
    expect(() => entropy([1, 2, 3, 4], { estimator: 'kde', bandwidth: -1, backend })).toThrow(RangeError);
  });

  it('throws a RangeError that suggests ksg for a singular covariance', () => {
    const x = [[1, 2], [2, 4], [3, 6], [4, 8]];
    expect(() => mutualInformation(x, [1, 3, 2, 4], { estimator: 'kde', backend })).toThrow(/singular.*estimator: 'ksg'/);
    expect(() => mutualInformation([1, 1, 1, 1], [1, 3, 2, 4], { estimator: 'kde', backend })).toThrow(/estimator: 'ksg'/);
  });

  it('throws rather than return −Infinity when leave-one-out leaves a sample with no density', () => {
    expect(() => entropy([0, 1, 2, 1000], { estimator: 'kde', leaveOneOut: true, bandwidth: 0.001, backend })).toThrow(/larger bandwidth/);
  });
});

describe('kdeSums: both backends', () => {
  it('agree to 1e-12 (relative) for n odd and even, d = 1, 2, 3, with and without leave-one-out', () => {
    const r = rng(3);
    for (const n of [1, 2, 3, 8, 101, 256]) {
      for (const d of [1, 2, 3]) {
        const p = Float64Array.from({ length: n * d }, () => 3 * (r() - 0.5));
        for (const loo of [false, true]) {
          const w = wasmKernels.kdeSums(p, d, loo);
          const j = jsKernels.kdeSums(p, d, loo);
          for (let i = 0; i < n; i++) expect(Math.abs(w[i] - j[i])).toBeLessThanOrEqual(1e-12 * Math.abs(j[i]));
        }
      }
    }
  });

  it('the SIMD exponential underflows to 0 beyond e^−708 and agrees with Math.exp before it', () => {
    // two points 40 apart: exp(−800) = 0; 37 apart: exp(−684.5) ≈ 2.6e−298
    expect(wasmKernels.kdeSums(Float64Array.of(0, 40), 1, true)[0]).toBe(0);
    const v = wasmKernels.kdeSums(Float64Array.of(0, 37, 1000, 2000), 1, true)[0];
    expect(Math.abs(v - Math.exp(-0.5 * 37 * 37)) / Math.exp(-0.5 * 37 * 37)).toBeLessThan(1e-14);
  });

  it('estimates agree to 1e-12 on every fixture case', () => {
    for (const c of cases.filter((t) => t.fn === 'mi')) {
      const o = { estimator: 'kde' as const, bandwidth: c.bandwidth, leaveOneOut: c.leaveOneOut };
      const w = mutualInformation(c.x, c.y, { ...o, backend: 'wasm' });
      const j = mutualInformation(c.x, c.y, { ...o, backend: 'js' });
      expect(Math.abs(w - j)).toBeLessThan(1e-12);
    }
  });
});

describe('kde across the worker pool', () => {
  it('mutualInformation(x, y, { estimator: "kde", workers }) is bit-identical for workers 1, 2 and 3, on both backends', () => {
    const r = rng(11);
    const n = 1201;
    const x = Array.from({ length: n }, () => [r(), r()]);
    const y = x.map(([a, b]) => a * b + 0.3 * r());
    for (const backend of ['wasm', 'js'] as const) {
      const one = mutualInformation(x, y, { estimator: 'kde', backend, workers: 1 });
      expect(mutualInformation(x, y, { estimator: 'kde', backend, workers: 2 })).toBe(one);
      expect(mutualInformation(x, y, { estimator: 'kde', backend, workers: 3 })).toBe(one);
      const loo = entropy(y, { estimator: 'kde', leaveOneOut: true, backend });
      expect(entropy(y, { estimator: 'kde', leaveOneOut: true, backend, workers: 2 })).toBe(loo);
    }
    const z = x.map(([a]) => a + r());
    const c1 = conditionalMutualInformation(y, x.map(([, b]) => b), z, { estimator: 'kde' });
    expect(conditionalMutualInformation(y, x.map(([, b]) => b), z, { estimator: 'kde', workers: 2 })).toBe(c1);
  });

  it('kdeSums equals the direct double sum Σ_j exp(−½‖p_i − p_j‖²) to 1e-13 (the blocks cover every pair once)', () => {
    const r = rng(5);
    for (const n of [1, 2, 5, 33, 300]) {
      const p = Float64Array.from({ length: 2 * n }, () => 2 * r());
      const direct = Float64Array.from({ length: n }, (_, i) => {
        let s = 0;
        for (let j = 0; j < n; j++) s += Math.exp(-0.5 * ((p[2 * i] - p[2 * j]) ** 2 + (p[2 * i + 1] - p[2 * j + 1]) ** 2));
        return s;
      });
      for (const K of [wasmKernels, jsKernels]) {
        const s = K.kdeSums(p, 2, false);
        for (let i = 0; i < n; i++) expect(Math.abs(s[i] - direct[i])).toBeLessThanOrEqual(1e-13 * direct[i]);
      }
    }
  });

  it('mutualInformation(x, y, { estimator: "kde", workers: 0 }) throws a RangeError naming workers', () => {
    expect(() => mutualInformation([1, 2, 3, 4], [1, 3, 2, 4], { estimator: 'kde', workers: 0 })).toThrow(/^mutualInformation: workers must be/);
  });
});
