// Pure-TypeScript twin of assembly/kdknn.ts: k-NN on the flat kd-tree. Each query starts in
// its own leaf, which seeds its bound, and climbs, stopping when its ball lies inside the
// node's box. It replaces kd-tree-javascript (a tree of objects, a callback metric, a heap
// of k + 1 that returns the query itself), which was 4–20× slower (README, "Why the JS backend").
import { boxNear, distCapped, faceGap, type KdTree } from './kdtree.js';

/** The state of the current query: the k best so far, ascending (the worst last). */
class Search {
  readonly hd: Float64Array;
  readonly hi: Int32Array;
  /** Offset of the query's coordinates in t.pts, and its tree position (not its own neighbour). */
  q = 0;
  qt = 0;
  /** The k-th best distance so far (hd[k − 1]). */
  worst = Infinity;

  constructor(
    readonly t: KdTree,
    readonly k: number,
  ) {
    this.hd = new Float64Array(k);
    this.hi = new Int32Array(k);
  }

  /** Inserts (e, u), known to beat the worst, keeping hd ascending; the old worst drops out. */
  offer(e: number, u: number): void {
    const { hd, hi } = this;
    let m = this.k - 1;
    while (m > 0) {
      const pe = hd[m - 1];
      if (pe <= e) break;
      hd[m] = pe;
      hi[m] = hi[m - 1];
      m--;
    }
    hd[m] = e;
    hi[m] = u;
  }

  leaf(lo: number, hi: number): void {
    const { t, q, qt } = this;
    let worst = this.worst;
    for (let u = lo; u < hi; u++) {
      const e = distCapped(t, u, q, worst, false);
      if (e < worst && u !== qt) {
        this.offer(e, u);
        worst = this.hd[this.k - 1];
      }
    }
    this.worst = worst;
  }

  node(v: number): void {
    const { t, q } = this;
    const lo = t.span[2 * v];
    const hi = t.span[2 * v + 1];
    if (hi - lo <= t.leaf) {
      this.leaf(lo, hi);
      return;
    }
    const l = 2 * v + 1;
    const dl = boxNear(t, l, q);
    const dr = boxNear(t, l + 1, q);
    if (dl <= dr) {
      if (dl < this.worst) this.node(l);
      if (dr < this.worst) this.node(l + 1);
    } else {
      if (dr < this.worst) this.node(l + 1);
      if (dl < this.worst) this.node(l);
    }
  }

  /** k-NN of the point at tree position u, in leaf v over [lo, hi): leaf first, then up the tree. */
  at(u: number, v: number, lo: number, hi: number): void {
    const { t } = this;
    this.q = u * t.d;
    this.qt = u;
    this.hd.fill(Infinity);
    this.hi.fill(u);
    this.worst = Infinity;
    this.leaf(lo, hi);
    while (v > 0) {
      if (faceGap(t, v, this.q) >= this.worst) break;
      const sib = v & 1 ? v + 1 : v - 1;
      if (boxNear(t, sib, this.q) < this.worst) this.node(sib);
      v = (v - 1) >> 1;
    }
  }
}

function leaves(s: Search, v: number, dist: Float64Array, idx: Int32Array | null, marks: Int32Array | null): void {
  const { t, k } = s;
  const lo = t.span[2 * v];
  const hi = t.span[2 * v + 1];
  if (hi - lo > t.leaf) {
    leaves(s, 2 * v + 1, dist, idx, marks);
    leaves(s, 2 * v + 2, dist, idx, marks);
    return;
  }
  for (let u = lo; u < hi; u++) {
    const i = t.perm[u];
    if (marks && !marks[i]) continue;
    s.at(u, v, lo, hi);
    dist[i] = s.worst;
    if (idx) for (let m = 0; m < k; m++) idx[i * k + m] = t.perm[s.hi[m]];
  }
}

/**
 * dist[i] = max-norm distance from point i to its k-th nearest other point (1 ≤ k < n), and
 * if idx, row i (n × k) = the original indices of those k points. With marks, only the
 * points i with marks[i] ≠ 0 are queried (those the grid left).
 */
export function kdKnn(t: KdTree, k: number, dist: Float64Array, idx: Int32Array | null, marks: Int32Array | null = null): void {
  leaves(new Search(t, k), 0, dist, idx, marks);
}
