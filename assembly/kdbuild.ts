// The kd-tree build: rows reordered in place into tree order, exact median splits.
// State and layout: assembly/kdtree.ts. Twin: src/backend/js/kdtree.ts.
import { BOX, BOXW, D, P, PERM, ROW, SPAN, bindTree, coord, isLeaf } from './kdtree';

function swapRows(a: i32, b: i32): void {
  const pa = P + <usize>a * ROW;
  const pb = P + <usize>b * ROW;
  if (D == 2) {
    const t = v128.load(pa);
    v128.store(pa, v128.load(pb));
    v128.store(pb, t);
  } else {
    for (let c: usize = 0; c < ROW; c += 8) {
      const t = load<f64>(pa + c);
      store<f64>(pa + c, load<f64>(pb + c));
      store<f64>(pb + c, t);
    }
  }
  const ia = PERM + (<usize>a << 2);
  const ib = PERM + (<usize>b << 2);
  const t = load<i32>(ia);
  store<i32>(ia, load<i32>(ib));
  store<i32>(ib, t);
}

/**
 * Moves the rows of [l, r] whose coordinate s is below pv (or ≤ pv when orEqual) to the
 * front and returns where the others begin (Lomuto's scheme, swap always, no branch on
 * the data). Used only to split off a block of rows equal to the pivot.
 */
function partitionLomuto(l: i32, r: i32, s: i32, pv: f64, orEqual: bool): i32 {
  let j = l;
  for (let i = l; i <= r; i++) {
    const x = coord(i, s);
    swapRows(i, j);
    j += i32(orEqual ? x <= pv : x < pv);
  }
  return j;
}

const BLOCK: i32 = 64;
const OFF_L: usize = memory.data(BLOCK << 2);
const OFF_R: usize = memory.data(BLOCK << 2);

/**
 * Hoare partition of rows [l, r] around the value t on dim s, block by block (Edelkamp &
 * Weiß, BlockQuicksort, ESA 2016): the offsets of misplaced rows in a block of 64 are
 * recorded without branching on the data, then swapped in pairs, so the comparisons
 * cost no mispredictions. Returns p with every row of [l, p) ≤ t and of [p, r] ≥ t.
 */
function partitionBlocks(l: i32, r: i32, s: i32, t: f64): i32 {
  let i = l;
  let j = r;
  let numL = 0;
  let numR = 0;
  let startL = 0;
  let startR = 0;
  while (j - i + 1 > 2 * BLOCK) {
    if (numL == 0) {
      startL = 0;
      for (let c = 0; c < BLOCK; c++) {
        store<i32>(OFF_L + (<usize>numL << 2), c);
        numL += i32(coord(i + c, s) >= t);
      }
    }
    if (numR == 0) {
      startR = 0;
      for (let c = 0; c < BLOCK; c++) {
        store<i32>(OFF_R + (<usize>numR << 2), c);
        numR += i32(coord(j - c, s) <= t);
      }
    }
    const num = numL < numR ? numL : numR;
    for (let q = 0; q < num; q++) {
      swapRows(i + load<i32>(OFF_L + (<usize>(startL + q) << 2)), j - load<i32>(OFF_R + (<usize>(startR + q) << 2)));
    }
    numL -= num;
    numR -= num;
    startL += num;
    startR += num;
    if (numL == 0) i += BLOCK;
    if (numR == 0) j -= BLOCK;
  }
  // the rest, partly processed blocks included, by the classic loop with bounds
  while (true) {
    while (i <= j && coord(i, s) < t) i++;
    while (j >= i && coord(j, s) > t) j--;
    if (i >= j) break;
    swapRows(i, j);
    i++;
    j--;
  }
  return i;
}

/**
 * Rearranges rows l..r so that row m holds the value it would hold if sorted on dim s,
 * with no larger value before it and no smaller after. On large ranges the pivot comes
 * from Floyd & Rivest's sampling (CACM 18(3), 1975, algorithm 489), which puts it so close
 * to the target that about one partition pass suffices; smaller ranges take the median
 * of three. When the pivot is an extreme, the block equal to it is split off, so ties
 * cannot stall the loop.
 */
function selectRow(l: i32, r: i32, m: i32, s: i32): void {
  while (r - l > 6) {
    if (r - l > 600) {
      const n = <f64>(r - l + 1);
      const i = <f64>(m - l + 1);
      const z = Math.log(n);
      const w = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * w * (n - w)) / n) * (i < n / 2 ? -1 : 1);
      const nl = <i32>Math.floor(<f64>m - (i * w) / n + sd);
      const nr = <i32>Math.floor(<f64>m + ((n - i) * w) / n + sd);
      selectRow(nl > l ? nl : l, nr < r ? nr : r, m, s);
    } else {
      const a = coord(l, s);
      const b = coord(m, s);
      const c = coord(r, s);
      if ((a < b) != (a < c)) swapRows(l, m);
      else if ((c < a) != (c < b)) swapRows(r, m);
    }
    const t = coord(m, s);
    const p = partitionBlocks(l, r, s, t);
    if (p == l) {
      // every row ≥ t: split off the rows equal to t
      const e = partitionLomuto(l, r, s, t, true);
      if (m < e) return;
      l = e;
    } else if (p == r + 1) {
      // every row ≤ t
      const e = partitionLomuto(l, r, s, t, false);
      if (m >= e) return;
      r = e - 1;
    } else if (m < p) r = p - 1;
    else l = p;
  }
  for (let i = l + 1; i <= r; i++) {
    let j = i;
    while (j > l && coord(j - 1, s) > coord(j, s)) {
      swapRows(j - 1, j);
      j--;
    }
  }
}

function buildNode(v: i32, lo: i32, hi: i32): void {
  store<i32>(SPAN + (<usize>v << 3), lo);
  store<i32>(SPAN + (<usize>v << 3), hi, 4);
  const b = BOX + <usize>v * BOXW;
  if (D == 2) {
    let mn = v128.load(P + <usize>lo * ROW);
    let mx = mn;
    for (let t = lo + 1; t < hi; t++) {
      const x = v128.load(P + <usize>t * ROW);
      mn = f64x2.pmin(mn, x);
      mx = f64x2.pmax(mx, x);
    }
    v128.store(b, mn);
    v128.store(b, mx, 16);
  } else {
    for (let c = 0; c < D; c++) {
      let mn = coord(lo, c);
      let mx = mn;
      for (let t = lo + 1; t < hi; t++) {
        const x = coord(t, c);
        mn = x < mn ? x : mn;
        mx = x > mx ? x : mx;
      }
      store<f64>(b + (<usize>c << 3), mn);
      store<f64>(b + (<usize>(D + c) << 3), mx);
    }
  }
  if (isLeaf(lo, hi)) return;
  let s = 0;
  let w = -1.0;
  for (let c = 0; c < D; c++) {
    const x = load<f64>(b + (<usize>(D + c) << 3)) - load<f64>(b + (<usize>c << 3));
    if (x > w) {
      w = x;
      s = c;
    }
  }
  const mid = (lo + hi) >> 1;
  selectRow(lo, hi - 1, mid, s);
  buildNode(2 * v + 1, lo, mid);
  buildNode(2 * v + 2, mid, hi);
}

/** Copies the n points (row-major, d columns) from src into tree order (in place when src = pts) and builds the tree. */
export function kdBuild(src: usize, n: i32, d: i32, pts: usize, perm: usize, box: usize, span: usize): void {
  bindTree(pts, perm, box, span, d);
  if (src != pts) memory.copy(pts, src, <usize>n * ROW);
  for (let i = 0; i < n; i++) store<i32>(perm + (<usize>i << 2), i);
  buildNode(0, 0, n);
}

// The bounds below take the fast path for d = 2, where a point or a box corner is one
// f64x2 vector. pmax/pmin are compare-and-select, the same as the scalar path.

