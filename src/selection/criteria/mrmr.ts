// mRMR, difference form: I(Xj;Y) − (1/|S|) Σ_s I(Xj;Xs) (Peng, Long & Ding, IEEE PAMI 27, 2005;
// FEAST mRMR_D.c sums the cached terms first, then divides by the number of picks).
import type { Criterion } from './criterion.js';

export const mrmr: Criterion = {
  needs: () => ['mi'],
  entry: (q) => q.mi,
  score(relevance, terms, picks) {
    let total = 0;
    for (let x = 0; x < picks; x++) total += terms[x];
    return relevance - total / picks;
  },
};
