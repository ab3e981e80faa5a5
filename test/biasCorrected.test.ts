// Bias-corrected discrete entropy (Hausser & Strimmer, JMLR 2009; R package entropy 1.3).
// Hand values state their arithmetic; the decimals were checked with an independent
// numpy 1.24.2 transcription of R entropy's formulas.
import { describe, expect, it } from 'vitest';
import {
  entropy,
  entropyFromCounts,
  jointEntropy,
  mutualInfoScore,
  mutualInformation,
  mutualInformationFromCounts,
  shrinkageEntropy,
  shrinkageEntropyFromCounts,
} from '../src/index.js';
import { BACKENDS, randomLabels, rng } from './support/helpers.js';

const ESTIMATORS = ['plugin', 'miller-madow', 'chao-shen', 'shrink', 'jeffreys', 'laplace', 'sg', 'minimax'] as const;
const H = (w: number[]) => {
  const W = w.reduce((a, b) => a + b, 0);
  return -w.reduce((s, v) => s + (v > 0 ? (v / W) * Math.log(v / W) : 0), 0);
};
// labels with counts [1, 2, 3]: N = 6, m = K = 3
const L123 = ['a', 'b', 'b', 'c', 'c', 'c'];

describe.each(BACKENDS)('bias-corrected entropy on %s', (backend) => {
  it('entropy(labels with counts [1,2,3], {estimator}) matches the hand-computed values', () => {
    const cases: Record<(typeof ESTIMATORS)[number], [number, number]> = {
      // ln 6 − (1·ln1 + 2·ln2 + 3·ln3)/6
      plugin: [Math.log(6) - (2 * Math.log(2) + 3 * Math.log(3)) / 6, 1.0114042647073518],
      // plug-in + (m − 1)/(2N) = + 2/12
      'miller-madow': [1.0114042647073518 + 2 / 12, 1.1780709313740185],
      // f1 = 1, C = 5/6, p̃ = C·[1,2,3]/6 = [5,10,15]/36; −Σ p̃ ln p̃ / (1 − (1 − p̃)^6)
      'chao-shen': [
        [5, 10, 15].reduce((s, v) => s - ((v / 36) * Math.log(v / 36)) / (1 - Math.pow(1 - v / 36, 6)), 0),
        1.257316134209515,
      ],
      // λ = (1 − 14/36) / (5 · (1/36 + 0 + 1/36)) = 2.2, clipped to 1: the uniform target, ln 3
      shrink: [Math.log(3), 1.0986122886681096],
      // plug-in on [1,2,3] + ½
      jeffreys: [H([1.5, 2.5, 3.5]), 1.0437570363314084],
      // plug-in on [1,2,3] + 1
      laplace: [H([2, 3, 4]), 1.0608569471580214],
      // plug-in on [1,2,3] + 1/K
      sg: [H([4 / 3, 7 / 3, 10 / 3]), 1.0353605606849843],
      // plug-in on [1,2,3] + √N/K
      minimax: [H([1, 2, 3].map((c) => c + Math.sqrt(6) / 3)), 1.0556612387651385],
    };
    for (const est of ESTIMATORS) {
      const [arithmetic, decimal] = cases[est];
      expect(Math.abs(arithmetic - decimal)).toBeLessThan(1e-14);
      expect(Math.abs(entropy(L123, { estimator: est, backend }) - decimal)).toBeLessThan(1e-14);
      expect(Math.abs(entropyFromCounts([1, 2, 3], { estimator: est, backend }) - decimal)).toBeLessThan(1e-14);
    }
  });

  it('entropy(labels, {estimator, K: 5}) puts the pseudo-counts and shrinkage target on 5 cells', () => {
    // Laplace: plug-in on [2,3,4,1,1]; SG: + 1/5 each; minimax: + √6/5 each
    expect(entropy(L123, { estimator: 'laplace', K: 5, backend })).toBeCloseTo(H([2, 3, 4, 1, 1]), 14);
    expect(entropy(L123, { estimator: 'laplace', K: 5, backend })).toBeCloseTo(1.4681399390162087, 14);
    expect(entropy(L123, { estimator: 'sg', K: 5, backend })).toBeCloseTo(1.227095936575502, 14);
    expect(entropy(L123, { estimator: 'minimax', K: 5, backend })).toBeCloseTo(1.3614903395199516, 14);
    // λ = (1 − 14/36) / (5 · Σ(p̂ − 1/5)²) = (11/90) / (17/90) = 11/17
    const s = shrinkageEntropy(L123, { K: 5, backend });
    expect(s.lambda).toBeCloseTo(11 / 17, 15);
    const p = [1, 2, 3, 0, 0].map((c) => (11 / 17) * 0.2 + (6 / 17) * (c / 6));
    expect(s.entropy).toBeCloseTo(H(p), 14);
    expect(s.entropy).toBeCloseTo(1.5513501183944216, 14);
    expect(entropy(L123, { estimator: 'shrink', K: 5, backend })).toBe(s.entropy);
  });

  it('shrinkageEntropy(counts [7,2,1]) reports λ = 23/93 (hand-computed)', () => {
    // Σp̂² = 0.54, Σ(p̂ − 1/3)² = 0.54 − 1/3 = 31/150; λ = (0.46/9) / (31/150) = 23/93
    const s = shrinkageEntropyFromCounts([7, 2, 1], { backend });
    expect(s.lambda).toBeCloseTo(23 / 93, 15);
    const lam = 23 / 93;
    expect(s.entropy).toBeCloseTo(H([7, 2, 1].map((c) => lam / 3 + (1 - lam) * (c / 10))), 14);
    expect(s.entropy).toBeCloseTo(0.9325549691541097, 14);
  });

  it('entropy(all singletons, {estimator: chao-shen}) uses f1 = N − 1 so the coverage stays positive', () => {
    // N = 4, f1 → 3, C = 1/4, p̃ = 1/16: 4 · (1/16) ln 16 / (1 − (15/16)^4)
    const expected = (Math.log(16) / 4) / (1 - Math.pow(15 / 16, 4));
    expect(expected).toBeCloseTo(3.046482035086619, 14);
    expect(entropy(['p', 'q', 'r', 's'], { estimator: 'chao-shen', backend })).toBeCloseTo(expected, 14);
  });

  it('entropy(x, {estimator: miller-madow}) has a smaller mean bias than plugin: 200 draws of N=100 over 50 symbols', () => {
    const r = rng(20261125);
    const truth = Math.log(50);
    let plugin = 0;
    let mm = 0;
    for (let t = 0; t < 200; t++) {
      const x = Array.from({ length: 100 }, () => Math.floor(r() * 50));
      plugin += entropy(x, { backend }) - truth;
      mm += entropy(x, { estimator: 'miller-madow', backend }) - truth;
    }
    plugin /= 200;
    mm /= 200;
    // first-order theory: the plug-in bias is about −(K − 1)/(2N) = −0.245 nats
    expect(plugin).toBeLessThan(-0.15);
    expect(Math.abs(mm)).toBeLessThan(Math.abs(plugin) / 2);
  });

  it('shrinkageEntropy(x).lambda lies in [0, 1] for skewed, uniform and tiny samples', () => {
    const r = rng(7);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(r() * 60);
      const k = 1 + Math.floor(r() * 12);
      const skew = 1 + r() * 4;
      const x = Array.from({ length: n }, () => Math.floor(Math.pow(r(), skew) * k));
      const K = k + Math.floor(r() * 3);
      const s = shrinkageEntropy(x, { backend, K: Math.max(K, new Set(x).size) });
      expect(s.lambda).toBeGreaterThanOrEqual(0);
      expect(s.lambda).toBeLessThanOrEqual(1);
      expect(Number.isFinite(s.entropy)).toBe(true);
    }
    expect(shrinkageEntropy(['only'], { backend }).lambda).toBe(1);
  });

  it('entropy(x, {estimator}) equals entropyFromCounts(counts) for every estimator', () => {
    const x = randomLabels(500, 9, 3).map((v) => (v > 6 ? 0 : v));
    const counts = [0, 1, 2, 3, 4, 5, 6].map((c) => x.filter((v) => v === c).length);
    for (const est of ESTIMATORS) {
      expect(entropyFromCounts(counts, { estimator: est, backend })).toBeCloseTo(entropy(x, { estimator: est, backend }), 13);
    }
    // a zero count is an unobserved value: it changes nothing unless K says so
    expect(entropyFromCounts([0, ...counts, 0], { estimator: 'laplace', backend })).toBeCloseTo(
      entropy(x, { estimator: 'laplace', backend }),
      13,
    );
    expect(entropyFromCounts([0, ...counts, 0], { estimator: 'laplace', K: 9, backend })).toBeCloseTo(
      entropy(x, { estimator: 'laplace', K: 9, backend }),
      13,
    );
  });
});

describe.each(BACKENDS)('bias-corrected mutual information on %s', (backend) => {
  it('mutualInformation(x, y, {correction}) on the table [[3,1],[1,3]] matches hand values', () => {
    const x = [0, 0, 0, 0, 1, 1, 1, 1];
    const y = [0, 0, 0, 1, 0, 1, 1, 1];
    // plug-in: 2 ln 2 − H(3,1,1,3)/… = ln 2 + (3/4) ln(3/4) + (1/4) ln(1/4)
    const plugin = Math.log(2) + 0.75 * Math.log(0.75) + 0.25 * Math.log(0.25);
    expect(plugin).toBeCloseTo(0.1308120359411371, 15);
    expect(mutualInformation(x, y, { backend })).toBeCloseTo(plugin, 14);
    // Miller–Madow: plug-in + ((2 − 1) + (2 − 1) − (4 − 1)) / (2·8) = plug-in − 1/16
    expect(mutualInformation(x, y, { estimator: 'discrete', correction: 'miller-madow', backend })).toBeCloseTo(plugin - 1 / 16, 14);
    // Laplace: H(5,5) + H(5,5) − H(4,2,2,4), each cell + 1
    const laplace = 2 * Math.log(2) - H([4, 2, 2, 4]);
    expect(laplace).toBeCloseTo(0.0566330122651324, 15);
    expect(mutualInformation(x, y, { estimator: 'discrete', correction: 'laplace', backend })).toBeCloseTo(laplace, 14);
    expect(mutualInformationFromCounts([[3, 1], [1, 3]], { correction: 'laplace', backend })).toBeCloseTo(laplace, 14);
  });

  it('mutualInformation(x, y, {correction}) equals H(X) + H(Y) − H(X,Y) with the same estimator', () => {
    const x = randomLabels(400, 6, 11);
    const y = x.map((v, i) => (i % 3 === 0 ? (v + 1) % 4 : v % 4));
    for (const est of ESTIMATORS.slice(1)) {
      const o = { estimator: 'discrete' as const, correction: est, backend };
      const parts = entropy(x, { estimator: est, backend }) + entropy(y, { estimator: est, backend }) -
        jointEntropy([x, y], { correction: est, backend });
      expect(mutualInformation(x, y, o)).toBeCloseTo(parts, 13);
    }
  });

  it('mutualInformationFromCounts(table) equals mutualInformation on the labels, for every correction', () => {
    const table = [[12, 0, 3, 0], [1, 7, 7, 2], [0, 0, 0, 0], [4, 4, 0, 9]];
    const x: number[] = [];
    const y: string[] = [];
    table.forEach((row, i) => row.forEach((c, j) => { for (let t = 0; t < c; t++) { x.push(i); y.push(`v${j}`); } }));
    const flat = { data: Float64Array.from(table.flat()), rows: 4, cols: 4 };
    expect(mutualInformationFromCounts(table, { backend })).toBeCloseTo(mutualInfoScore(x, y), 15);
    for (const est of ESTIMATORS) {
      const v = mutualInformation(x, y, { correction: est, backend });
      expect(mutualInformationFromCounts(table, { correction: est, backend })).toBeCloseTo(v, 13);
      expect(mutualInformationFromCounts(flat, { correction: est, backend })).toBeCloseTo(v, 13);
    }
  });

  it('mutualInformationFromCounts(table, {base: 2}) of a diagonal table is 1 bit; of a product table 0', () => {
    expect(mutualInformationFromCounts([[10, 0], [0, 10]], { base: 2, backend })).toBeCloseTo(1, 15);
    expect(mutualInformationFromCounts({ data: [5, 5, 5, 5], rows: 2, cols: 2 }, { backend })).toBe(0);
    // a billion-row aggregate needs nothing but the counts
    expect(mutualInformationFromCounts([[4e8, 1e8], [1e8, 4e8]], { backend })).toBeCloseTo(
      Math.log(2) + 0.8 * Math.log(0.8) + 0.2 * Math.log(0.2),
      12,
    );
  });
});

describe.each(BACKENDS)('bias-corrected entropy edge cases on %s', (backend) => {
  it.each(ESTIMATORS)('entropy(one class, {estimator: %s}) is 0, never negative or NaN', (est) => {
    for (const x of [['a'], ['a', 'a', 'a', 'a', 'a', 'a', 'a']]) {
      const h = entropy(x, { estimator: est, backend });
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(1e-15);
    }
  });

  it('entropy(x, {estimator: sg, K: 1e12}) stays finite for a huge known alphabet', () => {
    // a = 1e-12 per cell: W = N + 1, the empty cells hold total weight ≈ 1
    const h = entropy(L123, { estimator: 'sg', K: 1e12, backend });
    expect(Number.isFinite(h)).toBe(true);
    expect(h).toBeGreaterThan(entropy(L123, { backend }));
  });
});
