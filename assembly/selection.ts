// The row kernel of greedy feature selection. Twin: src/backend/js/selection.ts.
// For a pick s and each candidate column j, it counts the (s, j) table, or the (s, y, j)
// table when y is given, and returns Σ c ln c over the (s, j) margin and over all cells,
// with c ln c read from a table (lut[c], c = 0 … n) so that both backends add the same
// numbers in the same order.

/**
 * codes: column-major n × d block of codes; K[j] the code range of column j; s the pick's
 * column; y (0 for none) the class codes in [0, ky); idx the m candidate columns; out gets
 * two sums per candidate. tmp holds 4·max cells i32 (interleaved tables, as jointHistogram).
 */
export function pairTables(
  codes: usize, n: i32, K: usize, s: i32, y: usize, ky: i32, idx: usize, m: i32, lut: usize, out: usize, tmp: usize,
): void {
  const ks = load<i32>(K + (<usize>s << 2));
  const a = codes + (<usize>s * <usize>n << 2);
  const kyy = y == 0 ? 1 : ky;
  for (let t = 0; t < m; t++) {
    const j = load<i32>(idx + (<usize>t << 2));
    const kj = load<i32>(K + (<usize>j << 2));
    const b = codes + (<usize>j * <usize>n << 2);
    const cells = ks * kyy * kj;
    const stride = <usize>cells << 2;
    memory.fill(tmp, 0, stride << 2);
    const n4 = n & ~3;
    let i = 0;
    if (y == 0) {
      for (; i < n4; i += 4) {
        const off = <usize>i << 2;
        const p0 = tmp + (<usize>(load<i32>(a + off) * kj + load<i32>(b + off)) << 2);
        const p1 = tmp + stride + (<usize>(load<i32>(a + off, 4) * kj + load<i32>(b + off, 4)) << 2);
        const p2 = tmp + 2 * stride + (<usize>(load<i32>(a + off, 8) * kj + load<i32>(b + off, 8)) << 2);
        const p3 = tmp + 3 * stride + (<usize>(load<i32>(a + off, 12) * kj + load<i32>(b + off, 12)) << 2);
        store<i32>(p0, load<i32>(p0) + 1);
        store<i32>(p1, load<i32>(p1) + 1);
        store<i32>(p2, load<i32>(p2) + 1);
        store<i32>(p3, load<i32>(p3) + 1);
      }
      for (; i < n; i++) {
        const off = <usize>i << 2;
        const p = tmp + (<usize>(load<i32>(a + off) * kj + load<i32>(b + off)) << 2);
        store<i32>(p, load<i32>(p) + 1);
      }
    } else {
      for (; i < n4; i += 4) {
        const off = <usize>i << 2;
        const p0 = tmp + (<usize>((load<i32>(a + off) * ky + load<i32>(y + off)) * kj + load<i32>(b + off)) << 2);
        const p1 = tmp + stride + (<usize>((load<i32>(a + off, 4) * ky + load<i32>(y + off, 4)) * kj + load<i32>(b + off, 4)) << 2);
        const p2 = tmp + 2 * stride + (<usize>((load<i32>(a + off, 8) * ky + load<i32>(y + off, 8)) * kj + load<i32>(b + off, 8)) << 2);
        const p3 = tmp + 3 * stride + (<usize>((load<i32>(a + off, 12) * ky + load<i32>(y + off, 12)) * kj + load<i32>(b + off, 12)) << 2);
        store<i32>(p0, load<i32>(p0) + 1);
        store<i32>(p1, load<i32>(p1) + 1);
        store<i32>(p2, load<i32>(p2) + 1);
        store<i32>(p3, load<i32>(p3) + 1);
      }
      for (; i < n; i++) {
        const off = <usize>i << 2;
        const p = tmp + (<usize>((load<i32>(a + off) * ky + load<i32>(y + off)) * kj + load<i32>(b + off)) << 2);
        store<i32>(p, load<i32>(p) + 1);
      }
    }
    // Fold the four tables, then add c ln c over the (s, j) margin and over every cell,
    // margin cell by margin cell in (u, v) order, classes innermost (the twin's order).
    let sMargin = 0.0;
    let sAll = 0.0;
    for (let u = 0; u < ks; u++) {
      for (let v = 0; v < kj; v++) {
        let mgn = 0;
        for (let c = 0; c < kyy; c++) {
          const q = tmp + (<usize>((u * kyy + c) * kj + v) << 2);
          const x = load<i32>(q) + load<i32>(q + stride) + load<i32>(q + 2 * stride) + load<i32>(q + 3 * stride);
          mgn += x;
          sAll += load<f64>(lut + (<usize>x << 3));
        }
        sMargin += load<f64>(lut + (<usize>mgn << 3));
      }
    }
    store<f64>(out + (<usize>t << 4), sMargin);
    store<f64>(out + (<usize>t << 4), y == 0 ? 0.0 : sAll, 8);
  }
}
