// The discrete estimator of greedy selection: every pair quantity of a candidate Xj and a
// pick Xs comes from one count table, the (Xs, Y, Xj) joint histogram (or (Xs, Xj) when
// only I(Xj;Xs) is needed), turned into entropies with a table of c·ln c. Runs on the
// calling thread or in a pool worker; integer counts and the same arithmetic give the
// same bits in either.
import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { Kernels } from '../backend/kernels.js';
import { criterionOf, type Criterion, type CriterionParams, type PairStats, type Quantity, type SelectionMethod } from './criteria/index.js';

/** Pre-coded discrete data: what a worker needs to compute cache rows (structured-cloneable). */
export interface DiscreteData {
  n: number;
  d: number;
  /** Column-major codes: column j is codes[j·n … j·n + n − 1], in [0, K[j]). */
  codes: Int32Array;
  K: Int32Array;
  y: Int32Array;
  Ky: number;
  /** Σ c ln c over each column's histogram, over its joint histogram with y, and over y's. */
  sX: Float64Array;
  sXY: Float64Array;
  sY: number;
}

/** Above this many cells (or 16 per sample) a pair is counted in a Map instead of a dense table. */
const MAX_DENSE = 1 << 22;

/** c·ln c for c = 0 … n, so that every entropy is a sum of table lookups. */
export function nLogNTable(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  for (let c = 2; c <= n; c++) t[c] = c * Math.log(c);
  return t;
}

export class DiscreteTables {
  readonly lut: Float64Array;
  readonly lnN: number;
  /** Kernel-ready copies: the placed columns as one block, their code ranges, y, and the c ln c table. */
  private block!: Int32Array;
  private Kb!: Int32Array;
  yv!: Int32Array;
  private lutv!: Float64Array;
  /** local[j] = column j's place in the block, −1 when not placed. */
  private local: Int32Array;
  private mark = -1;
  /** The block's constant column. */
  private none = -1;

  constructor(
    readonly kern: Kernels,
    readonly data: DiscreteData,
  ) {
    this.lut = nLogNTable(data.n);
    this.lnN = Math.log(data.n);
    this.local = new Int32Array(data.d).fill(-1);
  }

  /**
   * Copies y, the c ln c table and the listed columns into kernel memory, all at once and
   * before any kernel runs (a later allocation may move WASM memory; kernels keep pointers).
   */
  place(columns: readonly number[]): void {
    const { n, codes, K } = this.data;
    const m = columns.length;
    this.mark = this.kern.mark();
    // Each view is filled before the next allocation, which may move WASM memory (and
    // detach the views; the kernels keep their pointers).
    [this.lutv] = this.kern.scratchFloat64([n + 1]);
    this.lutv.set(this.lut);
    // One more column, all zeros, stands for "no pick" (relevance()).
    [this.block, this.yv, this.Kb] = this.kern.scratchInt32([n * (m + 1), n, m + 1]);
    this.block.fill(0, n * m);
    this.Kb[m] = 1;
    this.none = m;
    this.yv.set(this.data.y);
    columns.forEach((j, t) => {
      this.block.set(codes.subarray(j * n, j * n + n), t * n);
      this.Kb[t] = K[j];
      this.local[j] = t;
    });
  }

  /** Frees the kernel memory taken by place(). */
  release(): void {
    if (this.mark >= 0) this.kern.release(this.mark);
    this.mark = -1;
    this.local.fill(-1);
  }

  private dense(cells: number): boolean {
    return cells <= Math.min(MAX_DENSE, Math.max(16 * this.data.n, 1 << 16));
  }

  /** [Σ c ln c over the (Xs, Xj) table, over the (Xs, Y, Xj) table (0 unless threeWay)] for each candidate. */
  private sums(s: number, cands: ArrayLike<number>, threeWay: boolean): Float64Array {
    const { K, Ky, n, codes } = this.data;
    const out = new Float64Array(2 * cands.length);
    const kyy = threeWay ? Ky : 1;
    const ks = s < 0 ? 1 : K[s];
    const ls = s < 0 ? this.none : this.local[s];
    const fast: number[] = [];
    const at: number[] = [];
    let maxCells = 0;
    for (let t = 0; t < cands.length; t++) {
      const cells = ks * kyy * K[cands[t]];
      if (this.dense(cells)) {
        fast.push(this.local[cands[t]]);
        at.push(t);
        if (cells > maxCells) maxCells = cells;
      } else {
        const j = cands[t];
        const pick = s < 0 ? new Int32Array(n) : codes.subarray(s * n, s * n + n);
        const [a, b] = sparse(this.lut, pick, threeWay ? this.data.y : undefined, codes.subarray(j * n, j * n + n), Ky, K[j]);
        out[2 * t] = a;
        out[2 * t + 1] = b;
      }
    }
    if (fast.length > 0) {
      const r = this.kern.pairTables(this.block, n, this.Kb, ls, threeWay ? this.yv : null, Ky, Int32Array.from(fast), this.lutv, maxCells);
      at.forEach((t, u) => {
        out[2 * t] = r[2 * u];
        out[2 * t + 1] = r[2 * u + 1];
      });
    }
    return out;
  }

  /** The requested pair quantities of candidate j and pick s, in nats, from the two sums. */
  private stats(s: number, j: number, sSJ: number, sAll: number, threeWay: boolean): PairStats {
    const { sX, sXY, sY, n } = this.data;
    const lnN = this.lnN;
    return {
      mi: lnN + (sSJ - sX[s] - sX[j]) / n,
      miGivenY: threeWay ? (sAll + sY - sXY[j] - sXY[s]) / n : NaN,
      jointRelevance: threeWay ? lnN + (sAll - sSJ - sY) / n : NaN,
      jointEntropy: threeWay ? lnN - sAll / n : NaN,
    };
  }

  /** I(Xj; Y | Xs) in nats (CMIM's term). */
  conditionalRelevance(s: number, j: number): number {
    const { sX, sXY, n } = this.data;
    const r = this.sums(s, [j], true);
    return (r[1] + sX[s] - r[0] - sXY[s]) / n;
  }

  /** One cache row: the criterion's term for pick s and each candidate. */
  row(s: number, candidates: ArrayLike<number>, c: Criterion, p: CriterionParams): Float64Array {
    const needs = c.needs(p);
    const threeWay = needs.some((q: Quantity) => q !== 'mi');
    const r = this.sums(s, candidates, threeWay);
    const out = new Float64Array(candidates.length);
    for (let t = 0; t < candidates.length; t++) out[t] = c.entry(this.stats(s, candidates[t], r[2 * t], r[2 * t + 1], threeWay), p);
    return out;
  }

  /**
   * Relevance I(Xj; Y) in nats of every column (all must be placed), filling data.sX,
   * data.sXY and data.sY: the row of the constant column that place() adds, whose
   * (·, Y, Xj) table is the (Y, Xj) table.
   */
  relevance(): Float64Array {
    const { data, kern, lut } = this;
    const { n, d, K, Ky } = data;
    const hy = kern.histogram(this.yv, Ky);
    let sY = 0;
    for (let c = 0; c < hy.length; c++) sY += lut[hy[c]];
    data.sY = sY;
    const all = Array.from({ length: d }, (_, j) => j);
    const r = this.sums(-1, all, true);
    const rel = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      data.sX[j] = r[2 * j];
      data.sXY[j] = r[2 * j + 1];
      rel[j] = this.lnN + (r[2 * j + 1] - r[2 * j] - sY) / n;
    }
    void K;
    return rel;
  }
}

/** Σ c ln c over the (a, b?, c) joint counts and over their (a, c) margin, counted in Maps. */
function sparse(lut: Float64Array, a: Int32Array, b: Int32Array | undefined, c: Int32Array, kb: number, kc: number): [number, number] {
  const all = new Map<number, number>();
  const ac = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const k2 = a[i] * kc + c[i];
    ac.set(k2, (ac.get(k2) ?? 0) + 1);
    if (b) {
      const k3 = (a[i] * kb + b[i]) * kc + c[i];
      all.set(k3, (all.get(k3) ?? 0) + 1);
    }
  }
  let sAC = 0;
  for (const v of ac.values()) sAC += lut[v];
  let sAll = 0;
  for (const v of all.values()) sAll += lut[v];
  return [sAC, sAll];
}

/** A pool task: the cache-row terms of pick s for candidates[from … to), written into out (shared memory). */
export interface DiscreteRowTask {
  data: DiscreteData;
  s: number;
  candidates: Int32Array;
  from: number;
  to: number;
  out: Float64Array;
  method: Exclude<SelectionMethod, 'cmim'>;
  params: CriterionParams;
  backend?: BackendOption;
}

/** Runs one DiscreteRowTask (in a worker); returns the number of terms written. */
export function discreteRowTask(p: DiscreteRowTask): number {
  const t = new DiscreteTables(kernelsFor('selectFeatures', p.backend), p.data);
  const cands = p.candidates.subarray(p.from, p.to);
  t.place([p.s, ...cands]);
  try {
    p.out.set(t.row(p.s, cands, criterionOf(p.method), p.params), p.from);
  } finally {
    t.release();
  }
  return cands.length;
}
