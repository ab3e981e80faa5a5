import { describe, expect, it } from 'vitest';
import { mutualInformation } from '../src/index.js';
import { BACKENDS, fixture } from './support/helpers.js';

// Gao, Kannan, Oh & Viswanath (NeurIPS 2017), the authors' wgao9/mixed_KSG run in Python 3
// with scipy's cKDTree: raw, no rescaling, no noise, nats (../shared/reference/gao_mixed_ksg.json).
const gao = fixture('gao_mixed_ksg.json').cases as { name: string; k: number; x: number[] | number[][]; y: number[]; nats: number }[];

describe.each(BACKENDS)("mutualInformation(x, y, { estimator: 'mixed-ksg' }) on %s", (backend) => {
  it.each(gao.map((c) => [c.name, c] as const))('matches the authors’ Mixed-KSG on %s to 1e-10', (_, c) => {
    const v = mutualInformation(c.x, c.y, { estimator: 'mixed-ksg', k: c.k, normalize: false, backend });
    expect(Math.abs(v - c.nats)).toBeLessThan(1e-10);
  });

  it('gives the plug-in MI plus the digamma bias terms on purely discrete data (every ρ_i = 0)', () => {
    // x = y in {0, 1}, 50 of each: every point has 49 exact twins, so k_i = n_x = n_y = 50 and
    // I = ψ(50) + ln 100 − 2ψ(50) = ln 100 − ψ(50), close to ln 2.
    const x = Array.from({ length: 100 }, (_, i) => i % 2);
    const v = mutualInformation(x, x, { estimator: 'mixed-ksg', k: 3, backend });
    const psi50 = 3.9019896734278925; // ψ(50), from scipy.special.digamma(50)
    expect(v).toBeCloseTo(Math.log(100) - psi50, 12);
  });

  it('is symmetric in x and y and ignores the scale of each side (ties kept)', () => {
    const c = gao[4];
    const a = mutualInformation(c.x, c.y, { estimator: 'mixed-ksg', k: 3, backend });
    const b = mutualInformation(c.y, c.x, { estimator: 'mixed-ksg', k: 3, backend });
    expect(Math.abs(a - b)).toBeLessThan(1e-12);
  });

  it('throws a RangeError for k ≥ N', () => {
    expect(() => mutualInformation([1, 2, 3], [1, 2, 2], { estimator: 'mixed-ksg', k: 3, backend })).toThrow(RangeError);
    expect(() => mutualInformation([1, 2, 3], [1, 2, 2], { estimator: 'mixed-ksg', k: 3, backend })).toThrow(/mutualInformation: k must be/);
  });

  it('rejects the noise option (Mixed-KSG needs none)', () => {
    expect(() => mutualInformation([1, 2, 3, 4], [1, 2, 2, 3], { estimator: 'mixed-ksg', noise: 1e-10, backend })).toThrow(TypeError);
  });
});

describe("mutualInformation(x, y, { estimator: 'mixed-ksg' }): both backends", () => {
  it('agree to 1e-12 on every fixture case', () => {
    for (const c of gao) {
      const w = mutualInformation(c.x, c.y, { estimator: 'mixed-ksg', k: c.k, backend: 'wasm' });
      const j = mutualInformation(c.x, c.y, { estimator: 'mixed-ksg', k: c.k, backend: 'js' });
      expect(Math.abs(w - j)).toBeLessThan(1e-12);
    }
  });
});

describe('mixedKsgLocal (the per-sample terms behind the estimate)', () => {
  it('averages to the estimate on every fixture case', async () => {
    const { mixedKsgLocal } = await import('../src/estimators/mixedKsg.js');
    const { jsKernels } = await import('../src/backend/js/index.js');
    const { toPoints } = await import('../src/core/points.js');
    for (const c of gao) {
      const local = mixedKsgLocal(jsKernels, toPoints('t', 'x', c.x), toPoints('t', 'y', c.y), c.k);
      const mean = local.reduce((a, b) => a + b, 0) / local.length;
      expect(Math.abs(mean - c.nats)).toBeLessThan(1e-10);
    }
  });
});
