// JMI: Σ_s I(Xj Xs; Y) (Yang & Moody, NIPS 1999; FEAST JMI.c). Brown et al. (2012) found it
// the best trade-off of accuracy and stability among the criteria here.
import type { Criterion } from './criterion.js';

export const jmi: Criterion = {
  needs: () => ['jointRelevance'],
  entry: (q) => q.jointRelevance,
  score(_relevance, terms, picks) {
    let total = 0;
    for (let x = 0; x < picks; x++) total += terms[x];
    return total;
  },
};
