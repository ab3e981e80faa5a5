// The one module of the demo that calls mutinfo. It runs inside the worker.
// Ranking: mutualInfoClassif (categorical target) or mutualInfoRegression
// (numeric target), as sklearn would. Heatmap: mutualInformation with
// estimator 'auto' on every pair of columns. Both with permutation p-values, so the page
// can mark what is not significant. Everything is in nats here.
import * as core from 'mutinfo';
import * as significance from 'mutinfo/browser/significance';
import * as selection from 'mutinfo/browser/selection';

// One namespace for the page's calls: the core bundle and the two family bundles it loads.
const mutinfo = { ...core, ...significance, ...selection };
import type { Analysis, Chosen, Ranked, RankingEstimator, Selection, SelectionMethod } from './protocol.js';
import { gather, type Rows } from '../src/cli/missing.js';
import { rowsOf, valuesAt, type Column, type Prepared } from './table.js';

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

/** A feature's values at some rows, as a numeric matrix column: numbers, or label codes. */
function matrixColumn(c: Column, rows: Rows): ArrayLike<number> {
  return gather(c.cells, rows);
}

interface Group {
  features: number[];
  rows: Rows;
}

/**
 * The ranking, as `mutinfo rank` does it: the features with a value wherever the target has
 * one are scored together, in one call; each other feature alone, on the rows where it and
 * the target both have a value. Missing cells are thus dropped per feature, never imputed.
 */
async function rank(p: Prepared, onProgress: (done: number) => void, estimator: RankingEstimator): Promise<{ ranking: Ranked[]; method: string }> {
  const target = p.columns[p.target];
  const base = rowsOf([target]);
  const whole: number[] = [];
  const groups: Group[] = [];
  for (const j of p.features) {
    const rows = rowsOf([target, p.columns[j]]);
    if (rows.n === base.n) whole.push(j);
    else groups.push({ features: [j], rows });
  }
  if (whole.length > 0) groups.unshift({ features: whole, rows: base });
  const discreteOf = (j: number) => p.columns[j].kind === 'categorical';
  const name = p.task === 'classification' ? 'mutualInfoClassif' : 'mutualInfoRegression';
  const scores = new Map<number, { nats: number; dropped: number; p: number }>();
  let done = 0;
  for (const g of groups) {
    const rows = g.rows.n;
    const cols = g.features.length;
    const data = new Float64Array(rows * cols);
    g.features.forEach((j, f) => {
      const v = matrixColumn(p.columns[j], g.rows);
      for (let i = 0; i < rows; i++) data[i * cols + f] = v[i];
    });
    // One column per task on a pool of nested workers; the same bits as the synchronous call.
    const offset = done;
    const opts = {
      ...RANKING_OPTIONS,
      discreteFeatures: g.features.map(discreteOf),
      workers: 'auto' as const,
      onProgress: (d: number) => onProgress(offset + d),
      estimator,
    };
    const y = valuesAt(target, g.rows);
    const X = { data, rows, cols };
    const mi =
      p.task === 'classification'
        ? await mutinfo.mutualInfoClassifAsync(X, y, opts)
        : await mutinfo.mutualInfoRegressionAsync(X, y as Float64Array, opts);
    // p-values from y shuffled against each column; the scores above stay sklearn's call.
    const tests = await mutinfo.featureTestsAsync(X, y, {
      ...RANKING_OPTIONS,
      discreteFeatures: opts.discreteFeatures,
      target: p.task === 'classification' ? 'classif' : 'regression',
      permutations: SIGNIFICANCE.permutations,
      adjust: 'none',
      workers: 'auto',
    });
    g.features.forEach((j, f) => scores.set(j, { nats: mi[f], dropped: g.rows.dropped, p: tests.pValues[f] }));
    done += cols;
  }
  // Benjamini–Hochberg over all the features together, whichever group scored them.
  const order = p.features.map((j) => scores.get(j)!.p);
  const q = mutinfo.adjustPValues(Float64Array.from(order), 'bh');
  const ranking = p.features
    .map((j, f) => ({ feature: p.columns[j].name, ...scores.get(j)!, q: q[f], discrete: discreteOf(j) }))
    .sort((a, b) => b.nats - a.nats);
  const nDiscrete = p.features.filter(discreteOf).length;
  const method =
    `${name}${estimator === 'mixed-ksg' ? " with estimator 'mixed-ksg' (Gao et al. 2017, no noise; the p-values test sklearn's scores)" : ''}, k = ${RANKING_OPTIONS.nNeighbors} neighbours` +
    (nDiscrete > 0 ? `; ${nDiscrete} text feature${nDiscrete > 1 ? 's' : ''} as discrete` : '');
  return { ranking, method };
}

/**
 * Every pair of columns through mutualInformation with estimator 'auto', on the rows where
 * both have a value. A pair the library refuses (it names its reason) leaves a blank cell,
 * not a failed page.
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
      let note: string;
      try {
        const rows = rowsOf([p.columns[i], p.columns[j]]);
        // Numbers go as Float64Array and text as strings: 'auto' picks the estimator from them.
        const x = valuesAt(p.columns[i], rows);
        const y = valuesAt(p.columns[j], rows);
        note = mutinfo.selectEstimator(x, y).estimator;
        if (rows.dropped > 0) note += ` · ${rows.dropped} row${rows.dropped === 1 ? '' : 's'} with a missing cell dropped`;
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

/**
 * The features on the rows where they and the target all have a value: a numeric matrix
 * (label codes for text columns), the target there, and which features are discrete.
 */
function featureMatrix(p: Prepared, features: number[]) {
  const rows = rowsOf([p.columns[p.target], ...features.map((j) => p.columns[j])]);
  const n = rows.n;
  const cols = features.length;
  const data = new Float64Array(n * cols);
  features.forEach((j, f) => {
    const v = matrixColumn(p.columns[j], rows);
    for (let i = 0; i < n; i++) data[i * cols + f] = v[i];
  });
  return { X: { data, rows: n, cols }, y: valuesAt(p.columns[p.target], rows), rows, discrete: features.map((j) => p.columns[j].kind === 'categorical') };
}

/**
 * The select view: selectFeatures with the chosen criterion, then for each pick its relevance
 * (its MI with the target) and its largest MI with a feature picked before it (redundancy).
 */
export async function selectColumns(p: Prepared, method: SelectionMethod, k: number, progress: Progress): Promise<Selection> {
  await mutinfo.init().catch(() => undefined);
  if (p.task !== 'classification') {
    throw new Error(`Feature selection needs class labels as the target; ${p.columns[p.target].name} is numeric (regression).`);
  }
  const t0 = performance.now();
  const { X, y, rows, discrete } = featureMatrix(p, p.features);
  const kk = Math.min(k, p.features.length);
  progress('selecting features', 0, kk);
  const r = await mutinfo.selectFeaturesAsync(X, y, {
    method,
    k: kk,
    ...RANKING_OPTIONS,
    discreteFeatures: discrete,
    onProgress: (done) => progress('selecting features', done, kk),
  });
  const chosen = r.selected.map((f) => p.features[f]);
  const m = mutinfo.mutualInformationMatrix({ columns: chosen.map((j) => valuesAt(p.columns[j], rows)) }, { onPairError: 'record' });
  const picks: Chosen[] = chosen.map((j, i) => {
    let redundancy = NaN;
    let with_ = '';
    for (let s = 0; s < i; s++) {
      const v = m.matrix[i * chosen.length + s];
      if (!(v <= redundancy)) {
        redundancy = v;
        with_ = p.columns[chosen[s]].name;
      }
    }
    return { feature: p.columns[j].name, score: r.scores[i], relevance: r.relevance[i], redundancy, redundantWith: with_ };
  });
  return { method, k: kk, target: p.columns[p.target].name, picks, ratio: method === 'disr', ms: performance.now() - t0 };
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
    notes: p.notes,
    backend: mutinfo.backend(),
    ms: { ranking: t1 - t0, heatmap: t2 - t1 },
  };
}
