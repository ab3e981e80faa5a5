// Per-point extents of a neighbour set in a block of columns: KSG algorithm 2's ε_x(i)
// and ε_y(i). Twin: src/backend/js/extent.ts.

/**
 * ext[i] = max over the k neighbours j in row i of idx (n × k i32) of
 * max_{c ∈ [from, to)} |p_j[c] − p_i[c]|, for n points of d columns (row-major f64).
 */
export function neighbourExtent(pts: usize, n: i32, d: i32, from: i32, to: i32, idx: usize, k: i32, ext: usize): void {
  const row = <usize>d << 3;
  const a = <usize>from << 3;
  const b = <usize>to << 3;
  for (let i = 0; i < n; i++) {
    const pi = pts + <usize>i * row;
    const nb = idx + (<usize>i * <usize>k << 2);
    let m = 0.0;
    for (let s = 0; s < k; s++) {
      const pj = pts + <usize>load<i32>(nb + (<usize>s << 2)) * row;
      for (let c = a; c < b; c += 8) {
        const x = Math.abs(load<f64>(pj + c) - load<f64>(pi + c));
        m = x > m ? x : m;
      }
    }
    store<f64>(ext + (<usize>i << 3), m);
  }
}
