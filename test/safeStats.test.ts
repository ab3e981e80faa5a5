// orderFreeMoments: the scaling of the k-NN estimators, a function of the multiset of values.
import { describe, expect, it } from 'vitest';
import { orderFreeMoments } from '../src/core/safeStats.js';

// Python 3: statistics.pstdev(xs) = 73.24255643784402, statistics.fmean(xs) = 21.552666666777778
const xs = [3.5, -1e-3, 2.25e2, 7.0, 1e-9, -42.125, 0.1, 0.2, 0.3];

describe('orderFreeMoments', () => {
  it('orderFreeMoments(xs) matches Python statistics.pstdev and fmean', () => {
    const m = orderFreeMoments(xs, xs.length, 1, 0);
    expect(m.std).toBeCloseTo(73.24255643784402, 12);
    expect(m.mean).toBeCloseTo(21.552666666777778, 13);
    expect(m.max).toBe(225);
  });

  it('orderFreeMoments([1e16, 1, −1e16]) keeps the 1 that plain summation loses (math.fsum = 1)', () => {
    // the values are divided by max = 1e16 first; an exact sum still sees the 1e-16
    const m = orderFreeMoments([1e16, 1, -1e16], 3, 1, 0);
    expect(m.mean).toBeCloseTo(1 / 3, 15);
  });

  it('orderFreeMoments gives the same bits for every order of the values', () => {
    const base = Array.from({ length: 2000 }, (_, i) => Math.sin(i * 1.37) * 10 ** ((i % 7) - 3));
    const ref = orderFreeMoments(base, base.length, 1, 0);
    for (const order of [base.slice().reverse(), base.slice().sort((a, b) => a - b), base.map((_, i) => base[(i * 7919) % 2000])]) {
      expect(orderFreeMoments(order, order.length, 1, 0)).toEqual(ref);
    }
  });

  it('orderFreeMoments reads a strided column of a row-major matrix', () => {
    const rows = xs.flatMap((v) => [v, -5]);
    expect(orderFreeMoments(rows, xs.length, 2, 0)).toEqual(orderFreeMoments(xs, xs.length, 1, 0));
    expect(orderFreeMoments(rows, xs.length, 2, 1).std).toBe(0);
  });

  // The outside truth for the sums: exact integer arithmetic (BigInt) on the doubles scaled
  // by 2^600, then Number(), which rounds to nearest, ties to even (ECMA-262 ℝ → Number).
  const SCALE = 2 ** 600;
  function exactlyRounded(terms: readonly number[]): number {
    let big = 0n;
    for (const t of terms) big += BigInt(t * SCALE);
    return Number(big) / SCALE;
  }

  it('orderFreeMoments(column) has the exactly rounded mean and squared deviations, ties and near-ties included', () => {
    const columns: number[][] = [
      [1, 0.75, 2 ** -53], // 1.75 + 2^-53: a tie between two doubles, to even
      [1, 0.75, 2 ** -53, 2 ** -90], // just past a tie
      [-1, 0.75, 2 ** -53, 2 ** -90],
      [1, 0.75, -(2 ** -54), 2 ** -105], // a near-tie below
      [1, 0.75 + 2 ** -52, 2 ** -53, -(2 ** -140)], // below a tie that a compensated sum alone rounds up
      Array.from({ length: 4001 }, (_, i) => (i === 0 ? 1 : Math.sin(i) * 0.5)),
      Array.from({ length: 3000 }, (_, i) => (i === 0 ? -1 : ((i * 2654435761) % 1000) / 1024 - 0.48828125)),
    ];
    for (const col of columns) {
      const n = col.length;
      const m = orderFreeMoments(col, n, 1, 0);
      expect(m.max).toBe(1);
      const mu = exactlyRounded(col) / n;
      expect(m.mean).toBe(mu);
      const ss = exactlyRounded(col.map((v) => (v - mu) * (v - mu)));
      expect(m.std).toBe(Math.sqrt(ss / n));
    }
  });
});
