// What a greedy criterion needs from the estimators, and how it scores a candidate.
// Scores follow FEAST (Brown, Pocock, Zhao & Luján, JMLR 13, 2012; Craigacp/FEAST):
// each pick adds one row to a k × d cache of pair terms, and a candidate's score is
// its relevance combined with its cached terms in pick order.

/** The pair quantities of a candidate Xj and a chosen Xs that a cache entry is built from (nats). */
export interface PairStats {
  /** I(Xj; Xs). */
  mi: number;
  /** I(Xj; Xs | Y). */
  miGivenY: number;
  /** I(Xj Xs; Y). */
  jointRelevance: number;
  /** H(Xj Xs Y). */
  jointEntropy: number;
}

export type Quantity = keyof PairStats;

/** Extra parameters of the criteria that take them. */
export interface CriterionParams {
  beta: number;
  gamma: number;
}

/** One greedy criterion (CMIM, whose lazy evaluation needs a loop of its own, aside). */
export interface Criterion {
  /** The pair quantities its cache entry needs. */
  needs: (p: CriterionParams) => Quantity[];
  /** The cached term for one (candidate, pick) pair. */
  entry: (q: PairStats, p: CriterionParams) => number;
  /** The candidate's score from its relevance and its cached terms (one per pick so far, in pick order). */
  score: (relevance: number, terms: Float64Array, picks: number) => number;
}
