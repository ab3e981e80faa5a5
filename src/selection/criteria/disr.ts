// DISR: Σ_s I(Xj Xs; Y) / H(Xj Xs Y), the double input symmetrical relevance (Meyer, Schretter &
// Bontempi, IEEE J. Sel. Topics Signal Process. 2, 2008; FEAST DISR.c). The ratios carry no unit.
import type { Criterion } from './criterion.js';

export const disr: Criterion = {
  needs: () => ['jointRelevance', 'jointEntropy'],
  // H(Xj Xs Y) = 0 only when all three are constant, and then I(Xj Xs; Y) = 0 too: count it as 0, not 0/0.
  entry: (q) => (q.jointEntropy > 0 ? q.jointRelevance / q.jointEntropy : 0),
  score(_relevance, terms, picks) {
    let total = 0;
    for (let x = 0; x < picks; x++) total += terms[x];
    return total;
  },
};
