// The only module that touches WebAssembly. It compiles the inlined module once,
// caches the instance, and owns linear memory as a bump arena above __heap_base:
// kernels receive pointers, never allocate, and the arena is reset after each call.
import { WASM_BASE64 } from './wasm-bytes.generated.js';
import type { Kernels } from './kernels.js';
import { normalQuantileTable } from '../core/normalQuantile.js';
import { kdeBlockBounds, mergeKdeBlocks } from '../core/kdeBlocks.js';
import { logCacheCells } from './js/pairs.js';
import { joinInto } from '../core/points.js';

/** Typed view of what assembly/index.ts exports. */
interface WasmExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  histogram(codes: number, n: number, counts: number, k: number): void;
  jointHistogram(a: number, b: number, n: number, kb: number, counts: number, cells: number, tmp: number): void;
  jointHistogram3(a: number, b: number, c: number, n: number, kb: number, kc: number, counts: number, cells: number, tmp: number): void;
  pairTables(codes: number, n: number, K: number, s: number, y: number, ky: number, idx: number, m: number, lut: number, out: number, tmp: number): void;
  rangeI32(x: number, n: number, out: number): void;
  sumNLogN(counts: number, k: number): number;
  miSparse(rowIdx: number, colIdx: number, nij: number, m: number, rows: number, cols: number, total: number): number;
  digamma(x: number): number;
  sumDigamma(counts: number, n: number, shift: number): number;
  sumLog(v: number, n: number): number;
  argsortScratchBytes(n: number): number;
  argsortF64(vals: number, n: number, sorted: number, perm: number, scratch: number): void;
  copnormF64(vals: number, n: number, grid: number, dens: number, out: number, sorted: number, perm: number, scratch: number): number;
  lineKnn(sorted: number, perm: number, n: number, k: number, dist: number, idx: number): void;
  lineCount(sorted: number, perm: number, n: number, radius: number, inclusive: number, counts: number, tmp: number): void;
  lineKnnRange(sorted: number, perm: number, n: number, k: number, dist: number, idx: number, r0: number, r1: number): void;
  gridKnnRange(k: number, dist: number, idx: number, marks: number, t0: number, t1: number): number;
  kdNodeCount(n: number, d: number): number;
  kdBuild(src: number, n: number, d: number, pts: number, perm: number, box: number, span: number): void;
  kdKnn(k: number, heap: number, dist: number, idx: number, marks: number): void;
  gridCellCap(n: number): number;
  gridAxisCap(n: number): number;
  gridBuild(xs: number, ys: number, stride: number, n: number, pts: number, perm: number, cell: number, start: number, edges: number): number;
  gridMaxK(): number;
  gridKnn(k: number, dist: number, idx: number, marks: number): number;
  kdCount(radius: number, inclusive: number, counts: number): void;
  planeCount(points: number, n: number, radius: number, inclusive: number, counts: number, tmp: number): void;
  planeScratchBytes(n: number): number;
  neighbourExtent(pts: number, n: number, d: number, from: number, to: number, idx: number, k: number, ext: number): void;
  kdeBlock(cols: number, n: number, d: number, from: number, to: number, sums: number): void;
  binCodes(values: number, n: number, edges: number, nEdges: number, codes: number): void;
  sumXLogX(values: number, k: number): number;
  chaoShenSum(counts: number, k: number, n: number, coverage: number): number;
  rankCounts(xs: number, ys: number, q: number, n: number, dist: number, nx: number, ny: number, first: number): void;
  pairCounts(...args: number[]): number;
  pairMutualInfo(...args: number[]): number;
  compactCodes(codes: number, n: number, k: number, map: number): number;
}

const PAGE = 65536;
/** wasm32 addresses 4 GiB at most (65,536 pages). */
const MAX_BYTES = 65536 * PAGE;
/** After a call that left linear memory larger than this, a fresh instance gives the memory back. */
const FRESH_INSTANCE_ABOVE = 256 * 1024 * 1024;
/** …once the process has not called in for this long. */
const FRESH_INSTANCE_DELAY_MS = 2000;
let wasmModule: WebAssembly.Module | undefined;
let ex: WasmExports | undefined;
let loadError: unknown;
let loading: Promise<void> | undefined;
let base = 0;
let top = 0;
/** 16 bytes below the arena where small kernels write their results, so they never allocate. */
let slot = 0;
/** Largest arena end allowed (tests inject a small one to exercise the guard). */
let limit = MAX_BYTES;
/** Debug hook: grow memory by one page before every allocation (see setForcedGrowth). */
let forceGrowth = false;
let freshAbove = FRESH_INSTANCE_ABOVE;
let freshDelay = FRESH_INSTANCE_DELAY_MS;
let resetPending = false;
/** Name of the public function whose call is running, for the out-of-memory message. */
let caller = 'mutinfo';
/**
 * Pointer and length of each scratch view, found by identity even after memory
 * growth has detached the view (a detached view reports length 0).
 */
const placed = new WeakMap<ArrayBufferView, { ptr: number; len: number }>();

/** Length of an input array, valid even if it is a detached scratch view. */
function len(a: Int32Array | Float64Array): number {
  return placed.get(a)?.len ?? a.length;
}

function bytes(): Uint8Array {
  const bin = atob(WASM_BASE64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** AssemblyScript strings are UTF-16 with their byte length stored just before them. */
function readString(ptr: number): string {
  if (!ex || ptr === 0) return '';
  const len = new Uint32Array(ex.memory.buffer, ptr - 4, 1)[0] >>> 1;
  return String.fromCharCode(...new Uint16Array(ex.memory.buffer, ptr, len));
}

const imports = {
  env: {
    abort(msg: number, file: number, line: number, col: number): never {
      throw new Error(`mutinfo wasm abort: ${readString(msg)} at ${readString(file)}:${line}:${col}`);
    },
  },
};

function adopt(instance: WebAssembly.Instance): void {
  ex = instance.exports as unknown as WasmExports;
  slot = ex.heapBase();
  base = top = slot + 16;
}

/**
 * Compiles and instantiates synchronously where the platform allows it (Node,
 * Workers). Browsers refuse synchronous compilation of large modules on the
 * main thread; there init() compiles asynchronously and JS runs meanwhile.
 */
function trySync(): boolean {
  if (ex) return true;
  if (loadError !== undefined || typeof WebAssembly === 'undefined') return false;
  try {
    wasmModule ??= new WebAssembly.Module(bytes() as BufferSource);
    adopt(new WebAssembly.Instance(wasmModule, imports));
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the WASM backend is ready; rejects where WebAssembly cannot load. */
export function initWasm(): Promise<void> {
  if (ex || trySync()) return Promise.resolve();
  if (typeof WebAssembly === 'undefined') return Promise.reject(new Error('init: WebAssembly is not available here'));
  loading ??= (async () => {
    try {
      wasmModule ??= await WebAssembly.compile(bytes() as BufferSource);
      adopt(await WebAssembly.instantiate(wasmModule, imports));
    } catch (e) {
      loadError = e;
      throw e;
    }
  })();
  return loading;
}

/** In a pool worker: instantiates the module that the main thread compiled and sent. */
export function adoptModule(m: WebAssembly.Module): void {
  if (ex) return;
  wasmModule = m;
  adopt(new WebAssembly.Instance(m, imports));
}

/** The compiled module, shared with worker threads so they skip compilation. */
export function compiledModule(): WebAssembly.Module | undefined {
  trySync();
  return wasmModule;
}

/** True once the instance is ready (trying a synchronous load first). */
export function wasmReady(): boolean {
  return trySync();
}

/** Current size of linear memory in bytes (tests check it stays flat across calls). */
export function wasmMemoryBytes(): number {
  return ex ? ex.memory.buffer.byteLength : 0;
}

/** Knobs of the arena that tests turn; the package itself never changes them. */
export interface ArenaTestHooks {
  /**
   * Grow memory by one page before every allocation, so any JS view of linear memory held
   * across an allocation is detached at once and the estimator suite exposes it.
   */
  forcedGrowth?: boolean;
  /** Largest arena end in bytes (default 4 GiB), to test the out-of-memory guard cheaply. */
  limit?: number;
  /** Memory size above which a call's end starts a fresh instance (default 256 MiB). */
  freshInstanceAbove?: number;
  /** Milliseconds of no calls before that fresh instance is made (default 2000). */
  freshInstanceDelay?: number;
}

/** The knobs as they are now (tests save them, change one, and restore them). */
export function getArenaTestHooks(): ArenaTestHooks {
  return { forcedGrowth: forceGrowth, limit, freshInstanceAbove: freshAbove, freshInstanceDelay: freshDelay };
}

/** Test hook: sets all the knobs; a knob left undefined takes its default. */
export function setArenaTestHooks(h: ArenaTestHooks): void {
  forceGrowth = h.forcedGrowth ?? false;
  limit = Math.min(h.limit ?? MAX_BYTES, MAX_BYTES);
  freshAbove = h.freshInstanceAbove ?? FRESH_INSTANCE_ABOVE;
  freshDelay = h.freshInstanceDelay ?? FRESH_INSTANCE_DELAY_MS;
}

/** Records which public function is calling, for the out-of-memory message (select.ts). */
export function enterCall(fn: string): void {
  caller = fn;
}

function outOfMemory(needed: number): RangeError {
  const mb = (b: number) => `${Math.ceil(b / 2 ** 20)} MB`;
  return new RangeError(
    `${caller}: needs ${mb(needed)} of WebAssembly memory, more than the ${mb(limit)} it can address; ` +
      "use backend: 'js', the binned estimator, or a subsample of the rows",
  );
}

/**
 * Bump allocation, 16-byte aligned. Plain arithmetic, not 32-bit bit masks, so offsets
 * stay exact up to the 4 GiB that wasm32 addresses.
 */
function alloc(bytesNeeded: number): number {
  const ptr = top;
  const end = Math.ceil((ptr + bytesNeeded) / 16) * 16;
  if (end > limit) throw outOfMemory(end);
  const mem = ex!.memory;
  try {
    if (forceGrowth) mem.grow(1);
    const have = mem.buffer.byteLength;
    if (end > have) mem.grow(Math.ceil((end - have) / PAGE));
  } catch (e) {
    if (e instanceof RangeError) throw outOfMemory(end);
    throw e;
  }
  top = end;
  return ptr;
}

/**
 * Back at the arena's base after a call that left memory very large: a fresh instance of
 * the compiled module gives the memory back (WASM memory never shrinks; the old one is
 * garbage once nothing refers to it). It happens on a timer, not at once, so that calls in
 * a row reuse the memory they already touched (first touch of new pages costs ~4 ms/MB);
 * a process that goes idle gets it back.
 */
function settle(): void {
  if (top !== base || resetPending || ex!.memory.buffer.byteLength <= freshAbove || !wasmModule) return;
  resetPending = true;
  const timer = setTimeout(() => {
    resetPending = false;
    if (top === base && ex!.memory.buffer.byteLength > freshAbove) adopt(new WebAssembly.Instance(wasmModule!, imports));
  }, freshDelay);
  (timer as { unref?: () => void }).unref?.();
}

/** Places an input array in linear memory: in place if it is a scratch view, else a copy. */
function putI32(a: Int32Array): number {
  const known = placed.get(a);
  if (known !== undefined) return known.ptr;
  const ptr = alloc(a.length * 4);
  new Int32Array(ex!.memory.buffer, ptr, a.length).set(a);
  return ptr;
}

function putF64(a: Float64Array): number {
  const known = placed.get(a);
  if (known !== undefined) return known.ptr;
  const ptr = alloc(a.length * 8);
  new Float64Array(ex!.memory.buffer, ptr, a.length).set(a);
  return ptr;
}

function takeF64(ptr: number, n: number): Float64Array {
  return new Float64Array(ex!.memory.buffer, ptr, n).slice();
}

function takeI32(ptr: number, n: number): Int32Array {
  return new Int32Array(ex!.memory.buffer, ptr, n).slice();
}

/**
 * Sorts n values already in memory at pv: returns pointers to the sorted copy, the
 * permutation, and the sort's scratch (free again afterwards, at least 12n bytes).
 */
function placeLine(pv: number, n: number): [number, number, number] {
  const sorted = alloc(n * 8);
  const perm = alloc(n * 4);
  const scratch = alloc(ex!.argsortScratchBytes(n));
  ex!.argsortF64(pv, n, sorted, perm, scratch);
  return [sorted, perm, scratch];
}

/**
 * Builds the kd-tree over the n points of d columns at pp, reordering them in place (pp is
 * this call's own copy of the input); the tree stays valid for the next kdKnn/kdCount.
 */
function placeTree(pp: number, n: number, d: number): void {
  const m = ex!.kdNodeCount(n, d);
  ex!.kdBuild(pp, n, d, pp, alloc(n * 4), alloc(m * 2 * d * 8), alloc(m * 8));
}

/**
 * 2-D k-NN on a uniform grid (assembly/gridbuild.ts, gridknn.ts); the queries left when
 * the call's work budget is spent, or all of them when the data fit a grid badly, go to
 * the kd-tree. The grid reads point i at (px + i·stride, py + i·stride): interleaved rows
 * (py = px + 8, stride 16; px is then this call's own copy, which the tree may reorder) or
 * two columns (stride 8, which the tree gets a copy of).
 */
function gridKnn(px: number, py: number, stride: number, n: number, k: number, dist: number, idx: number): void {
  const marks = alloc(n * 4);
  const gp = alloc(n * 16);
  const built = ex!.gridBuild(px, py, stride, n, gp, alloc(n * 4), marks, alloc(ex!.gridCellCap(n) * 4), alloc(ex!.gridAxisCap(n) * 32));
  const left = built ? ex!.gridKnn(k, dist, idx, marks) : n;
  if (left === 0) return;
  placeTree(stride === 16 ? px : rowsOf(px, py, n), n, 2);
  ex!.kdKnn(k, alloc(k * 12), dist, idx, built ? marks : 0);
}

/** Two columns of n values as n interleaved rows, in a new arena block (for the kd-tree). */
function rowsOf(px: number, py: number, n: number): number {
  const pp = alloc(n * 16);
  const mem = ex!.memory.buffer;
  joinInto(new Float64Array(mem, pp, 2 * n), [
    { data: new Float64Array(mem, px, n), n, d: 1 },
    { data: new Float64Array(mem, py, n), n, d: 1 },
  ]);
  return pp;
}

/**
 * One part of a parallel k-NN (knnMaxNormPart): the queries at grid positions [a, b), the
 * grid's leftovers among them on the kd-tree; if the data fit a grid badly, the queries
 * of index [a, b) on the tree.
 */
function gridKnnPart(pp: number, n: number, k: number, dist: number, idx: number, part: number, parts: number): void {
  const marks = alloc(n * 4);
  const gp = alloc(n * 16);
  const built = ex!.gridBuild(pp, pp + 8, 16, n, gp, alloc(n * 4), marks, alloc(ex!.gridCellCap(n) * 4), alloc(ex!.gridAxisCap(n) * 32));
  const a = Math.floor((n * part) / parts);
  const b = Math.floor((n * (part + 1)) / parts);
  let left = b - a;
  if (built) left = ex!.gridKnnRange(k, dist, idx, marks, a, b);
  else markRange(marks, n, a, b);
  if (left === 0) return;
  const heap = alloc(k * 12);
  placeTree(pp, n, 2);
  ex!.kdKnn(k, heap, dist, idx, marks);
}

/** marks[i] = 1 for a ≤ i < b, else 0 (n i32 at marks; the view is dropped at once). */
function markRange(marks: number, n: number, a: number, b: number): void {
  const m = new Int32Array(ex!.memory.buffer, marks, n);
  m.fill(0);
  m.fill(1, a, b);
}

/**
 * Places two code arrays and the scratch of the sparse pair kernels (assembly/pairs.ts):
 * the arguments shared by pairCounts and pairMutualInfo, in the caller's scope.
 */
function pairArgs(a: Int32Array, b: Int32Array, ka: number, kb: number): number[] {
  const n = len(a);
  const pa = putI32(a);
  const pb = putI32(b);
  const rows = alloc(ka * 8);
  const cols = alloc(kb * 8);
  const [off, sb, cnt, seen] = [ka + 1, n, kb, kb + 1].map((c) => alloc(c * 4));
  return [pa, pb, n, ka, kb, rows, cols, off, sb, cnt, seen];
}

/**
 * dist (and idx, if not 0) for the n points of d columns at pp, this call's own copy:
 * 1-D on the sorted line, 2-D on the grid, else on the kd-tree (which reorders pp).
 */
function knnInto(pp: number, n: number, d: number, k: number, dist: number, idx: number): void {
  if (d === 1) {
    const [sorted, perm] = placeLine(pp, n);
    ex!.lineKnn(sorted, perm, n, k, dist, idx);
  } else if (d === 2 && k <= ex!.gridMaxK()) {
    gridKnn(pp, pp + 8, 16, n, k, dist, idx);
  } else {
    placeTree(pp, n, d);
    ex!.kdKnn(k, alloc(k * 12), dist, idx, 0);
  }
}

/** counts within the radii at pr for the n points of d columns at pp (this call's own copy). */
function countInto(pp: number, n: number, d: number, pr: number, inclusive: boolean, counts: number): void {
  if (d === 1) {
    const [sorted, perm, scratch] = placeLine(pp, n);
    ex!.lineCount(sorted, perm, n, pr, inclusive ? 1 : 0, counts, scratch);
  } else if (d === 2) {
    ex!.planeCount(pp, n, pr, inclusive ? 1 : 0, counts, alloc(ex!.planeScratchBytes(n)));
  } else {
    placeTree(pp, n, d);
    ex!.kdCount(pr, inclusive ? 1 : 0, counts);
  }
}

/** Runs fn and frees whatever it allocated, even if it throws. */
function scoped<T>(fn: () => T): T {
  const m = top;
  try {
    return fn();
  } finally {
    top = m;
    settle();
  }
}

/** The WASM backend; call only after wasmReady() returned true. */
export const wasmKernels: Kernels = {
  name: 'wasm',
  scratchInt32(lengths) {
    const ptrs = lengths.map((n) => alloc(n * 4));
    return lengths.map((n, i) => {
      const view = new Int32Array(ex!.memory.buffer, ptrs[i], n);
      placed.set(view, { ptr: ptrs[i], len: n });
      return view;
    });
  },
  scratchFloat64(lengths) {
    const ptrs = lengths.map((n) => alloc(n * 8));
    return lengths.map((n, i) => {
      const view = new Float64Array(ex!.memory.buffer, ptrs[i], n);
      placed.set(view, { ptr: ptrs[i], len: n });
      return view;
    });
  },
  mark: () => top,
  release(m) {
    top = m < base ? base : m;
    settle();
  },
  histogram(codes, k) {
    return scoped(() => {
      const n = len(codes);
      const pc = putI32(codes);
      const pk = alloc(k * 8);
      ex!.histogram(pc, n, pk, k);
      return takeF64(pk, k);
    });
  },
  jointHistogram(a, b, kb, cells) {
    return scoped(() => {
      const n = len(a);
      const pa = putI32(a);
      const pb = putI32(b);
      const pk = alloc(cells * 8);
      const tmp = alloc(cells * 16);
      ex!.jointHistogram(pa, pb, n, kb, pk, cells, tmp);
      return takeF64(pk, cells);
    });
  },
  pairTables(codes, n, K, s, y, ky, idx, lut, maxCells) {
    return scoped(() => {
      const m = len(idx);
      const pc = putI32(codes);
      const py = y === null ? 0 : putI32(y);
      const pK = putI32(K);
      const pi = putI32(idx);
      const pl = putF64(lut);
      const out = alloc(m * 16);
      ex!.pairTables(pc, n, pK, s, py, ky, pi, m, pl, out, alloc(maxCells * 16));
      return takeF64(out, 2 * m);
    });
  },
  jointHistogram3(a, b, c, kb, kc, cells) {
    return scoped(() => {
      const n = len(a);
      const pa = putI32(a);
      const pb = putI32(b);
      const pc = putI32(c);
      const pk = alloc(cells * 8);
      const tmp = alloc(cells * 16);
      ex!.jointHistogram3(pa, pb, pc, n, kb, kc, pk, cells, tmp);
      return takeF64(pk, cells);
    });
  },
  compactCodes(codes, k) {
    return scoped(() => {
      const n = len(codes);
      const pc = putI32(codes);
      const next = ex!.compactCodes(pc, n, k, alloc(k * 4));
      // In place for a scratch view; anything else was copied in and gets the result back.
      if (!placed.has(codes)) codes.set(new Int32Array(ex!.memory.buffer, pc, n));
      return next;
    });
  },
  pairCounts(a, b, ka, kb) {
    return scoped(() => {
      const args = pairArgs(a, b, ka, kb);
      const [n, rows, cols, sb] = [args[2], args[5], args[6], args[8]];
      const rowIdx = alloc(n * 4);
      const nij = alloc(n * 8);
      // colIdx shares sb's memory (the kernel allows it).
      const m = ex!.pairCounts(...args, rowIdx, sb, nij);
      return { rowIdx: takeI32(rowIdx, m), colIdx: takeI32(sb, m), nij: takeF64(nij, m), rows: takeF64(rows, ka), cols: takeF64(cols, kb) };
    });
  },
  pairMutualInfo(a, b, ka, kb) {
    return scoped(() => {
      const args = pairArgs(a, b, ka, kb);
      const cap = logCacheCells(args[2]);
      return ex!.pairMutualInfo(...args, alloc(ka * 4), alloc(kb * 4), alloc(cap * 8), cap);
    });
  },
  // Writes its result to the fixed slot: callers scan scratch views with it while they
  // fill them, so it must not allocate (an allocation may grow memory and detach them).
  rangeI32(x) {
    return scoped(() => {
      const n = len(x);
      ex!.rangeI32(putI32(x), n, slot);
      const r = new Int32Array(ex!.memory.buffer, slot, 2);
      return [r[0], r[1]];
    });
  },
  sumNLogN(counts) {
    return scoped(() => ex!.sumNLogN(putF64(counts), counts.length));
  },
  miSparse(rowIdx, colIdx, nij, rows, cols, total) {
    return scoped(() => {
      const m = nij.length;
      return ex!.miSparse(putI32(rowIdx), putI32(colIdx), putF64(nij), m, putF64(rows), putF64(cols), total);
    });
  },
  digamma: (x) => ex!.digamma(x),
  sumDigamma(counts, shift) {
    return scoped(() => {
      const n = len(counts);
      return ex!.sumDigamma(putI32(counts), n, shift);
    });
  },
  sumLog(v) {
    return scoped(() => ex!.sumLog(putF64(v), v.length));
  },
  knnMaxNorm(points, d, k, withIndices) {
    return scoped(() => {
      const n = points.length / d;
      const pp = putF64(points);
      const dist = alloc(n * 8);
      const idx = withIndices ? alloc(n * k * 4) : 0;
      knnInto(pp, n, d, k, dist, idx);
      return { dist: takeF64(dist, n), idx: withIndices ? takeI32(idx, n * k) : null };
    });
  },
  ksgDigammaSums(x, dx, y, dy, k) {
    return scoped(() => {
      const n = len(x) / dx;
      const d = dx + dy;
      // in place when they are scratch views (read by pointer: a view may be detached by now)
      const px = putF64(x);
      const py = putF64(y);
      const dist = alloc(n * 8);
      // Each phase starts here, above the distances: the joint search's scratch (its own
      // copy of the sample, the grid or tree) is gone before the counts allocate theirs.
      const phase = top;
      if (d === 2 && k <= ex!.gridMaxK()) {
        // 1-D × 1-D: the grid reads the two columns, so the joint sample is never copied
        gridKnn(px, py, 8, n, k, dist, 0);
      } else {
        const pp = alloc(n * d * 8);
        const mem = ex!.memory.buffer;
        joinInto(new Float64Array(mem, pp, n * d), [
          { data: new Float64Array(mem, px, n * dx), n, d: dx },
          { data: new Float64Array(mem, py, n * dy), n, d: dy },
        ]);
        knnInto(pp, n, d, k, dist, 0);
      }
      const sums: [number, number] = [0, 0];
      for (const [t, pv, dv] of [[0, px, dx], [1, py, dy]] as const) {
        top = phase;
        const counts = alloc(n * 4);
        // the kd-tree (d ≥ 3) reorders the points it counts, so it gets a copy
        let own = pv;
        if (dv >= 3) {
          own = alloc(n * dv * 8);
          new Uint8Array(ex!.memory.buffer).copyWithin(own, pv, pv + n * dv * 8);
        }
        countInto(own, n, dv, dist, false, counts);
        sums[t] = ex!.sumDigamma(counts, n, 1);
      }
      return sums;
    });
  },
  knnMaxNormPart(points, d, k, withIndices, part, parts) {
    return scoped(() => {
      const n = points.length / d;
      const pp = putF64(points);
      const dist = alloc(n * 8);
      const idx = withIndices ? alloc(n * k * 4) : 0;
      new Float64Array(ex!.memory.buffer, dist, n).fill(-1);
      if (idx) new Int32Array(ex!.memory.buffer, idx, n * k).fill(0);
      if (d === 1) {
        const [sorted, perm] = placeLine(pp, n);
        ex!.lineKnnRange(sorted, perm, n, k, dist, idx, Math.floor((n * part) / parts), Math.floor((n * (part + 1)) / parts));
      } else if (d === 2 && k <= ex!.gridMaxK()) {
        gridKnnPart(pp, n, k, dist, idx, part, parts);
      } else {
        const marks = alloc(n * 4);
        const heap = alloc(k * 12);
        placeTree(pp, n, d);
        markRange(marks, n, Math.floor((n * part) / parts), Math.floor((n * (part + 1)) / parts));
        ex!.kdKnn(k, heap, dist, idx, marks);
      }
      return { dist: takeF64(dist, n), idx: withIndices ? takeI32(idx, n * k) : null };
    });
  },
  countWithinMaxNorm(points, d, radius, inclusive) {
    return scoped(() => {
      const n = radius.length;
      const pp = putF64(points);
      const pr = putF64(radius);
      const counts = alloc(n * 4);
      countInto(pp, n, d, pr, inclusive, counts);
      return takeI32(counts, n);
    });
  },
  rankCounts(xs, ys, q, dist) {
    return scoped(() => {
      const n = xs.length;
      const nx = alloc(n * 4);
      const ny = alloc(n * 4);
      // the bin tables of the guessed searches: binCount(n) + 1 ≤ n + 1 ints, then n
      ex!.rankCounts(putF64(xs), putF64(ys), putI32(q), n, putF64(dist), nx, ny, alloc((2 * n + 2) * 4));
      return { nx: takeI32(nx, n), ny: takeI32(ny, n) };
    });
  },
  neighbourExtent(points, d, from, to, idx, k) {
    return scoped(() => {
      const n = points.length / d;
      const pp = putF64(points);
      const pi = putI32(idx);
      const ext = alloc(n * 8);
      ex!.neighbourExtent(pp, n, d, from, to, pi, k, ext);
      return takeF64(ext, n);
    });
  },
  argsort(values) {
    return scoped(() => {
      const n = values.length;
      const [sorted, perm] = placeLine(putF64(values), n);
      return { sorted: takeF64(sorted, n), perm: takeI32(perm, n) };
    });
  },
  copnorm(values) {
    return scoped(() => {
      const n = values.length;
      const { grid, dens } = normalQuantileTable();
      const pv = putF64(values);
      const pg = putF64(grid);
      const pd = putF64(dens);
      const out = alloc(n * 8);
      const sorted = alloc(n * 8);
      const perm = alloc(n * 4);
      const scratch = alloc(ex!.argsortScratchBytes(n));
      const distinct = ex!.copnormF64(pv, n, pg, pd, out, sorted, perm, scratch);
      return { normal: takeF64(out, n), distinct };
    });
  },
  kdeSums(points, d, leaveOneOut) {
    const n = points.length / d;
    const bounds = kdeBlockBounds(n);
    return mergeKdeBlocks(this.kdeBlocks(points, d, bounds, bounds.slice(1).map((_, t) => t)), n, leaveOneOut);
  },
  kdeBlocks(points, d, bounds, blocks) {
    return scoped(() => {
      const n = points.length / d;
      // column-major, so that two consecutive samples of a coordinate load as one v128
      const pc = alloc(n * d * 8);
      const sums = alloc(n * 8);
      const cols = new Float64Array(ex!.memory.buffer, pc, n * d);
      if (d === 1) cols.set(points);
      else for (let c = 0; c < d; c++) for (let i = 0; i < n; i++) cols[c * n + i] = points[i * d + c];
      return blocks.map((t) => {
        ex!.kdeBlock(pc, n, d, bounds[t], bounds[t + 1], sums);
        return takeF64(sums, n);
      });
    });
  },
  binCodes(values, edges) {
    return scoped(() => {
      const n = values.length;
      const ne = edges.length;
      const pv = putF64(values);
      const pe = putF64(edges);
      const pc = alloc(n * 4);
      ex!.binCodes(pv, n, pe, ne, pc);
      return takeI32(pc, n);
    });
  },
  sumXLogX(values) {
    return scoped(() => {
      const k = values.length;
      return ex!.sumXLogX(putF64(values), k);
    });
  },
  chaoShenSum(counts, n, coverage) {
    return scoped(() => {
      const k = counts.length;
      return ex!.chaoShenSum(putF64(counts), k, n, coverage);
    });
  },
};
