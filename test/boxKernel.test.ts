import { describe, expect, it } from 'vitest';
import { mutualInformation } from '../src/index.js';
import { BACKENDS, fixture } from './support/helpers.js';

// JIDT's MutualInfoCalculatorMultiVariateKernel (jlizier/jidt), NORMALISE false, in bits
// (the mi-kernel cases of ../shared/reference/jidt_dynamics.json).
const cases = fixture('jidt_mi_kernel.json').cases as { name: string; width: number; x: number[]; y: number[]; expected: number }[];

describe.each(BACKENDS)("mutualInformation(x, y, { estimator: 'kernel' }) on %s", (backend) => {
  it.each(cases.map((c) => [c.name, c] as const))('matches JIDT’s box-kernel MI on %s to 1e-9', (_, c) => {
    const v = mutualInformation(c.x, c.y, { estimator: 'kernel', width: c.width, normalize: false, base: 2, backend });
    expect(Math.abs(v - c.expected)).toBeLessThan(1e-9);
  });

  it('counts a neighbour at exactly the kernel width (JIDT excludes only |Δ| > width)', () => {
    // x = y = [0, 1, 3]: with width 1, points 0 and 1 see each other, 3 is alone.
    // local = ln(3·c_xy/(c_x c_y)): ln(3/2), ln(3/2), ln 3; mean = (2 ln 1.5 + ln 3)/3
    const v = mutualInformation([0, 1, 3], [0, 1, 3], { estimator: 'kernel', width: 1, normalize: false, backend });
    expect(v).toBeCloseTo((2 * Math.log(1.5) + Math.log(3)) / 3, 14);
  });

  it('throws a RangeError for a width ≤ 0', () => {
    expect(() => mutualInformation([1, 2, 3], [1, 2, 3], { estimator: 'kernel', width: 0, backend })).toThrow(
      /mutualInformation: width must be a finite number > 0, got 0/,
    );
  });
});

describe("mutualInformation(x, y, { estimator: 'kernel' }): both backends", () => {
  it('agree to 1e-12 with normalize on and off', () => {
    for (const c of cases) {
      for (const normalize of [true, false]) {
        const w = mutualInformation(c.x, c.y, { estimator: 'kernel', width: c.width, normalize, backend: 'wasm' });
        const j = mutualInformation(c.x, c.y, { estimator: 'kernel', width: c.width, normalize, backend: 'js' });
        expect(Math.abs(w - j)).toBeLessThan(1e-12);
      }
    }
  });
});

describe('boxKernelLocal (the per-sample terms behind the estimate)', () => {
  it('equals JIDT’s local values, every one, to 1e-9 bits', async () => {
    const { boxKernelLocal } = await import('../src/estimators/boxKernel.js');
    const { jsKernels } = await import('../src/backend/js/index.js');
    const full = fixture('jidt_mi_kernel.json').cases as { width: number; x: number[]; y: number[]; local: number[] }[];
    for (const c of full) {
      const n = c.x.length;
      const local = boxKernelLocal(jsKernels, { data: Float64Array.from(c.x), n, d: 1 }, { data: Float64Array.from(c.y), n, d: 1 }, c.width);
      c.local.forEach((v, i) => expect(Math.abs(local[i] / Math.LN2 - v)).toBeLessThan(1e-9));
    }
  });
});
