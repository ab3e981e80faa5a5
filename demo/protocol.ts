// Messages between the page and its worker. Every request carries an id and every
// reply echoes it, so the page can ignore replies to work it has moved on from.
// The worker keeps no state: a run sends the CSV text again (parsing takes ms).

export type Request =
  | { type: 'parse'; id: number; text: string }
  | { type: 'run'; id: number; text: string; target: string; estimator?: RankingEstimator };

/** The ranking's estimator: sklearn's (`'auto'`) or Mixed-KSG. */
export type RankingEstimator = 'auto' | 'mixed-ksg';

/** What the page needs to offer target columns. */
export interface ColumnSummary {
  name: string;
  /** What picking this column as the target leads to: class labels, or numbers to regress on. */
  task: 'classification' | 'regression';
  distinct: number;
}

/** One feature's MI with the target, in nats. */
export interface Ranked {
  feature: string;
  nats: number;
  discrete: boolean;
  /** Permutation p-value of the feature's MI, and its Benjamini–Hochberg q-value over the features. */
  p?: number;
  q?: number;
}

/** The result of one run. MI values are in nats; the page converts for display. */
export interface Analysis {
  names: string[];
  target: string;
  rows: number;
  task: 'classification' | 'regression';
  /** The library call behind the ranking, as shown on the page. */
  rankingMethod: string;
  /** Sorted by MI, largest first. */
  ranking: Ranked[];
  /** Why the heatmap could not be computed, when it could not; the ranking stands on its own. */
  heatmapError?: string;
  /** n × n, row-major, in nats; NaN on the diagonal, which is not estimated, and for refused pairs. */
  matrix: Float64Array;
  /**
   * For each cell, the estimator 'auto' chose for that pair; where the library refused the
   * pair (its value is then NaN), its error message instead. Empty on the diagonal.
   */
  pairNote: string[];
  /** n × n: the permutation p-value of each pair's MI (NaN where not estimated). */
  pairP: Float64Array;
  /** The significance level below which a q (bars) or p (cells) counts as significant. */
  alpha: number;
  backend: 'wasm' | 'js';
  ms: { ranking: number; heatmap: number };
}

export type Reply =
  | { type: 'parsed'; id: number; rows: number; columns: ColumnSummary[] }
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  | { type: 'result'; id: number; analysis: Analysis }
  | { type: 'error'; id: number; message: string };
