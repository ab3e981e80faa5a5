// Builds the discrete estimator's data: columns coded once (labels, or bins for 'binned'),
// placed in kernel memory once for the calling thread, and shared with workers through a
// SharedArrayBuffer when there is one.
import type { Kernels } from '../backend/kernels.js';
import { binCountFor } from '../core/binOptions.js';
import { binColumn, type BinningMethod, type Bins } from '../core/binning.js';
import { encodeLabels } from '../core/labels.js';
import { compactCodes } from '../backend/js/compact.js';
import type { TaskSpec } from '../parallel/pool.js';
import type { CriterionParams, SelectionMethod } from './criteria/index.js';
import { DiscreteTables, type DiscreteData, type DiscreteRowTask } from './discreteTables.js';
import type { Source } from './source.js';
import type { BackendOption } from '../backend/select.js';

/** Whether memory can be shared with workers here (Node; cross-origin-isolated pages). */
export function canShare(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
}

function int32(n: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
}

/** Codes of each column: labels as they are, or bins for the columns not marked discrete. */
export function codeColumns(
  fn: string,
  kern: Kernels,
  columns: Float64Array[],
  binned: boolean[] | undefined,
  bins: Bins,
  binning: BinningMethod,
  shared: boolean,
): { codes: Int32Array; K: Int32Array } {
  const n = columns[0].length;
  const d = columns.length;
  const codes = int32(n * d, shared);
  const K = new Int32Array(d);
  const nBinsFor = binCountFor(fn, bins);
  for (let j = 0; j < d; j++) {
    const view = codes.subarray(j * n, j * n + n);
    if (binned?.[j]) view.set(binColumn(kern, columns[j], nBinsFor, binning).codes);
    else encodeLabels(fn, `X column ${j}`, columns[j], view);
    // Compact codes keep every pair table as small as the observed values allow.
    let hi = 0;
    for (let i = 0; i < n; i++) if (view[i] > hi) hi = view[i];
    K[j] = compactCodes(view, hi + 1);
  }
  return { codes, K };
}

/** The discrete estimator over coded columns and class codes y (Ky classes). */
export function discreteSource(
  kern: Kernels,
  codes: Int32Array,
  K: Int32Array,
  y: Int32Array,
  Ky: number,
  backend: BackendOption,
): Source {
  const n = y.length;
  const d = K.length;
  const data: DiscreteData = { n, d, codes, K, y, Ky, sX: new Float64Array(d), sXY: new Float64Array(d), sY: 0 };
  const tables = new DiscreteTables(kern, data);
  tables.place(Array.from({ length: d }, (_, j) => j));
  let relevance: Float64Array;
  try {
    relevance = tables.relevance();
  } catch (e) {
    tables.release();
    throw e;
  }
  const shared = typeof SharedArrayBuffer !== 'undefined' && codes.buffer instanceof SharedArrayBuffer;
  return {
    relevance: () => relevance,
    row: (s, cands, crit, params) => tables.row(s, cands, crit, params),
    cmi: (s, j) => tables.conditionalRelevance(s, j),
    rowTasks: shared
      ? (s: number, cands: Int32Array, method: Exclude<SelectionMethod, 'cmim'>, params: CriterionParams, parts: number) => {
          const out = new Float64Array(new SharedArrayBuffer(cands.length * 8));
          const tasks: TaskSpec[] = [];
          const step = Math.ceil(cands.length / parts);
          for (let from = 0; from < cands.length; from += step) {
            const payload: DiscreteRowTask = { data, s, candidates: cands, from, to: Math.min(cands.length, from + step), out, method, params, backend };
            tasks.push({ name: 'selectionRow', payload });
          }
          return { tasks, collect: () => out.slice() };
        }
      : undefined,
    close: () => tables.release(),
  };
}
