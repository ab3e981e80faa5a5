// Box range counts for KSG algorithm 2's conditional MI (JIDT's
// ConditionalMutualInfoCalculatorMultiVariateKraskov2): the number of points within a
// per-query, per-dimension half-width, which the max-norm count kernels cannot express.
// Plain TypeScript shared by both backends, so both give the same integers.

const LEAF = 16;

/**
 * counts[i] = #{j ≠ i : |p_j,c − p_i,c| ≤ half[i·d + c] for every column c}, each
 * difference taken as fl(p_j,c − p_i,c) as the kernels do. A static kd-tree with
 * bounding boxes: a node whose box lies inside the query box is counted whole.
 * Cost: O(n log n) to build, then about O(log n + answer boundary) per query.
 */
export function countWithinBox(pts: Float64Array, d: number, half: Float64Array): Int32Array {
  const n = pts.length / d;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Nodes in an implicit array: node v covers order[lo[v], hi[v]), children 2v+1, 2v+2.
  const lo: number[] = [];
  const hi: number[] = [];
  const boxes: number[] = [];
  const build = (v: number, a: number, b: number): void => {
    lo[v] = a;
    hi[v] = b;
    const base = v * 2 * d;
    for (let c = 0; c < d; c++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let t = a; t < b; t++) {
        const x = pts[order[t] * d + c];
        if (x < mn) mn = x;
        if (x > mx) mx = x;
      }
      boxes[base + 2 * c] = mn;
      boxes[base + 2 * c + 1] = mx;
    }
    if (b - a <= LEAF) return;
    let split = 0;
    let widest = -1;
    for (let c = 0; c < d; c++) {
      const w = boxes[base + 2 * c + 1] - boxes[base + 2 * c];
      if (w > widest) {
        widest = w;
        split = c;
      }
    }
    const part = Array.from(order.subarray(a, b)).sort((p, q) => pts[p * d + split] - pts[q * d + split]);
    order.set(part, a);
    const m = (a + b) >>> 1;
    build(2 * v + 1, a, m);
    build(2 * v + 2, m, b);
  };
  build(0, 0, n);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const q = i * d;
    let total = 0;
    const stack = [0];
    while (stack.length > 0) {
      const v = stack.pop()!;
      const base = v * 2 * d;
      let inside = true;
      let disjoint = false;
      for (let c = 0; c < d; c++) {
        const r = half[q + c];
        const x = pts[q + c];
        const dl = Math.abs(boxes[base + 2 * c] - x);
        const dh = Math.abs(boxes[base + 2 * c + 1] - x);
        if (dl > r || dh > r) inside = false;
        // disjoint when the whole [min, max] lies beyond x ± r on one side
        if ((boxes[base + 2 * c] > x && dl > r) || (boxes[base + 2 * c + 1] < x && dh > r)) {
          disjoint = true;
          break;
        }
      }
      if (disjoint) continue;
      if (inside) {
        total += hi[v] - lo[v];
        continue;
      }
      if (lo[2 * v + 1] === undefined || hi[v] - lo[v] <= LEAF) {
        for (let t = lo[v]; t < hi[v]; t++) {
          const j = order[t] * d;
          let ok = true;
          for (let c = 0; c < d; c++) {
            if (Math.abs(pts[j + c] - pts[q + c]) > half[q + c]) {
              ok = false;
              break;
            }
          }
          if (ok) total++;
        }
        continue;
      }
      stack.push(2 * v + 1, 2 * v + 2);
    }
    counts[i] = total - 1; // the query point itself is always inside its own box
  }
  return counts;
}
