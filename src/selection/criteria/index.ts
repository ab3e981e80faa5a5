// The criteria by method name. CMIM has no entry here: its lazy loop lives in ../greedy.ts.
import { betaGamma } from './betaGamma.js';
import type { Criterion } from './criterion.js';
import { disr } from './disr.js';
import { icap } from './icap.js';
import { jmi } from './jmi.js';
import { mim } from './mim.js';
import { mrmr } from './mrmr.js';

/** The selection methods of {@link selectFeatures}. */
export type SelectionMethod = 'mim' | 'mrmr' | 'jmi' | 'cmim' | 'disr' | 'icap' | 'cife' | 'mifs' | 'betagamma';

export const METHODS: readonly SelectionMethod[] = ['mim', 'mrmr', 'jmi', 'cmim', 'disr', 'icap', 'cife', 'mifs', 'betagamma'];

/** The cached-table criteria; cife and mifs are betagamma with fixed weights. */
export function criterionOf(method: Exclude<SelectionMethod, 'cmim'>): Criterion {
  switch (method) {
    case 'mim':
      return mim;
    case 'mrmr':
      return mrmr;
    case 'jmi':
      return jmi;
    case 'disr':
      return disr;
    case 'icap':
      return icap;
    default:
      return betaGamma;
  }
}

export type { Criterion, CriterionParams, PairStats, Quantity } from './criterion.js';
