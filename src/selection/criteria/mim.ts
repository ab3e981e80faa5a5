// MIM: mutual information maximisation, relevance only (Lewis 1992; FEAST MIM.c).
import type { Criterion } from './criterion.js';

export const mim: Criterion = {
  needs: () => [],
  entry: () => 0,
  score: (relevance) => relevance,
};
