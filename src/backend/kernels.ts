/** The two backends that can run the numeric kernels. */
export type BackendName = 'wasm' | 'js';

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
  /** Position of the scratch arena, to hand back to release(). */
  mark(): number;
  /** Frees every scratch array allocated since mark. */
  release(mark: number): void;
  /** counts[c] = #{i : codes[i] = c}, for c in [0, k). */
  histogram(codes: Int32Array, k: number): Float64Array;
  /** counts[a[i]·kb + b[i]] += 1, over cells = ka·kb cells. */
  jointHistogram(a: Int32Array, b: Int32Array, kb: number, cells: number): Float64Array;
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
}
