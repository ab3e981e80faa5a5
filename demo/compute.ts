// The one module of the demo that calls mutinfo. It runs inside the worker.
// Ranking: mutualInfoClassif (categorical target) or mutualInfoRegression
// (numeric target), as sklearn would. Heatmap: mutualInformation with
// estimator 'auto' on every pair of columns. Both with permutation p-values, so the page
// can mark what is not significant. Everything is in nats here.
import * as mutinfo from 'mutinfo';
import type { Analysis, Ranked, RankingEstimator } from './protocol.js';
import type { Prepared } from './table.js';

/** Options of the ranking call; test/demo.test.ts calls the library with the same. */
export const RANKING_OPTIONS = { nNeighbors: 3, randomState: 0 } as const;

/** Permutations behind the significance marks, and the level they are judged at. */
export const SIGNIFICANCE = { permutations: 99, alpha: 0.05 } as const;

/**
 * Permutations per heatmap pair: 99, fewer for big tables so the page stays quick (about
 * 2e7 sample-estimates in all), never below 19, where the smallest p, 1/20, still reaches alpha.
 */
export function pairPermutations(pairs: number, rows: number): number {
  return Math.max(19, Math.min(SIGNIFICANCE.permutations, Math.floor(2e7 / Math.max(1, pairs * rows))));
}

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
  // p-values from y shuffled against each column; the scores above stay sklearn's call.
  const tests = await mutinfo.featureTestsAsync(X, target.values, {
    ...RANKING_OPTIONS,
    discreteFeatures: discrete,
    target: p.task === 'classification' ? 'classif' : 'regression',
    permutations: SIGNIFICANCE.permutations,
    adjust: 'bh',
    workers: 'auto',
  });
  const ranking = p.features
    .map((j, f) => ({ feature: p.columns[j].name, nats: mi[f], discrete: discrete[f], p: tests.pValues[f], q: tests.adjusted[f] }))
    .sort((a, b) => b.nats - a.nats);
  const nDiscrete = discrete.filter(Boolean).length;
  const method =
    `${name}${estimator === 'mixed-ksg' ? " with estimator 'mixed-ksg' (Gao et al. 2017, no noise; the p-values test sklearn's scores)" : ''}, k = ${RANKING_OPTIONS.nNeighbors} neighbours` +
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
  const pairP = new Float64Array(n * n).fill(NaN);
  const pairNote = new Array<string>(n * n).fill('');
  const permutations = pairPermutations((n * (n - 1)) / 2, p.rows);
  let done = done0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Numbers go as Float64Array and text as strings: 'auto' picks the estimator from them.
      const x = p.columns[i].values;
      const y = p.columns[j].values;
      let note: string = mutinfo.selectEstimator(x, y).estimator;
      try {
        const t = mutinfo.mutualInformationTest(x, y, { estimator: 'auto', permutations });
        matrix[i * n + j] = matrix[j * n + i] = t.value;
        pairP[i * n + j] = pairP[j * n + i] = t.pValue;
      } catch (err) {
        note = err instanceof Error ? err.message : String(err);
      }
      pairNote[i * n + j] = pairNote[j * n + i] = note;
      progress('pairwise MI', ++done, total);
    }
  }
  return { matrix, pairNote, pairP };
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
  let heat: Pick<Analysis, 'matrix' | 'pairNote' | 'pairP' | 'heatmapError'>;
  try {
    heat = pairwise(p, progress, p.features.length, total);
  } catch (err) {
    const heatmapError = err instanceof Error ? err.message : String(err);
    heat = { matrix: new Float64Array(0), pairNote: [], pairP: new Float64Array(0), heatmapError };
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
    alpha: SIGNIFICANCE.alpha,
    backend: mutinfo.backend(),
    ms: { ranking: t1 - t0, heatmap: t2 - t1 },
  };
}
