// Bias-corrected entropy of class counts (Hausser & Strimmer, JMLR 10, 2009; the R
// package `entropy` 1.3), and MI from them as H(X) + H(Y) − H(X,Y).
import type { Kernels } from '../backend/kernels.js';
import type { Contingency } from '../core/contingency.js';
import type { DiscreteEntropyEstimator } from '../core/estimatorOptions.js';
import { pluginEntropyNats, pluginMutualInfoNats } from './discrete.js';

interface Tally {
  /** Sample count N. */
  n: number;
  /** Non-empty cells m. */
  m: number;
  /** Σ over non-empty cells of (n_i / N)². */
  sumSq: number;
  /** Singletons f1. */
  f1: number;
}

function tally(counts: Float64Array): Tally {
  let n = 0;
  let m = 0;
  let f1 = 0;
  for (const c of counts) {
    n += c;
    if (c > 0) m++;
    if (c === 1) f1++;
  }
  let sumSq = 0;
  for (const c of counts) sumSq += (c / n) * (c / n);
  return { n, m, sumSq, f1 };
}

/**
 * James–Stein shrinkage intensity toward the uniform target 1/K (R entropy's
 * get.lambda.shrink): λ = (1 − Σ p̂²) / ((N − 1) Σ (1/K − p̂)²), clipped to [0, 1];
 * 1 when N = 1 or the counts are already uniform over K cells.
 */
export function shrinkageLambda(counts: Float64Array, K: number): number {
  const { n, m, sumSq } = tally(counts);
  if (n <= 1) return 1;
  const t = 1 / K;
  let msp = (K - m) * t * t;
  for (const c of counts) if (c > 0) msp += (t - c / n) * (t - c / n);
  if (msp === 0) return 1;
  const lambda = (1 - sumSq) / ((n - 1) * msp);
  return lambda > 1 ? 1 : lambda < 0 ? 0 : lambda;
}

/**
 * Plug-in entropy of K cells with weights w_i = c_i + a over the observed cells and
 * `empty` on each of the K − m others: ln W − (Σ w ln w) / W, W = Σ w.
 */
function weightedEntropy(k: Kernels, counts: Float64Array, scale: number, a: number, empty: number, K: number, m: number): number {
  const w = new Float64Array(m);
  let j = 0;
  let total = (K - m) * empty;
  for (const c of counts) {
    if (c > 0) {
      w[j] = scale * c + a;
      total += w[j++];
    }
  }
  const emptyTerm = empty > 0 ? (K - m) * empty * Math.log(empty) : 0;
  // the entropy of a distribution is ≥ 0: a single cell can round to −1e-16
  return Math.max(0, Math.log(total) - (k.sumXLogX(w) + emptyTerm) / total);
}

/** The Dirichlet pseudo-count of each estimator of that family (Hausser & Strimmer, Table 1). */
function pseudoCount(est: DiscreteEntropyEstimator, n: number, K: number): number {
  switch (est) {
    case 'jeffreys':
      return 0.5;
    case 'laplace':
      return 1;
    case 'sg':
      return 1 / K;
    default:
      return Math.sqrt(n) / K; // minimax (Trybula 1958)
  }
}

/**
 * Entropy in nats of class counts (empty cells allowed) with the chosen estimator.
 * K is the alphabet size (≥ the number of non-empty cells); it matters only for
 * the Dirichlet family and shrinkage. Cost: O(number of cells).
 */
export function correctedEntropyNats(k: Kernels, counts: Float64Array, est: DiscreteEntropyEstimator, K: number): number {
  if (est === 'plugin') return pluginEntropyNats(k, counts);
  const { n, m, f1 } = tally(counts);
  switch (est) {
    case 'miller-madow':
      return pluginEntropyNats(k, counts) + (m - 1) / (2 * n);
    case 'chao-shen': {
      // R entropy.ChaoShen: with only singletons use f1 = N − 1, so the coverage stays above 0.
      const coverage = 1 - (f1 === n ? n - 1 : f1) / n;
      return k.chaoShenSum(counts, n, coverage);
    }
    case 'shrink': {
      const lambda = shrinkageLambda(counts, K);
      // In count units: w = N·(λ/K + (1 − λ)·p̂) = λN/K + (1 − λ)c.
      const base = (lambda * n) / K;
      return weightedEntropy(k, counts, 1 - lambda, base, base, K, m);
    }
    default: {
      const a = pseudoCount(est, n, K);
      return weightedEntropy(k, counts, 1, a, a, K, m);
    }
  }
}

/**
 * MI in nats of a contingency table. The plug-in estimate is sklearn's
 * mutual_info_score (clipped at 0); any other estimator gives H(X) + H(Y) − H(X,Y),
 * unclipped, with the alphabets R (rows), C (columns) and R·C (cells).
 */
export function correctedMutualInfoNats(k: Kernels, t: Contingency, est: DiscreteEntropyEstimator): number {
  if (est === 'plugin') return pluginMutualInfoNats(k, t);
  const R = t.rows.length;
  const C = t.cols.length;
  return (
    correctedEntropyNats(k, t.rows, est, R) +
    correctedEntropyNats(k, t.cols, est, C) -
    correctedEntropyNats(k, t.nij, est, R * C)
  );
}
