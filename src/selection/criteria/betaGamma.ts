// The β/γ family: I(Xj;Y) − β Σ_s I(Xj;Xs) + γ Σ_s I(Xj;Xs|Y) (Brown et al., JMLR 13, 2012, eq. 15;
// FEAST BetaGamma.c caches β·I(Xj;Xs) − γ·I(Xj;Xs|Y) and subtracts the sum from the relevance).
// CIFE (Lin & Tang 2006) is β = γ = 1; MIFS (Battiti 1994) is γ = 0.
import type { Criterion } from './criterion.js';

export const betaGamma: Criterion = {
  needs: (p) => [...(p.beta !== 0 ? (['mi'] as const) : []), ...(p.gamma !== 0 ? (['miGivenY'] as const) : [])],
  // A zero weight skips its estimate: β·x − 0·y equals β·x for every finite y.
  entry: (q, p) => (p.beta !== 0 ? p.beta * q.mi : 0) - (p.gamma !== 0 ? p.gamma * q.miGivenY : 0),
  score(relevance, terms, picks) {
    let total = 0;
    for (let x = 0; x < picks; x++) total += terms[x];
    return relevance - total;
  },
};
