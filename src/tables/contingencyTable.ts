// A mergeable table of counts over 2 or 3 label variables: counts from shards (batches,
// GROUP BY results, other processes) add up, and every discrete measure is computed from
// the table alone. Memory grows with the number of distinct cells, never with N.
import { kernelsFor, type BackendOption } from '../backend/select.js';
import type { Kernels } from '../backend/kernels.js';
import { averageMethodOption, generalizedAverage } from '../core/average.js';
import type { Contingency } from '../core/contingency.js';
import {
  DISCRETE_ESTIMATORS,
  alphabetOption,
  correctionOption,
  onlyOptions,
  usesAlphabet,
  type DiscreteEntropyEstimator,
} from '../core/estimatorOptions.js';
import { expectedMutualInfo } from '../core/expectedMutualInfo.js';
import { chiSquareSurvival } from '../core/gammaInc.js';
import { encodeLabels, type Label } from '../core/labels.js';
import { checkOptions, checkSequence, logBase, oneOf, sameLength, show } from '../core/validate.js';
import { correctedEntropyNats, correctedMutualInfoNats } from '../estimators/biasCorrected.js';
import { pluginEntropyNats, pluginMutualInfoNats } from '../estimators/discrete.js';
import { arrowLabels, isArrowTable, isArrowVector, type ArrowTableLike } from './arrow.js';
import { Axis, checkCount, checkLabel, compareLabels, distinct, stratifiedDof, type Canonical } from './tableLabels.js';
import type {
  ContingencyTableJSON,
  CountRow,
  TableEntropyOptions,
  TableMeasureOptions,
  TableScoreOptions,
  TableVariables,
} from './tableOptions.js';


// Cell keys pack the per-variable codes into one safe integer.
const SHIFT2 = 2 ** 26;
const MAX2 = 2 ** 26;
const SHIFT3 = 2 ** 17;
const MAX3 = 2 ** 17;
/** Above this many joint codes a batch is counted through a Map rather than a dense histogram. */
const DENSE_LIMIT = 1 << 22;
const AXES = ['x', 'y', 'z'] as const;
const VARIABLES: readonly TableVariables[] = ['x', 'y', 'z', 'xy', 'xz', 'yz', 'xyz'];

/**
 * A contingency table of two label variables x and y, or three (x, y and a conditioning z),
 * that grows by batches of labels ({@link ContingencyTable.add}), by counted rows such as a
 * SQL `GROUP BY` result ({@link ContingencyTable.addCounts}), or by merging another table
 * ({@link ContingencyTable.merge}); it round-trips through JSON. Each measure is computed from
 * the cells in a canonical order (labels sorted: numbers, bigints, strings, booleans), so the
 * result depends only on the counts: shards merged in any order give the same bits as one
 * table of all rows, and for small non-negative integer labels the same bits as
 * {@link mutualInfoScore} on the raw labels.
 *
 * Memory: O(distinct cells + distinct labels), never O(N). Each measure costs
 * O(cells · log cells). A variable holds up to 2^26 distinct labels (2^17 in a 3-way table).
 * Reference: Cover & Thomas, ch. 2; sklearn 1.2.1 for the plug-in MI, NMI and AMI.
 * @example
 * const t = new ContingencyTable().add(['a', 'a', 'b', 'b'], [0, 0, 1, 1]);
 * t.mutualInformation({ base: 2 }); // => 1
 * const u = ContingencyTable.fromJSON(JSON.parse(JSON.stringify(t))).addCounts([['a', 1, 2]]);
 * u.total; // => 6
 */
export class ContingencyTable {
  private dims: 2 | 3 | 0 = 0;
  private axes: Axis[] = [];
  private cells = new Map<number, number>();
  private n = 0;
  private cache: Canonical | null = null;

  /** Number of samples counted. */
  get total(): number {
    return this.n;
  }

  /** Number of non-empty cells (the memory the table holds). */
  get size(): number {
    return this.cells.size;
  }

  /** 2 or 3 once something was added; 0 while empty. */
  get dimensions(): 0 | 2 | 3 {
    return this.dims;
  }

  private setDims(fn: string, d: 2 | 3): void {
    if (this.dims === 0) {
      this.dims = d;
      const max = d === 2 ? MAX2 : MAX3;
      this.axes = Array.from({ length: d }, () => new Axis(max));
    } else if (this.dims !== d) {
      throw new RangeError(`${fn}: this table has ${this.dims} variables, got ${d}`);
    }
  }

  private key(codes: readonly number[]): number {
    return this.dims === 2 ? codes[0] * SHIFT2 + codes[1] : (codes[0] * SHIFT3 + codes[1]) * SHIFT3 + codes[2];
  }

  private unkey(key: number): number[] {
    if (this.dims === 2) {
      const y = key % SHIFT2;
      return [(key - y) / SHIFT2, y];
    }
    const z = key % SHIFT3;
    const xy = (key - z) / SHIFT3;
    const y = xy % SHIFT3;
    return [(xy - y) / SHIFT3, y, z];
  }

  private bump(key: number, count: number): void {
    if (count === 0) return;
    const total = this.n + count;
    if (!Number.isSafeInteger(total)) throw new RangeError('ContingencyTable: the total count would exceed 2^53 − 1');
    this.n = total;
    this.cells.set(key, (this.cells.get(key) ?? 0) + count);
    this.cache = null;
  }

  /**
   * Counts a batch of samples: `x[i]`, `y[i]` (and `z[i]`) are the labels of sample i. Each
   * may be an array or typed array of labels, or an apache-arrow Vector (dictionary-encoded
   * strings are counted by their codes, without decoding each string). Returns this table.
   * Cost: O(batch length) with the histogram kernels, plus O(distinct cells of the batch).
   * @throws TypeError / RangeError for empty, mismatched or invalid labels (null, NaN, objects), Arrow nulls,
   *   or a z given to a 2-way table (and missing from a 3-way one)
   */
  add(x: unknown, y: unknown, z?: unknown): this {
    const fn = 'ContingencyTable.add';
    const seqs = z === undefined ? [x, y] : [x, y, z];
    const cols = seqs.map((s, a) => {
      if (isArrowVector(s)) return arrowLabels(fn, AXES[a], s);
      checkSequence(fn, AXES[a], s);
      return { labels: s as ArrayLike<unknown>, labelOf: undefined };
    });
    const len = cols[0].labels.length;
    for (let a = 1; a < cols.length; a++) sameLength(fn, 'x', len, AXES[a], cols[a].labels.length);
    this.setDims(fn, seqs.length as 2 | 3);
    // Batch codes from the label encoder, then a map from batch codes to table codes.
    const batch: Int32Array[] = [];
    const toTable: Int32Array[] = [];
    const ks: number[] = [];
    cols.forEach(({ labels, labelOf }, a) => {
      const codes = new Int32Array(len);
      const k = encodeLabels(fn, AXES[a], labels, codes);
      const map = new Int32Array(k).fill(-1);
      for (let i = 0; i < len; i++) {
        const c = codes[i];
        if (map[c] < 0) map[c] = this.axes[a].code(fn, (labelOf ? labelOf(labels[i] as number) : labels[i]) as Label);
      }
      batch.push(codes);
      toTable.push(map);
      ks.push(k);
    });
    const range = ks.reduce((p, k) => p * k, 1);
    if (range <= DENSE_LIMIT) {
      const joint = new Int32Array(len);
      for (let a = 0; a < batch.length; a++) {
        const c = batch[a];
        const k = ks[a];
        for (let i = 0; i < len; i++) joint[i] = joint[i] * k + c[i];
      }
      const counts = kernelsFor(fn, 'auto').histogram(joint, range);
      for (let j = 0; j < range; j++) {
        if (counts[j] === 0) continue;
        const codes = new Array<number>(ks.length);
        let rest = j;
        for (let a = ks.length - 1; a >= 0; a--) {
          const c = rest % ks[a];
          rest = (rest - c) / ks[a];
          codes[a] = toTable[a][c];
        }
        this.bump(this.key(codes), counts[j]);
      }
    } else {
      const local = new Map<number, number>();
      const codes = new Array<number>(ks.length);
      for (let i = 0; i < len; i++) {
        for (let a = 0; a < ks.length; a++) codes[a] = toTable[a][batch[a][i]];
        const key = this.key(codes);
        local.set(key, (local.get(key) ?? 0) + 1);
      }
      for (const [key, c] of local) this.bump(key, c);
    }
    return this;
  }

  /**
   * Adds counted rows, e.g. the result of `SELECT x, y, count(*) AS n … GROUP BY ALL`: each
   * row is `[x, y, n]`, `[x, y, z, n]` or `{ x, y, z?, n }` (n may be a bigint), or the rows
   * come as an apache-arrow Table with columns x, y, (z,) n. Rows with n = 0 are skipped.
   * Returns this table. Cost: O(rows).
   * @throws TypeError / RangeError for a row of the wrong shape, an invalid label, or a count that
   *   is not a non-negative integer
   */
  addCounts(rows: Iterable<CountRow> | ArrowTableLike): this {
    const fn = 'ContingencyTable.addCounts';
    if (isArrowTable(rows)) return this.addArrowCounts(fn, rows);
    if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new TypeError(`${fn}: rows must be an iterable of [x, y, n], [x, y, z, n] or { x, y, z?, n }, got ${show(rows)}`);
    }
    let i = 0;
    for (const row of rows as Iterable<unknown>) {
      const where = `row ${i++}`;
      let labels: unknown[];
      let count: unknown;
      if (Array.isArray(row)) {
        if (row.length !== 3 && row.length !== 4) throw new RangeError(`${fn}: rows must have 3 or 4 entries, got ${row.length} at ${where}`);
        labels = row.slice(0, -1);
        count = row[row.length - 1];
      } else if (row !== null && typeof row === 'object' && 'x' in row && 'y' in row && 'n' in row) {
        const r = row as { x: unknown; y: unknown; z?: unknown; n: unknown };
        labels = r.z === undefined ? [r.x, r.y] : [r.x, r.y, r.z];
        count = r.n;
      } else {
        throw new TypeError(`${fn}: rows must be [x, y, n], [x, y, z, n] or { x, y, z?, n }, got ${show(row)} at ${where}`);
      }
      const n = checkCount(fn, count, where);
      const checked = labels.map((v, a) => checkLabel(fn, AXES[a], v, where));
      this.setDims(fn, labels.length as 2 | 3);
      if (n > 0) this.bump(this.key(checked.map((v, a) => this.axes[a].code(fn, v))), n);
    }
    return this;
  }

  private addArrowCounts(fn: string, t: ArrowTableLike): this {
    const names = t.schema.fields.map((f) => f.name);
    const pick = names.includes('n') && names.includes('x') && names.includes('y') ? (names.includes('z') ? ['x', 'y', 'z', 'n'] : ['x', 'y', 'n']) : names;
    if (pick.length !== 3 && pick.length !== 4) throw new RangeError(`${fn}: an Arrow table of counts needs columns x, y, (z,) n, got ${names.join(', ')}`);
    const vecs = pick.map((c) => t.getChild(c)!);
    const len = t.numRows;
    const rows: unknown[][] = [];
    for (let i = 0; i < len; i++) rows.push(vecs.map((v) => v.get(i)));
    return this.addCounts(rows as unknown as CountRow[]);
  }

  /**
   * Adds every count of another table (of the same number of variables) into this one.
   * Returns this table. Cost: O(cells of other).
   * @throws TypeError if other is not a ContingencyTable; RangeError if the numbers of variables differ
   */
  merge(other: ContingencyTable): this {
    const fn = 'ContingencyTable.merge';
    if (!(other instanceof ContingencyTable)) throw new TypeError(`${fn}: other must be a ContingencyTable, got ${show(other)}`);
    if (other.dims === 0) return this;
    this.setDims(fn, other.dims);
    for (const [key, c] of other.cells) {
      const codes = other.unkey(key).map((code, a) => this.axes[a].code(fn, other.axes[a].labels[code]));
      this.bump(this.key(codes), c);
    }
    return this;
  }

  /** The table as plain JSON (labels per variable, then `[i, j, (k,) n]` cells in canonical order). */
  toJSON(): ContingencyTableJSON {
    const c = this.canonical('ContingencyTable.toJSON', 2);
    const labels = this.axes.map((ax) => {
      const sorted = ax.labels.slice().sort(compareLabels);
      return sorted.map((v) => (typeof v === 'bigint' ? { bigint: v.toString() } : v));
    });
    const cells: number[][] = [];
    for (let i = 0; i < c.counts.length; i++) cells.push([...c.ranks.map((r) => r[i]), c.counts[i]]);
    return { format: 'mutinfo.ContingencyTable', version: 1, dimensions: this.dims === 3 ? 3 : 2, labels, cells };
  }

  /**
   * A table from the output of {@link ContingencyTable.toJSON} (parsed or as a string).
   * @throws TypeError / RangeError if json is not a table written by toJSON
   */
  static fromJSON(json: ContingencyTableJSON | string): ContingencyTable {
    const fn = 'ContingencyTable.fromJSON';
    let j: unknown = json;
    if (typeof j === 'string') j = JSON.parse(j);
    const o = j as Partial<ContingencyTableJSON>;
    if (o === null || typeof o !== 'object' || o.format !== 'mutinfo.ContingencyTable' || o.version !== 1) {
      throw new TypeError(`${fn}: json must be the output of ContingencyTable.toJSON(), got ${show(j)}`);
    }
    const d = o.dimensions;
    if ((d !== 2 && d !== 3) || !Array.isArray(o.labels) || o.labels.length !== d || !Array.isArray(o.cells)) {
      throw new RangeError(`${fn}: json.dimensions must be 2 or 3 with one label list per variable`);
    }
    const labels = o.labels.map((list, a) => {
      if (!Array.isArray(list)) throw new TypeError(`${fn}: json.labels[${a}] must be an array`);
      return list.map((v, i) => {
        const w = v !== null && typeof v === 'object' && typeof (v as { bigint?: unknown }).bigint === 'string' ? BigInt((v as { bigint: string }).bigint) : v;
        return checkLabel(fn, `json.labels[${a}]`, w, `index ${i}`);
      });
    });
    const t = new ContingencyTable();
    t.setDims(fn, d);
    labels.forEach((list, a) => list.forEach((v) => t.axes[a].code(fn, v)));
    o.cells.forEach((cell, i) => {
      if (!Array.isArray(cell) || cell.length !== d + 1) throw new RangeError(`${fn}: json.cells[${i}] must hold ${d} label indices and a count`);
      const codes = cell.slice(0, d).map((c, a) => {
        if (!Number.isInteger(c) || c < 0 || c >= labels[a].length) throw new RangeError(`${fn}: json.cells[${i}] has a label index out of range: ${show(c)}`);
        return c as number;
      });
      t.bump(t.key(codes), checkCount(fn, cell[d], `json.cells[${i}]`));
    });
    return t;
  }

  /** The labels of one variable, in the canonical order used by {@link ContingencyTable.counts}. */
  labels(variable: 'x' | 'y' | 'z'): Label[] {
    const fn = 'ContingencyTable.labels';
    const a = oneOf(fn, 'variable', variable, AXES.slice(0, Math.max(this.dims, 2)), 'x');
    this.nonEmpty(fn);
    return this.axes[AXES.indexOf(a)].labels.slice().sort(compareLabels);
  }

  /**
   * The (x, y) table as `{ data, rows, cols }` in row-major order over the labels of
   * {@link ContingencyTable.labels} (summed over z in a 3-way table): the form that
   * {@link mutualInformationFromCounts} takes. Cost: O(R·C) memory.
   */
  counts(): { data: Float64Array; rows: number; cols: number } {
    const c = this.canonical('ContingencyTable.counts', 2);
    const rows = c.sizes[0];
    const cols = c.sizes[1];
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < c.counts.length; i++) data[c.ranks[0][i] * cols + c.ranks[1][i]] += c.counts[i];
    return { data, rows, cols };
  }

  /** The cells in canonical order (cached until the next change). */
  private canonical(fn: string, minDims: 2 | 3): Canonical {
    this.nonEmpty(fn);
    if (this.dims < minDims) throw new RangeError(`${fn}: needs a table of ${minDims} variables (x, y, z), this one has ${this.dims}`);
    if (this.cache !== null) return this.cache;
    const d = this.dims;
    const rankOf = this.axes.map((ax) => ax.ranks());
    const sizes = this.axes.map((ax) => ax.labels.length);
    const m = this.cells.size;
    const keys = new Float64Array(m);
    const byKey = new Map<number, number>();
    let i = 0;
    for (const [key, count] of this.cells) {
      const codes = this.unkey(key);
      let rk = 0;
      for (let a = 0; a < d; a++) rk = rk * sizes[a] + rankOf[a][codes[a]];
      keys[i++] = rk;
      byKey.set(rk, count);
    }
    keys.sort();
    const ranks = Array.from({ length: d }, () => new Int32Array(m));
    const counts = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let rest = keys[i];
      for (let a = d - 1; a >= 0; a--) {
        const r = rest % sizes[a];
        rest = (rest - r) / sizes[a];
        ranks[a][i] = r;
      }
      counts[i] = byKey.get(keys[i])!;
    }
    return (this.cache = { n: this.n, sizes, ranks, counts });
  }

  private nonEmpty(fn: string): void {
    if (this.n === 0) throw new RangeError(`${fn}: the table is empty (add samples or counts first)`);
  }

  /**
   * Counts of the distinct values of a group of variables, in canonical order, and the
   * group's alphabet (the product of its members' observed alphabets).
   */
  private group(c: Canonical, axes: readonly number[]): { counts: Float64Array; alphabet: number } {
    const m = c.counts.length;
    const keys = new Float64Array(m);
    let alphabet = 1;
    for (const a of axes) alphabet *= c.sizes[a];
    for (let i = 0; i < m; i++) {
      let k = 0;
      for (const a of axes) k = k * c.sizes[a] + c.ranks[a][i];
      keys[i] = k;
    }
    const order = Array.from({ length: m }, (_, i) => i).sort((p, q) => keys[p] - keys[q] || p - q);
    const out: number[] = [];
    let last = -1;
    for (const i of order) {
      if (keys[i] !== last) {
        out.push(0);
        last = keys[i];
      }
      out[out.length - 1] += c.counts[i];
    }
    return { counts: Float64Array.from(out), alphabet };
  }

  /** The (x, y) contingency in the sparse form of the estimators, in canonical order. */
  private contingency(c: Canonical): Contingency {
    const xy = this.dims === 2 ? null : this.group(c, [0, 1]);
    const m = xy === null ? c.counts.length : xy.counts.length;
    const rowIdx = new Int32Array(m);
    const colIdx = new Int32Array(m);
    let nij: Float64Array;
    if (xy === null) {
      rowIdx.set(c.ranks[0]);
      colIdx.set(c.ranks[1]);
      nij = c.counts;
    } else {
      // Recover (x, y) of each group cell: the group keys are x·C + y in ascending order.
      const keys = Array.from(new Set(Array.from({ length: c.counts.length }, (_, i) => c.ranks[0][i] * c.sizes[1] + c.ranks[1][i]))).sort((a, b) => a - b);
      keys.forEach((k, i) => {
        colIdx[i] = k % c.sizes[1];
        rowIdx[i] = (k - colIdx[i]) / c.sizes[1];
      });
      nij = xy.counts;
    }
    const rows = new Float64Array(c.sizes[0]);
    const cols = new Float64Array(c.sizes[1]);
    for (let i = 0; i < m; i++) {
      rows[rowIdx[i]] += nij[i];
      cols[colIdx[i]] += nij[i];
    }
    return { n: c.n, rows, cols, rowIdx, colIdx, nij };
  }

  private measure(fn: string, options: unknown, keys: string[] = ['correction', 'base', 'backend']) {
    const o = checkOptions(fn, options, keys);
    return { o, est: correctionOption(fn, o.correction), div: logBase(fn, o.base), k: kernelsFor(fn, o.backend as BackendOption) };
  }

  private groupEntropy(k: Kernels, c: Canonical, axes: readonly number[], est: DiscreteEntropyEstimator, K?: number): number {
    const g = this.group(c, axes);
    return correctedEntropyNats(k, g.counts, est, K ?? g.alphabet);
  }

  /**
   * I(X; Y) of the table (summed over z in a 3-way table): the plug-in value equals
   * sklearn's `mutual_info_score(contingency=…)` and {@link mutualInformationFromCounts};
   * with a `correction`, H(X) + H(Y) − H(X,Y) with that entropy estimator.
   * Units: nats unless `base` is given. Cost: O(cells · log cells).
   * @throws RangeError if the table is empty or an option is invalid; TypeError for an unknown option
   * @example
   * new ContingencyTable().addCounts([[0, 0, 120], [0, 1, 30], [1, 0, 20], [1, 1, 80]]).mutualInformation({ base: 2 });
   * // => 0.267659426334693
   */
  mutualInformation(options?: TableMeasureOptions): number {
    const fn = 'ContingencyTable.mutualInformation';
    const { est, div, k } = this.measure(fn, options);
    return correctedMutualInfoNats(k, this.contingency(this.canonical(fn, 2)), est) / div;
  }

  /**
   * NMI = I / mean(H(x), H(y)) as sklearn's `normalized_mutual_info_score` (1 when both
   * variables have one label, 0 when I = 0). Units: none. Cost: O(cells · log cells).
   * @throws RangeError if the table is empty or averageMethod is unknown
   * @example
   * new ContingencyTable().add([0, 0, 1, 1], [1, 1, 0, 0]).normalizedMutualInformation(); // => 1
   */
  normalizedMutualInformation(options?: TableScoreOptions): number {
    const fn = 'ContingencyTable.normalizedMutualInformation';
    const o = checkOptions(fn, options, ['averageMethod', 'backend']);
    const method = averageMethodOption(fn, o.averageMethod);
    const k = kernelsFor(fn, o.backend as BackendOption);
    const t = this.contingency(this.canonical(fn, 2));
    if (t.rows.length === 1 && t.cols.length === 1) return 1;
    const mi = pluginMutualInfoNats(k, t);
    if (mi === 0) return 0;
    return mi / generalizedAverage(pluginEntropyNats(k, t.rows), pluginEntropyNats(k, t.cols), method);
  }

  /**
   * AMI, MI adjusted for chance with the exact hypergeometric E[I], as sklearn's
   * `adjusted_mutual_info_score`. Cost: O(N + Σ_ij min(a_i, b_j)) time and O(N) memory
   * (a table of ln k!), so it is the one measure that grows with N.
   * @throws RangeError if the table is empty or averageMethod is unknown
   * @example
   * new ContingencyTable().add([0, 0, 1, 1], [0, 1, 0, 1]).adjustedMutualInformation(); // => -0.5000000000000002
   */
  adjustedMutualInformation(options?: TableScoreOptions): number {
    const fn = 'ContingencyTable.adjustedMutualInformation';
    const o = checkOptions(fn, options, ['averageMethod', 'backend']);
    const method = averageMethodOption(fn, o.averageMethod);
    const k = kernelsFor(fn, o.backend as BackendOption);
    const t = this.contingency(this.canonical(fn, 2));
    if (t.rows.length === 1 && t.cols.length === 1) return 1;
    const mi = pluginMutualInfoNats(k, t);
    const emi = expectedMutualInfo(t.rows, t.cols, t.n);
    let den = generalizedAverage(pluginEntropyNats(k, t.rows), pluginEntropyNats(k, t.cols), method) - emi;
    if (den < 0) den = Math.min(den, -Number.EPSILON);
    else den = Math.max(den, Number.EPSILON);
    return (mi - emi) / den;
  }

  /**
   * Entropy of a variable or a group of them (`'x'`, `'y'`, `'z'`, `'xy'`, `'xz'`, `'yz'`,
   * `'xyz'`), with any discrete estimator of {@link entropy}; K defaults to the product of
   * the members' observed alphabets. Units: nats unless `base` is given.
   * @throws RangeError for an unknown variable group, one the table lacks, or an invalid option
   * @example
   * new ContingencyTable().add(['a', 'b', 'a', 'c'], [0, 0, 0, 0]).entropy('x', { base: 2 }); // => 1.5
   */
  entropy(variables: TableVariables, options?: TableEntropyOptions): number {
    const fn = 'ContingencyTable.entropy';
    const v = oneOf(fn, 'variables', variables, VARIABLES, 'x');
    const o = checkOptions(fn, options, ['estimator', 'K', 'base', 'backend']);
    const est = oneOf(fn, 'estimator', o.estimator, DISCRETE_ESTIMATORS, 'plugin');
    onlyOptions(fn, o, est, usesAlphabet(est) ? ['K', 'base', 'backend'] : ['base', 'backend']);
    const div = logBase(fn, o.base);
    const k = kernelsFor(fn, o.backend as BackendOption);
    const axes = [...v].map((ch) => AXES.indexOf(ch as 'x'));
    const c = this.canonical(fn, axes.includes(2) ? 3 : 2);
    const g = this.group(c, axes);
    let m = 0;
    for (const n of g.counts) if (n > 0) m++;
    const K = o.K === undefined ? g.alphabet : alphabetOption(fn, o.K, m);
    return correctedEntropyNats(k, g.counts, est, K) / div;
  }

  /**
   * H(X | Y) = H(X, Y) − H(Y) (or H(Y | X) with `of: 'y'`), clipped at 0 for the plug-in
   * estimate. Units: nats unless `base` is given.
   * @example
   * new ContingencyTable().add([0, 0, 1, 1], [0, 1, 0, 1]).conditionalEntropy('x', { base: 2 }); // => 1
   */
  conditionalEntropy(of: 'x' | 'y', options?: TableMeasureOptions): number {
    const fn = 'ContingencyTable.conditionalEntropy';
    const target = oneOf(fn, 'of', of, ['x', 'y'], 'x');
    const { est, div, k } = this.measure(fn, options);
    const c = this.canonical(fn, 2);
    const h = this.groupEntropy(k, c, [0, 1], est) - this.groupEntropy(k, c, [target === 'x' ? 1 : 0], est);
    return (est === 'plugin' && h < 0 ? 0 : h) / div;
  }

  /**
   * Variation of information H(X|Y) + H(Y|X) = 2H(X,Y) − H(X) − H(Y) (Meilă 2007), clipped at
   * 0 for the plug-in estimate. Units: nats unless `base` is given.
   * @example
   * new ContingencyTable().add([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 1]).variationOfInformation({ base: 2 }); // => 0.6666666666666665
   */
  variationOfInformation(options?: TableMeasureOptions): number {
    const fn = 'ContingencyTable.variationOfInformation';
    const { est, div, k } = this.measure(fn, options);
    const c = this.canonical(fn, 2);
    const v = 2 * this.groupEntropy(k, c, [0, 1], est) - this.groupEntropy(k, c, [0], est) - this.groupEntropy(k, c, [1], est);
    return (est === 'plugin' && v < 0 ? 0 : v) / div;
  }

  /**
   * I(X; Y | Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z) of a 3-way table, the same sum as
   * {@link conditionalMutualInformation} with `estimator: 'discrete'` (clipped at 0 for the
   * plug-in estimate). Units: nats unless `base` is given.
   * @throws RangeError if the table has no z
   * @example
   * new ContingencyTable().add([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0]).conditionalMutualInformation({ base: 2 }); // => 1
   */
  conditionalMutualInformation(options?: TableMeasureOptions): number {
    const fn = 'ContingencyTable.conditionalMutualInformation';
    const { est, div, k } = this.measure(fn, options);
    const c = this.canonical(fn, 3);
    const v =
      this.groupEntropy(k, c, [0, 2], est) + this.groupEntropy(k, c, [1, 2], est) -
      this.groupEntropy(k, c, [0, 1, 2], est) - this.groupEntropy(k, c, [2], est);
    return (est === 'plugin' && v < 0 ? 0 : v) / div;
  }

  /**
   * The G-test of independence from the table: G = 2N·I(X;Y) with I the plug-in MI in nats,
   * its degrees of freedom (R − 1)(C − 1) over the observed labels, and the p-value
   * Pr[χ²_dof ≥ G] (1 when dof is 0), as scipy's `chi2_contingency(lambda_="log-likelihood")`
   * and {@link gTest}. In a 3-way table it is the conditional test of X ⊥ Y | Z:
   * G = 2N·I(X;Y|Z) = Σ_z G_z, with dof = Σ_z (R_z − 1)(C_z − 1), R_z and C_z the labels of x
   * and y observed with z (the stratified G-test; Agresti, Categorical Data Analysis, §6.3).
   * G is asymptotically χ² with `dof` degrees of freedom under independence.
   * Cost: O(cells · log cells).
   * Reference: Sokal & Rohlf, Biometry, §17; scipy `chi2_contingency(lambda_="log-likelihood")`.
   * @throws RangeError if the table is empty
   * @example
   * new ContingencyTable().addCounts([[0, 0, 10], [0, 1, 10], [1, 0, 10], [1, 1, 10]]).gStatistic(); // => { g: 0, dof: 1, pValue: 1 }
   * new ContingencyTable().addCounts([[0, 0, 10], [0, 1, 2], [1, 0, 3], [1, 1, 9]]).gStatistic().pValue; // => 0.0030210823182699902
   */
  gStatistic(): { g: number; dof: number; pValue: number } {
    const fn = 'ContingencyTable.gStatistic';
    const c = this.canonical(fn, 2);
    const k = kernelsFor(fn, 'auto');
    const dof = this.dims === 3 ? stratifiedDof(c) : (distinct(c.ranks[0]) - 1) * (distinct(c.ranks[1]) - 1);
    const mi = this.dims === 3 ? this.conditionalMutualInformation() : pluginMutualInfoNats(k, this.contingency(c));
    const g = 2 * c.n * mi;
    return { g, dof, pValue: dof === 0 ? 1 : chiSquareSurvival(g, dof) };
  }
}
