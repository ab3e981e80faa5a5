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
  /** Kernel-ready copies of the placed columns, and of y. */
  readonly cols = new Map<number, Int32Array>();
  yv!: Int32Array;
  private mark = -1;

  constructor(
    readonly kern: Kernels,
    readonly data: DiscreteData,
  ) {
    this.lut = nLogNTable(data.n);
    this.lnN = Math.log(data.n);
  }

  /**
   * Copies y and the listed columns into kernel memory, all at once and before any kernel
   * runs (a later allocation may move WASM memory; the kernels keep their pointers).
   */
  place(columns: readonly number[]): void {
    const { n, codes } = this.data;
    this.mark = this.kern.mark();
    const views = this.kern.scratchInt32(new Array(columns.length + 1).fill(n));
    views[0].set(this.data.y);
    this.yv = views[0];
    columns.forEach((j, t) => {
      views[t + 1].set(codes.subarray(j * n, j * n + n));
      this.cols.set(j, views[t + 1]);
    });
  }

  /** Frees the kernel memory taken by place(). */
  release(): void {
    if (this.mark >= 0) this.kern.release(this.mark);
    this.mark = -1;
    this.cols.clear();
  }

  private sum(counts: Float64Array): number {
    const lut = this.lut;
    let s = 0;
    for (let t = 0; t < counts.length; t++) s += lut[counts[t]];
    return s;
  }

  /** Σ c ln c over the (Xs, Xj) table, and over the (Xs, Y, Xj) table when three-way. */
  private tables(s: number, j: number, threeWay: boolean): [number, number] {
    const { K, Ky, n } = this.data;
    const ks = K[s];
    const kj = K[j];
    const a = this.cols.get(s)!;
    const b = this.cols.get(j)!;
    if (!threeWay) {
      const cells = ks * kj;
      if (cells <= Math.min(MAX_DENSE, Math.max(16 * n, 1 << 16))) return [this.sum(this.kern.jointHistogram(a, b, kj, cells)), 0];
      return sparse(this.lut, a, undefined, b, 1, kj);
    }
    const cells = ks * Ky * kj;
    if (cells > Math.min(MAX_DENSE, Math.max(16 * n, 1 << 16))) return sparse(this.lut, a, this.yv, b, Ky, kj);
    const t3 = this.kern.jointHistogram3(a, this.yv, b, Ky, kj, cells);
    const lut = this.lut;
    let sAll = 0;
    let sSJ = 0;
    for (let u = 0; u < ks; u++) {
      for (let v = 0; v < kj; v++) {
        let m = 0;
        for (let c = 0, at = u * Ky * kj + v; c < Ky; c++, at += kj) {
          const x = t3[at];
          m += x;
          sAll += lut[x];
        }
        sSJ += lut[m];
      }
    }
    return [sSJ, sAll];
  }

  /** The requested pair quantities of candidate j and pick s, in nats. */
  stats(s: number, j: number, needs: readonly Quantity[]): PairStats {
    const { sX, sXY, sY, n } = this.data;
    const threeWay = needs.some((q) => q !== 'mi');
    const [sSJ, sAll] = this.tables(s, j, threeWay);
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
    const [sSJ, sAll] = this.tables(s, j, true);
    return (sAll + sX[s] - sSJ - sXY[s]) / n;
  }

  /** One cache row: the criterion's term for pick s and each candidate. */
  row(s: number, candidates: ArrayLike<number>, c: Criterion, p: CriterionParams): Float64Array {
    const needs = c.needs(p);
    const out = new Float64Array(candidates.length);
    for (let t = 0; t < candidates.length; t++) out[t] = c.entry(this.stats(s, candidates[t], needs), p);
    return out;
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

/**
 * Relevance I(Xj; Y) of every column in nats, filling data.sX, data.sXY and data.sY on the way.
 * The tables must hold every column (place(all)).
 */
export function discreteRelevance(t: DiscreteTables): Float64Array {
  const { data, kern } = t;
  const { n, d, K, Ky } = data;
  const cols = Array.from({ length: d }, (_, j) => j);
  const rel = new Float64Array(d);
  const yv = t.yv;
  const lut = t.lut;
  const hy = kern.histogram(yv, Ky);
  let sY = 0;
  for (const c of hy) sY += lut[c];
  data.sY = sY;
  for (const j of cols) {
    const kj = K[j];
    const col = t.cols.get(j)!;
    const cells = Ky * kj;
    let sXY = 0;
    let sX = 0;
    if (cells <= Math.min(MAX_DENSE, Math.max(16 * n, 1 << 16))) {
      const tab = kern.jointHistogram(yv, col, kj, cells);
      for (let v = 0; v < kj; v++) {
        let m = 0;
        for (let c = 0, at = v; c < Ky; c++, at += kj) {
          m += tab[at];
          sXY += lut[tab[at]];
        }
        sX += lut[m];
      }
    } else {
      [sX, sXY] = sparse(lut, col, yv, new Int32Array(n), Ky, 1);
      // sparse() with a zero third column gives Σ over (col) and over (col, y) joint counts.
    }
    data.sX[j] = sX;
    data.sXY[j] = sXY;
    rel[j] = t.lnN + (sXY - sX - sY) / n;
  }
  return rel;
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
