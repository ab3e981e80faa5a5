// ICAP: I(Xj;Y) + Σ_s min(0, I(Xj;Xs|Y) − I(Xj;Xs)), interaction capping (Jakulin 2005;
// FEAST ICAP.c adds each negative term to the relevance in pick order).
import type { Criterion } from './criterion.js';

export const icap: Criterion = {
  needs: () => ['mi', 'miGivenY'],
  entry: (q) => q.miGivenY - q.mi,
  score(relevance, terms, picks) {
    let s = relevance;
    for (let x = 0; x < picks; x++) if (terms[x] < 0) s += terms[x];
    return s;
  },
};
