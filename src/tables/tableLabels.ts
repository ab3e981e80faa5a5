// Labels, their canonical order and the per-variable axes of a ContingencyTable
// (contingencyTable.ts), and the degrees of freedom of its G-test.
import type { Label } from '../core/labels.js';
import { show } from '../core/validate.js';

function typeRank(v: Label): number {
  switch (typeof v) {
    case 'number':
      return 0;
    case 'bigint':
      return 1;
    case 'string':
      return 2;
    default:
      return 3;
  }
}

/** The canonical order of labels: numbers, bigints, strings, booleans, each ascending. */
export function compareLabels(a: Label, b: Label): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function checkLabel(fn: string, name: string, v: unknown, where: string): Label {
  const t = typeof v;
  if (t === 'string' || t === 'boolean' || t === 'bigint' || (t === 'number' && Number.isFinite(v))) return v as Label;
  if (t === 'number') throw new RangeError(`${fn}: ${name} must not be NaN or ±Infinity, got ${v} at ${where}`);
  throw new TypeError(`${fn}: ${name} must be a number, string, boolean or bigint, got ${show(v)} at ${where}`);
}

export function checkCount(fn: string, v: unknown, where: string): number {
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${fn}: n must be a non-negative integer, got ${show(v)} at ${where}`);
  }
  return n;
}

/** The labels seen on one variable, each with a code in order of first appearance. */
export class Axis {
  readonly labels: Label[] = [];
  private readonly codes = new Map<Label, number>();
  constructor(private readonly max: number) {}

  code(fn: string, v: Label): number {
    // -0 and 0 are one label, as in a Map.
    let c = this.codes.get(v);
    if (c === undefined) {
      c = this.labels.length;
      if (c >= this.max) throw new RangeError(`${fn}: a variable of this table can hold at most ${this.max} distinct labels`);
      this.codes.set(v, c);
      this.labels.push(v);
    }
    return c;
  }

  /** rank[code] = position of the label in the canonical order. */
  ranks(): Int32Array {
    const order = this.labels.map((_, i) => i).sort((a, b) => compareLabels(this.labels[a], this.labels[b]));
    const rank = new Int32Array(order.length);
    order.forEach((code, r) => (rank[code] = r));
    return rank;
  }
}

/** The table in canonical order: cells sorted by the ranks of their labels. */
export interface Canonical {
  n: number;
  /** sizes[a] = number of labels of variable a. */
  sizes: number[];
  /** ranks[a][i] = rank of cell i's label on variable a. */
  ranks: Int32Array[];
  counts: Float64Array;
}

/** Number of distinct values among the ranks of the non-empty cells. */
export function distinct(ranks: Int32Array): number {
  return new Set(ranks).size;
}

/** Σ_z (R_z − 1)(C_z − 1) over the non-empty cells of a 3-way table in canonical order. */
export function stratifiedDof(c: Canonical): number {
  const L = c.sizes[2];
  const rowsOf = new Float64Array(L);
  const colsOf = new Float64Array(L);
  const seenXz = new Set<number>();
  const seenYz = new Set<number>();
  for (let i = 0; i < c.counts.length; i++) {
    const z = c.ranks[2][i];
    const xz = c.ranks[0][i] * L + z;
    const yz = c.ranks[1][i] * L + z;
    if (!seenXz.has(xz)) {
      seenXz.add(xz);
      rowsOf[z]++;
    }
    if (!seenYz.has(yz)) {
      seenYz.add(yz);
      colsOf[z]++;
    }
  }
  let dof = 0;
  for (let z = 0; z < L; z++) if (rowsOf[z] > 0) dof += (rowsOf[z] - 1) * (colsOf[z] - 1);
  return dof;
}
