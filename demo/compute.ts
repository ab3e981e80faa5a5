// The one module of the demo that calls mutinfo. It runs inside the worker.
// Ranking: mutualInfoClassif (categorical target) or mutualInfoRegression
// (numeric target), as sklearn would. Heatmap: mutualInformation with
// estimator 'auto' on every pair of columns. Everything is in nats here.
import * as mutinfo from 'mutinfo';
import type { Analysis, Ranked, RankingEstimator } from './protocol.js';
import type { Prepared } from './table.js';

/** Options of the ranking call; test/demo.test.ts calls the library with the same. */
export const RANKING_OPTIONS = { nNeighbors: 3, randomState: 0 } as const;

/** The page hears about progress through this. */
export type Progress = (stage: string, done: number, total: number) => void;

/** Label codes for a text column, so it can sit in a numeric matrix as a discrete feature. */
function codes(labels: string[]): Float64Array {
  const seen = new Map<string, number>();
  return Float64Array.from(labels, (v) => {
    let c = seen.get(v);
    if (c === undefined) seen.set(v, (c = seen.size));
    return c;
  });
}

async function rank(p: Prepared, onProgress: (done: number) => void, estimator: RankingEstimator): Promise<{ ranking: Ranked[]; method: string }> {
  const rows = p.rows;
  const cols = p.features.length;
  const data = new Float64Array(rows * cols);
  const discrete = p.features.map((j) => p.columns[j].kind === 'categorical');
  p.features.forEach((j, f) => {
    const c = p.columns[j];
    const v = c.kind === 'numeric' ? c.values : codes(c.values);
    for (let i = 0; i < rows; i++) data[i * cols + f] = v[i];
  });
  const X = { data, rows, cols };
  // One column per task on a pool of nested workers; the same bits as the synchronous call.
  const opts = { ...RANKING_OPTIONS, discreteFeatures: discrete, workers: 'auto' as const, onProgress, estimator };
  const target = p.columns[p.target];
  const name = p.task === 'classification' ? 'mutualInfoClassif' : 'mutualInfoRegression';
  const mi =
    p.task === 'classification'
      ? await mutinfo.mutualInfoClassifAsync(X, target.values, opts)
      : await mutinfo.mutualInfoRegressionAsync(X, target.values as Float64Array, opts);
  const ranking = p.features
    .map((j, f) => ({ feature: p.columns[j].name, nats: mi[f], discrete: discrete[f] }))
    .sort((a, b) => b.nats - a.nats);
  const nDiscrete = discrete.filter(Boolean).length;
  const method =
    `${name}${estimator === 'mixed-ksg' ? " with estimator 'mixed-ksg' (Gao et al. 2017, no noise)" : ''}, k = ${RANKING_OPTIONS.nNeighbors} neighbours` +
    (nDiscrete > 0 ? `; ${nDiscrete} text feature${nDiscrete > 1 ? 's' : ''} as discrete` : '');
  return { ranking, method };
}

/**
 * Every pair of columns through mutualInformation with estimator 'auto'. A pair the
 * library refuses (it names its reason) leaves a blank cell, not a failed page.
 */
function pairwise(p: Prepared, progress: Progress, done0: number, total: number) {
  const n = p.columns.length;
  const matrix = new Float64Array(n * n).fill(NaN);
  const pairNote = new Array<string>(n * n).fill('');
  let done = done0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Numbers go as Float64Array and text as strings: 'auto' picks the estimator from them.
      const x = p.columns[i].values;
      const y = p.columns[j].values;
      let note: string = mutinfo.selectEstimator(x, y).estimator;
      try {
        matrix[i * n + j] = matrix[j * n + i] = mutinfo.mutualInformation(x, y, { estimator: 'auto' });
      } catch (err) {
        note = err instanceof Error ? err.message : String(err);
      }
      pairNote[i * n + j] = pairNote[j * n + i] = note;
      progress('pairwise MI', ++done, total);
    }
  }
  return { matrix, pairNote };
}

/** Ranks the features against the target and fills the pairwise MI matrix. */
export async function analyse(p: Prepared, progress: Progress, estimator: RankingEstimator = 'auto'): Promise<Analysis> {
  // Workers compile WASM synchronously, so this only matters where they cannot.
  await mutinfo.init().catch(() => undefined);
  const n = p.columns.length;
  const total = p.features.length + (n * (n - 1)) / 2;
  progress('ranking features', 0, total);
  const t0 = performance.now();
  const { ranking, method } = await rank(p, (done) => progress('ranking features', done, total), estimator);
  const t1 = performance.now();
  let heat: Pick<Analysis, 'matrix' | 'pairNote' | 'heatmapError'>;
  try {
    heat = pairwise(p, progress, p.features.length, total);
  } catch (err) {
    const heatmapError = err instanceof Error ? err.message : String(err);
    heat = { matrix: new Float64Array(0), pairNote: [], heatmapError };
  }
  const t2 = performance.now();
  return {
    names: p.columns.map((c) => c.name),
    target: p.columns[p.target].name,
    rows: p.rows,
    task: p.task,
    rankingMethod: method,
    ranking,
    ...heat,
    backend: mutinfo.backend(),
    ms: { ranking: t1 - t0, heatmap: t2 - t1 },
  };
}
