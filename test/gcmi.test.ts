import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conditionalMutualInformation, copulaNormalize, entropy, mutualInformation } from '../src/index.js';
import { normalQuantile } from '../src/core/normalQuantile.js';
import { BACKENDS, fixture } from './support/helpers.js';

// gcmi 0.5.0 (robince/gcmi, its Python package) with numpy 1.24.2, in bits; samples as rows
// (../shared/reference/gcmi.json). Tolerance 1e-10, copnorm 1e-12.
type Case = { fn: string; x: any; y?: any; z?: any; biascorrect?: boolean; bits?: number | number[]; values?: number[] };
const cases = fixture('gcmi.json').cases as Case[];
const of = (fn: string) => cases.filter((c) => c.fn === fn).map((c, i) => [`${fn} #${i}`, c] as const);

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('normalQuantile (Φ⁻¹, behind copulaNormalize)', () => {
  // Published quantiles of the standard normal (e.g. Abramowitz & Stegun table 26.5; R's
  // qnorm and scipy's ndtri print the same digits).
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813],
    [0.9, 1.2815515655446004],
    [0.75, 0.6744897501960817],
    [1e-10, -6.361340902404056],
    [1e-20, -9.262340089798408],
  ])('normalQuantile(%f) is %f to 2e-15 relative', (p, q) => {
    expect(Math.abs(normalQuantile(p) - q) / Math.abs(q)).toBeLessThan(2e-15);
  });

  it('is antisymmetric and exact at ½', () => {
    expect(normalQuantile(0.5)).toBe(0);
    // 1 − p is exact for these p
    for (const p of [0.25, 0.375, 0.125, 2 ** -20]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
  });
});

describe.each(BACKENDS)('gcmi estimators on %s', (backend) => {
  it.each(of('copnorm'))("copulaNormalize(x) matches gcmi's copnorm on %s to 1e-12", (_, c) => {
    const v = copulaNormalize(c.x, { backend }) as Float64Array;
    const worst = Math.max(...c.values!.map((t, i) => Math.abs(t - v[i])));
    expect(worst).toBeLessThan(1e-12);
  });

  it.each(of('gcmi_cc'))("mutualInformation(x, y, { estimator: 'gcmi' }) matches gcmi_cc on %s", (_, c) => {
    const v = mutualInformation(c.x, c.y, { estimator: 'gcmi', base: 2, backend });
    expect(Math.abs(v - (c.bits as number))).toBeLessThan(1e-10);
  });

  it.each(of('mi_gg'))("mutualInformation(x, y, { estimator: 'gaussian', biasCorrect }) matches mi_gg on %s", (_, c) => {
    const v = mutualInformation(c.x, c.y, { estimator: 'gaussian', biasCorrect: c.biascorrect, base: 2, backend });
    expect(Math.abs(v - (c.bits as number))).toBeLessThan(1e-10);
  });

  it.each(of('ent_g'))("entropy(x, { estimator: 'gaussian', biasCorrect }) matches ent_g on %s", (_, c) => {
    const v = entropy(c.x, { estimator: 'gaussian', biasCorrect: c.biascorrect, base: 2, backend });
    expect(Math.abs(v - (c.bits as number))).toBeLessThan(1e-10);
  });

  it.each(of('gcmi_model_cd'))("mutualInformation(x, labels, { estimator: 'gcmi' }) matches gcmi_model_cd on %s", (_, c) => {
    const v = mutualInformation(c.x, c.y, { estimator: 'gcmi', discrete: 'y', base: 2, backend });
    expect(Math.abs(v - (c.bits as number))).toBeLessThan(1e-10);
  });

  it.each(of('gcmi_mixture_cd'))("mutualInformation(x, labels, { estimator: 'gcmi-mixture' }) matches gcmi_mixture_cd on %s", (_, c) => {
    const v = mutualInformation(c.x, c.y, { estimator: 'gcmi-mixture', discrete: 'y', base: 2, backend });
    expect(Math.abs(v - (c.bits as number))).toBeLessThan(1e-10);
  });

  it.each(of('gccmi_ccc'))("conditionalMutualInformation(x, y, z, { estimator: 'gcmi' }) matches gccmi_ccc on %s", (_, c) => {
    const v = conditionalMutualInformation(c.x, c.y, c.z, { estimator: 'gcmi', base: 2, backend });
    expect(Math.abs(v - (c.bits as number))).toBeLessThan(1e-10);
  });

  it.each(of('gccmi_ccd'))("conditionalMutualInformation(x, y, labels, { estimator: 'gcmi', discrete: 'z' }) matches gccmi_ccd on %s", (_, c) => {
    const v = conditionalMutualInformation(c.x, c.y, c.z, { estimator: 'gcmi', discrete: 'z', base: 2, backend });
    expect(Math.abs(v - (c.bits as number[])[0])).toBeLessThan(1e-10);
  });

  it('throws a RangeError with fewer samples than dimensions + 2', () => {
    expect(() => mutualInformation([[1, 2], [2, 1], [3, 5]], [1, 2, 3], { estimator: 'gcmi', backend })).toThrow(
      /^mutualInformation: gcmi needs at least dimensions \+ 2 = 5 samples, got 3$/,
    );
  });

  it('warns, as gcmi does, when a dimension has more than 10% repeated values', () => {
    const x = [1, 1, 1, 2, 3, 4, 5, 6, 7, 8];
    mutualInformation(x, [3, 1, 4, 1.5, 9, 2.6, 5, 3.5, 8, 9.7], { estimator: 'gcmi', backend });
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/more than 10% repeated values/));
  });
});

describe('gcmi estimators: both backends', () => {
  it('agree to 1e-12 on every fixture case', () => {
    for (const c of of('gcmi_cc').map((t) => t[1])) {
      const w = mutualInformation(c.x, c.y, { estimator: 'gcmi', backend: 'wasm' });
      const j = mutualInformation(c.x, c.y, { estimator: 'gcmi', backend: 'js' });
      expect(Math.abs(w - j)).toBeLessThan(1e-12);
    }
    for (const c of of('gcmi_mixture_cd').map((t) => t[1])) {
      const w = mutualInformation(c.x, c.y, { estimator: 'gcmi-mixture', discrete: 'y', backend: 'wasm' });
      const j = mutualInformation(c.x, c.y, { estimator: 'gcmi-mixture', discrete: 'y', backend: 'js' });
      expect(Math.abs(w - j)).toBeLessThan(1e-12);
    }
  });
});

describe('copnorm kernel: both backends', () => {
  it('wasmKernels.copnorm and jsKernels.copnorm agree to 1e-12 (ties, −0, odd and even n) and equal Φ⁻¹(rank/(n + 1))', async () => {
    const { wasmKernels } = await import('../src/backend/wasm.js');
    const { jsKernels } = await import('../src/backend/js/index.js');
    let s = 7;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (const n of [1, 2, 3, 10, 101, 2000, 5001]) {
      const v = Float64Array.from({ length: n }, () => (r() < 0.2 ? Math.round(r() * 3) : r() * 10 - 5));
      if (n > 3) v[1] = -0;
      const w = wasmKernels.copnorm(v);
      const j = jsKernels.copnorm(v);
      expect(w.distinct).toBe(j.distinct);
      expect(w.distinct).toBe(new Set(Array.from(v, (t) => t + 0)).size);
      for (let i = 0; i < n; i++) expect(Math.abs(w.normal[i] - j.normal[i])).toBeLessThan(1e-12);
      // the rank of v[i] by a stable sort, through normalQuantile (checked above against published
      // values); the upper half is the exact negative of the lower, as copnorm promises
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => v[a] + 0 - (v[b] + 0) || a - b);
      order.forEach((i, rank) => {
        const want = 2 * rank + 1 === n ? 0 : 2 * rank < n ? normalQuantile((rank + 1) / (n + 1)) : -normalQuantile((n - rank) / (n + 1));
        expect(j.normal[i]).toBe(want);
      });
    }
  });

  it('mutualInformation(x, y, { estimator: "gcmi" }) at N = 1e5 agrees across backends to 1e-12', () => {
    let s = 3;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const x = Float64Array.from({ length: 100_000 }, r);
    const y = x.map((t) => Math.exp(t) + r());
    const w = mutualInformation(x, y, { estimator: 'gcmi', backend: 'wasm' });
    const j = mutualInformation(x, y, { estimator: 'gcmi', backend: 'js' });
    expect(Math.abs(w - j)).toBeLessThan(1e-12);
  });
});
