import type { PairCounts } from './js/pairs.js';

/** The two backends that can run the numeric kernels. */
export type BackendName = 'wasm' | 'js';

/** What {@link Kernels.knnMaxNorm} returns. */
export interface Neighbours {
  /** dist[i] = max-norm distance from point i to its k-th nearest other point. */
  dist: Float64Array;
  /**
   * When asked for: row i (entries i·k … i·k + k − 1, in no particular order) holds the
   * indices of those k neighbours. With ties at dist[i], which of the tied points are
   * listed is unspecified (dist itself is not affected).
   */
  idx: Int32Array | null;
}

/**
 * The contract that both backends implement: the WASM kernels through
 * src/backend/wasm.ts and their pure-TypeScript twins in src/backend/js/.
 * Kernels assume clean input: validation happens once, at the public edge.
 */
export interface Kernels {
  readonly name: BackendName;
  /**
   * Int32 arrays that the kernels read in place (no copy on wasm). Ask for all
   * arrays of a computation at once and fill them before any kernel call: a
   * later allocation may grow memory and detach the views.
   */
  scratchInt32(lengths: readonly number[]): Int32Array[];
  /** Float64 arrays that the kernels read in place, on the same terms as scratchInt32. */
  scratchFloat64(lengths: readonly number[]): Float64Array[];
  /** Position of the scratch arena, to hand back to release(). */
  mark(): number;
  /** Frees every scratch array allocated since mark. */
  release(mark: number): void;
  /** counts[c] = #{i : codes[i] = c}, for c in [0, k). */
  histogram(codes: Int32Array, k: number): Float64Array;
  /** counts[a[i]·kb + b[i]] += 1, over cells = ka·kb cells. */
  jointHistogram(a: Int32Array, b: Int32Array, kb: number, cells: number): Float64Array;
  /**
   * counts[(a[i]·kb + b[i])·kc + c[i]] += 1, over cells = ka·kb·kc cells: the three-way
   * table in one pass (greedy feature selection's (pick, class, candidate) counts).
   */
  jointHistogram3(a: Int32Array, b: Int32Array, c: Int32Array, kb: number, kc: number, cells: number): Float64Array;
  /**
   * Greedy feature selection's cache row: for pick column s of the column-major n × d block
   * `codes` (code ranges K) and each candidate column idx[t], counts the (s, j) table, or the
   * (s, y, j) table when y is given (ky classes), and returns out[2t] = Σ c ln c over the
   * (s, j) cells and out[2t + 1] = Σ c ln c over the (s, y, j) cells (0 without y), with
   * c ln c = lut[c] (length n + 1). Needs K[s]·ky·K[j] ≤ maxCells for every candidate.
   */
  pairTables(codes: Int32Array, n: number, K: Int32Array, s: number, y: Int32Array | null, ky: number, idx: Int32Array, lut: Float64Array, maxCells: number): Float64Array;
  /**
   * Renumbers codes in [0, k) in place, in order of first appearance, so that only the codes
   * that occur remain; returns their number. On wasm it allocates (other scratch views may be
   * detached after it: pass them to kernels, which find them by identity, but do not read them).
   */
  compactCodes(codes: Int32Array, k: number): number;
  /**
   * The non-empty cells of the ka × kb table of (a[i], b[i]) (codes in [0, ka) and [0, kb)),
   * by row and, within a row, in order of first appearance in the sample, with the class
   * sizes of a (rows) and b (cols): one stable counting sort by a, then each row counted in a
   * dense array of kb ints, O(n + ka + kb), for alphabets far larger than n where a dense
   * table would not fit (assembly/pairs.ts).
   */
  pairCounts(a: Int32Array, b: Int32Array, ka: number, kb: number): PairCounts;
  /**
   * miSparse of pairCounts(a, b, ka, kb), the cells never leaving the backend (on wasm they
   * stay in linear memory): the same sums in the same order, for codes where every class
   * occurs (compacted) and ka, kb ≥ 2.
   */
  pairMutualInfo(a: Int32Array, b: Int32Array, ka: number, kb: number): number;
  /** [min, max] of a non-empty Int32Array. */
  rangeI32(x: Int32Array): [number, number];
  /** Σ n ln n over the counts. */
  sumNLogN(counts: Float64Array): number;
  /** sklearn's term-by-term plug-in MI from the non-zero cells and the marginals, in nats. */
  miSparse(
    rowIdx: Int32Array,
    colIdx: Int32Array,
    nij: Float64Array,
    rows: Float64Array,
    cols: Float64Array,
    total: number,
  ): number;

  // ---- k-NN kernels (KSG, Frenzel–Pompe, Kozachenko–Leonenko; reused by the mixed estimators) ----
  // Points are n rows of d ≥ 1 coordinates, row-major in one Float64Array (length n·d),
  // finite, already scaled and noised by the caller. Distances are the max norm
  // ‖a − b‖∞ = max_c |a_c − b_c|, each |a_c − b_c| computed as fl(a_c − b_c): every
  // kernel compares exactly these numbers, so counts agree bit for bit with a brute-force
  // loop (and with sklearn's and NPEET's KD-trees), ties included. Cost: O(n log n) to
  // build a tree or sort, then about O(log n + k) per point on low-dimensional data.
  /** ψ(x), the digamma function, for real x (NaN at the poles 0, −1, −2, …). */
  digamma(x: number): number;
  /** Σ_i ψ(counts[i] + shift), for counts[i] + shift ≥ 1 (integers: a table below 1024). */
  sumDigamma(counts: Int32Array, shift: number): number;
  /** Σ_i ln v[i], for v[i] > 0. */
  sumLog(v: Float64Array): number;
  /**
   * For each of the n = points.length / d points, the max-norm distance to its k-th nearest
   * other point (the point itself excluded; duplicates count as neighbours at distance 0),
   * and, when withIndices, the indices of those k neighbours. Requires 1 ≤ k ≤ n − 1.
   * 1-D: sorted copy, then a merge outward from each point's rank. d = 2 and k ≤ 7: a
   * uniform grid searched in squares of doubling radius (gridbuild.ts, gridknn.ts), with the
   * kd-tree below for data that fit a grid badly (crowded cells, an overflowing span) and for
   * the queries left when a call's work budget runs out. Otherwise: a static kd-tree, the same
   * on both backends (assembly/kdknn.ts and its flat-array twin src/backend/js/kdknn.ts).
   */
  knnMaxNorm(points: Float64Array, d: number, k: number, withIndices: boolean): Neighbours;
  /**
   * One of `parts` disjoint shares of {@link knnMaxNorm}'s queries, for a call split over
   * workers: dist[i] as knnMaxNorm for the queries of share `part` (0 ≤ part < parts), −1
   * for the others, whose idx rows are 0. The shares cover every query once, so the
   * element-wise max of the parts' dist is knnMaxNorm's dist. Each share is a range of
   * ranks (1-D), of grid positions (2-D grid), or of indices (kd-tree).
   */
  knnMaxNormPart(points: Float64Array, d: number, k: number, withIndices: boolean, part: number, parts: number): Neighbours;
  /**
   * counts[i] = #{j ≠ i : ‖p_j − p_i‖∞ < radius[i]} (strict, KSG algorithm 1 and Ross),
   * or ≤ radius[i] when inclusive (KSG algorithm 2). radius has one entry per point (n),
   * each ≥ 0. For a subspace, pass its columns as their own points array. 1-D: sorted
   * copy plus an exponential search from each point's own rank; d = 2: the same searches on
   * each axis give every ball as a rectangle of ranks, counted offline by a sweep with a
   * Fenwick tree (plane.ts), O(n log n) whatever the counts; d ≥ 3: range counts on a
   * kd-tree, taking whole subtrees whose box lies inside the radius without visiting them.
   * A negative radius counts 0 at once (how a worker skips the queries of other shares).
   */
  countWithinMaxNorm(points: Float64Array, d: number, radius: Float64Array, inclusive: boolean): Int32Array;
  /**
   * KSG algorithm 1 in one call: ε_i = knnMaxNorm of the joint sample [x | y] (n rows of
   * dx + dy), then [Σ_i ψ(n_x(i) + 1), Σ_i ψ(n_y(i) + 1)] with n_x, n_y =
   * countWithinMaxNorm(x or y, ε, strict), each summed as sumDigamma: the same numbers as
   * those calls. On wasm the joint sample, the distances and the counts never leave linear
   * memory (at N = 1e7 that spares the JS heap a joint copy, the distances and the counts).
   */
  ksgDigammaSums(x: Float64Array, dx: number, y: Float64Array, dy: number, k: number): [number, number];
  /**
   * ext[i] = max over the k neighbours j in row i of idx (n × k, from knnMaxNorm) of the
   * max-norm distance between p_j and p_i over the columns [from, to) only: KSG algorithm
   * 2's ε_x(i) and ε_y(i) from the joint neighbours.
   */
  neighbourExtent(points: Float64Array, d: number, from: number, to: number, idx: Int32Array, k: number): Float64Array;
  /**
   * perm[r] = index of the r-th smallest value, ties in input order (a stable sort; −0 sorts
   * before +0), and sorted[r] = values[perm[r]].
   */
  argsort(values: Float64Array): { sorted: Float64Array; perm: Int32Array };
  /**
   * Copula normalisation of one column (gcmi's copnorm): normal[i] = Φ⁻¹((r_i + 1)/(n + 1)),
   * r_i the rank of values[i] by a stable sort (−0 read as +0), ranks r and n − 1 − r exactly
   * opposite; `distinct` = the number of distinct values. Cost: the radix sort plus ⌈n/2⌉ Φ⁻¹.
   */
  copnorm(values: Float64Array): { normal: Float64Array; distinct: number };
  /**
   * Gaussian-kernel sums for KDE: for each of the n = points.length / d (whitened) points,
   * sums[i] = Σ_j exp(−½‖p_i − p_j‖²) over all j, or over j ≠ i when leaveOneOut. Each pair
   * is evaluated once (the kernel is symmetric) and added to both rows. Cost O(n²·d).
   */
  kdeSums(points: Float64Array, d: number, leaveOneOut: boolean): Float64Array;
  /**
   * The row blocks [bounds[t], bounds[t + 1]) listed in `blocks` of those sums (src/core/kdeBlocks.ts):
   * one Float64Array of n per block, holding each pair {i, j} with i in the block and j > i
   * added to rows i and j. kdeSums is the merge of every block, in order.
   */
  kdeBlocks(points: Float64Array, d: number, bounds: readonly number[], blocks: readonly number[]): Float64Array[];
  /** codes[i] = j with edges[j] ≤ values[i] < edges[j+1], the last bin closed (numpy.histogram). */
  binCodes(values: Float64Array, edges: Float64Array): Int32Array;
  /** Σ v ln v over the values; values ≤ 0 add 0. */
  sumXLogX(values: Float64Array): number;
  /** Chao–Shen sum −Σ p ln p / (1 − (1 − p)^n), p = coverage·c/n, over the non-empty counts; n is a whole number. */
  chaoShenSum(counts: Float64Array, n: number, coverage: number): number;
  /**
   * The marginal counts of KSG algorithm 1 for 1-D x and y, both sorted ascending once, with
   * the point at x-rank r paired with the y value of rank q[r] (q a permutation of [0, n)):
   * nx[r] = #{s ≠ r : |xs[s] − xs[r]| < dist[r]} and ny[r] = #{s ≠ q[r] : |ys[s] − ys[q[r]]|
   * < dist[r]}. The permutation test's kernel: exponential searches on the fixed sorted
   * values, no sort per permutation.
   */
  rankCounts(xs: Float64Array, ys: Float64Array, q: Int32Array, dist: Float64Array): { nx: Int32Array; ny: Int32Array };
}
