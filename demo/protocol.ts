// Messages between the page and its worker. Every request carries an id and every
// reply echoes it, so the page can ignore replies to work it has moved on from.
// The worker keeps no state: a run sends the CSV text again (parsing takes ms).

export type Request =
  | { type: 'parse'; id: number; text: string }
  | { type: 'run'; id: number; text: string; target: string; estimator?: RankingEstimator }
  | { type: 'select'; id: number; text: string; target: string; method: SelectionMethod; k: number };

/** The criteria the select view offers (mutinfo's selectFeatures methods). */
export type SelectionMethod = 'jmi' | 'mrmr' | 'cmim' | 'disr' | 'icap' | 'cife' | 'mim';

/** One pick of a selection. MI values in nats. */
export interface Chosen {
  feature: string;
  /** The criterion's value at this pick (nats; DISR's after the first: a ratio). */
  score: number;
  /** I(feature; target). */
  relevance: number;
  /** The largest I(feature; earlier pick), NaN for the first pick. */
  redundancy: number;
  /** That earlier pick. */
  redundantWith: string;
}

export interface Selection {
  method: SelectionMethod;
  k: number;
  target: string;
  picks: Chosen[];
  /** Whether the scores after the first are ratios (DISR). */
  ratio: boolean;
  ms: number;
}

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
  /** Rows left out of this feature's score for a missing cell in it or in the target. */
  dropped?: number;
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
  /** How the file was read where it may not be what the user meant (stray tokens, decimal commas). */
  notes: string[];
  backend: 'wasm' | 'js';
  ms: { ranking: number; heatmap: number };
}

export type Reply =
  | { type: 'parsed'; id: number; rows: number; columns: ColumnSummary[]; notes: string[] }
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  | { type: 'result'; id: number; analysis: Analysis }
  | { type: 'selected'; id: number; selection: Selection }
  | { type: 'error'; id: number; message: string };
