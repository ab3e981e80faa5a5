// The JS backend's k-NN in d ≥ 2 dimensions, on kd-tree-javascript (the design card's
// choice). Its `nearest` returns the query point itself and the results in heap order,
// so we ask for k + 1, drop the query (or, if duplicates crowded it out, the farthest),
// and take the largest remaining distance. 1-D searches use the sorted line instead.
import { kdTree } from 'kd-tree-javascript';

/** A point of d coordinates, with its original index in slot d. */
type Row = number[];

/**
 * dist[i] = max-norm distance from point i to its k-th nearest other point; idx rows as in
 * Kernels.knnMaxNorm. With marks, only the points i with marks[i] ≠ 0 (those the grid left).
 */
export function knnKdTree(pts: Float64Array, d: number, k: number, dist: Float64Array, idx: Int32Array | null, marks: Int32Array | null = null): void {
  const n = dist.length;
  const rows: Row[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = new Array<number>(d + 1);
    for (let c = 0; c < d; c++) r[c] = pts[i * d + c];
    r[d] = i;
    rows[i] = r;
  }
  const metric = (a: Row, b: Row): number => {
    let m = 0;
    for (let c = 0; c < d; c++) {
      const x = Math.abs(a[c] - b[c]);
      m = x > m ? x : m;
    }
    return m;
  };
  const dims = Array.from({ length: d }, (_, c) => c);
  const tree = new kdTree<Row>(rows.slice(), metric, dims);
  for (let i = 0; i < n; i++) {
    if (marks && !marks[i]) continue;
    const found = tree.nearest(rows[i], k + 1);
    let drop = found.findIndex((f) => f[0] === rows[i]);
    if (drop < 0) {
      drop = 0;
      for (let s = 1; s < found.length; s++) if (found[s][1] > found[drop][1]) drop = s;
    }
    let e = 0;
    for (let s = 0, m = 0; s < found.length; s++) {
      if (s === drop) continue;
      const x = found[s][1];
      e = x > e ? x : e;
      if (idx) idx[i * k + m++] = found[s][0][d];
    }
    dist[i] = e;
  }
}
