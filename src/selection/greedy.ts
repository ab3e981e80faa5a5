// FEAST's greedy forward selection as a generator, so that one loop serves the synchronous
// and the asynchronous drivers: it yields what it needs computed (a cache row, or one CMIM
// term) and receives the answer. Ties go to the lowest column index (strict >, as FEAST).
import { criterionOf, type CriterionParams, type SelectionMethod } from './criteria/index.js';

/** What the loop asks its driver for. */
export type Request =
  /** The cache terms of pick s for each candidate (answer: Float64Array, one per candidate). */
  | { kind: 'row'; s: number; candidates: Int32Array }
  /** CMIM's I(Xj; Y | Xs) (answer: number). */
  | { kind: 'cmi'; s: number; j: number }
  /** A pick was made (answer: nothing); `done` picks so far. */
  | { kind: 'picked'; done: number };

export interface GreedyResult {
  selected: number[];
  /** Criterion value of each pick, in nats (DISR's after the first: ratios). */
  scores: Float64Array;
}

function unselected(chosen: Uint8Array): Int32Array {
  let m = 0;
  for (const c of chosen) if (!c) m++;
  const out = new Int32Array(m);
  for (let j = 0, t = 0; j < chosen.length; j++) if (!chosen[j]) out[t++] = j;
  return out;
}

/**
 * Selects k of the d columns. relevance[j] = I(Xj; Y) in nats. The first pick is the
 * column of highest relevance; FEAST gives it its relevance as its score, for every method.
 */
export function* greedy(
  method: SelectionMethod,
  relevance: Float64Array,
  k: number,
  params: CriterionParams,
): Generator<Request, GreedyResult, unknown> {
  const d = relevance.length;
  const chosen = new Uint8Array(d);
  const selected: number[] = [];
  const scores = new Float64Array(k);
  let first = 0;
  for (let j = 1; j < d; j++) if (relevance[j] > relevance[first]) first = j;
  selected.push(first);
  scores[0] = relevance[first];
  chosen[first] = 1;
  yield { kind: 'picked', done: 1 };

  const crit = method === 'cmim' ? undefined : criterionOf(method);
  const cache = crit && method !== 'mim' ? new Float64Array(k * d) : undefined;
  const terms = new Float64Array(k);
  // CMIM: partial[j] is min over the first used[j] picks of I(Xj; Y | Xs), starting at the relevance.
  const partial = method === 'cmim' ? relevance.slice() : undefined;
  const used = method === 'cmim' ? new Int32Array(d) : undefined;

  for (let i = 1; i < k; i++) {
    const candidates = unselected(chosen);
    if (cache) {
      const row = (yield { kind: 'row', s: selected[i - 1], candidates }) as Float64Array;
      for (let t = 0; t < candidates.length; t++) cache[(i - 1) * d + candidates[t]] = row[t];
    }
    let best = -1;
    let score = -Infinity;
    for (const j of candidates) {
      let v: number;
      if (partial && used) {
        // Fleuret's lazy evaluation: a partial minimum already at or below the best score
        // cannot win, so its remaining terms are never computed.
        while (partial[j] > score && used[j] < i) {
          const cmi = (yield { kind: 'cmi', s: selected[used[j]], j }) as number;
          if (partial[j] > cmi) partial[j] = cmi;
          used[j]++;
        }
        v = partial[j];
      } else if (cache) {
        for (let x = 0; x < i; x++) terms[x] = cache[x * d + j];
        v = crit!.score(relevance[j], terms, i);
      } else {
        v = relevance[j];
      }
      if (v > score) {
        score = v;
        best = j;
      }
    }
    // Every score NaN cannot happen with finite estimates; FEAST would fall back to column 0.
    if (best < 0) best = candidates[0];
    selected.push(best);
    scores[i] = score;
    chosen[best] = 1;
    yield { kind: 'picked', done: i + 1 };
  }
  return { selected, scores };
}

export type { CriterionParams };
