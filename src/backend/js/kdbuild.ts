// Pure-TypeScript twin of assembly/kdbuild.ts: rows reordered in place into tree order,
// exact median splits (Floyd–Rivest pivots, block partition).
import { kdNodeCount, leafSize, type KdTree } from './kdtree.js';

function swapRows(t: KdTree, a: number, b: number): void {
  const { pts, perm, d } = t;
  for (let c = 0; c < d; c++) {
    const x = pts[a * d + c];
    pts[a * d + c] = pts[b * d + c];
    pts[b * d + c] = x;
  }
  const i = perm[a];
  perm[a] = perm[b];
  perm[b] = i;
}

/** Lomuto partition (swap always) of rows [l, r] by coordinate s below pv, or ≤ pv when orEqual. */
function partitionLomuto(t: KdTree, l: number, r: number, s: number, pv: number, orEqual: boolean): number {
  const { pts, d } = t;
  let j = l;
  for (let i = l; i <= r; i++) {
    const x = pts[i * d + s];
    swapRows(t, i, j);
    if (orEqual ? x <= pv : x < pv) j++;
  }
  return j;
}

const BLOCK = 64;
const offL = new Int32Array(BLOCK);
const offR = new Int32Array(BLOCK);

/** Block-wise Hoare partition around the value v (Edelkamp & Weiß 2016): [l, p) ≤ v ≤ [p, r]. */
function partitionBlocks(t: KdTree, l: number, r: number, s: number, v: number): number {
  const { pts, d } = t;
  let i = l;
  let j = r;
  let numL = 0;
  let numR = 0;
  let startL = 0;
  let startR = 0;
  while (j - i + 1 > 2 * BLOCK) {
    if (numL === 0) {
      startL = 0;
      for (let c = 0; c < BLOCK; c++) {
        offL[numL] = c;
        if (pts[(i + c) * d + s] >= v) numL++;
      }
    }
    if (numR === 0) {
      startR = 0;
      for (let c = 0; c < BLOCK; c++) {
        offR[numR] = c;
        if (pts[(j - c) * d + s] <= v) numR++;
      }
    }
    const num = numL < numR ? numL : numR;
    for (let q = 0; q < num; q++) swapRows(t, i + offL[startL + q], j - offR[startR + q]);
    numL -= num;
    numR -= num;
    startL += num;
    startR += num;
    if (numL === 0) i += BLOCK;
    if (numR === 0) j -= BLOCK;
  }
  for (;;) {
    while (i <= j && pts[i * d + s] < v) i++;
    while (j >= i && pts[j * d + s] > v) j--;
    if (i >= j) break;
    swapRows(t, i, j);
    i++;
    j--;
  }
  return i;
}

/**
 * Rearranges rows l..r so that row m holds the value it would hold if sorted on dim s
 * (Floyd–Rivest pivots, block partition, ties split off), as the AS twin in assembly/kdbuild.ts.
 */
function select(t: KdTree, l: number, r: number, m: number, s: number): void {
  const { pts, d } = t;
  while (r - l > 6) {
    if (r - l > 600) {
      const n = r - l + 1;
      const i = m - l + 1;
      const z = Math.log(n);
      const w = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * w * (n - w)) / n) * (i < n / 2 ? -1 : 1);
      const nl = Math.floor(m - (i * w) / n + sd);
      const nr = Math.floor(m + ((n - i) * w) / n + sd);
      select(t, nl > l ? nl : l, nr < r ? nr : r, m, s);
    } else {
      const a = pts[l * d + s];
      const b = pts[m * d + s];
      const c = pts[r * d + s];
      if (a < b !== a < c) swapRows(t, l, m);
      else if (c < a !== c < b) swapRows(t, r, m);
    }
    const v = pts[m * d + s];
    const p = partitionBlocks(t, l, r, s, v);
    if (p === l) {
      const e = partitionLomuto(t, l, r, s, v, true);
      if (m < e) return;
      l = e;
    } else if (p === r + 1) {
      const e = partitionLomuto(t, l, r, s, v, false);
      if (m >= e) return;
      r = e - 1;
    } else if (m < p) r = p - 1;
    else l = p;
  }
  for (let i = l + 1; i <= r; i++) {
    for (let j = i; j > l && pts[(j - 1) * d + s] > pts[j * d + s]; j--) swapRows(t, j - 1, j);
  }
}

function buildNode(t: KdTree, v: number, lo: number, hi: number): void {
  const { pts, box, span, d } = t;
  span[2 * v] = lo;
  span[2 * v + 1] = hi;
  const b = v * 2 * d;
  for (let c = 0; c < d; c++) {
    let mn = pts[lo * d + c];
    let mx = mn;
    for (let u = lo + 1; u < hi; u++) {
      const x = pts[u * d + c];
      mn = x < mn ? x : mn;
      mx = x > mx ? x : mx;
    }
    box[b + c] = mn;
    box[b + d + c] = mx;
  }
  if (hi - lo <= t.leaf) return;
  let s = 0;
  let w = -1;
  for (let c = 0; c < d; c++) {
    const x = box[b + d + c] - box[b + c];
    if (x > w) {
      w = x;
      s = c;
    }
  }
  const mid = (lo + hi) >> 1;
  select(t, lo, hi - 1, mid, s);
  buildNode(t, 2 * v + 1, lo, mid);
  buildNode(t, 2 * v + 2, mid, hi);
}

/** Builds the tree over n = src.length / d points (row-major). */
export function kdBuild(src: Float64Array, d: number): KdTree {
  const n = src.length / d;
  const m = kdNodeCount(n, d);
  const t: KdTree = { pts: src.slice(), perm: new Int32Array(n), box: new Float64Array(m * 2 * d), span: new Int32Array(m * 2), d, leaf: leafSize(d) };
  for (let i = 0; i < n; i++) t.perm[i] = i;
  buildNode(t, 0, 0, n);
  return t;
}

