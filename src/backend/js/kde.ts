// Pure-TypeScript twin of assembly/kde.ts: the same pairs in the same order, with
// Math.exp for the vector exponential (they differ by an ulp or two per kernel).

/**
 * One block of rows [from, to) of the kernel sums: each pair {i, j}, i in the block and
 * j > i, adds exp(−½‖p_i − p_j‖²) to sums[i] and sums[j] (zeroed first), for n whitened
 * points of d coordinates, row-major. Rows two at a time, columns two at a time, as the WASM
 * kernel does.
 */
export function kdeBlock(points: Float64Array, d: number, from: number, to: number, sums: Float64Array): void {
  const n = sums.length;
  sums.fill(0);
  const r2 = (i: number, j: number): number => {
    let s = 0;
    for (let c = 0; c < d; c++) {
      const t = points[j * d + c] - points[i * d + c];
      s += t * t;
    }
    return s;
  };
  for (let i = from; i < to && i + 1 < n; i += 2) {
    const eii = Math.exp(-0.5 * r2(i, i + 1));
    // lane accumulators of rows i and i + 1, as the two lanes of a v128
    let a0 = 0;
    let b0 = 0;
    let a1 = 0;
    let b1 = 0;
    let j = i + 2;
    for (; j + 1 < n; j += 2) {
      const e00 = Math.exp(-0.5 * r2(i, j));
      const e01 = Math.exp(-0.5 * r2(i, j + 1));
      const e10 = Math.exp(-0.5 * r2(i + 1, j));
      const e11 = Math.exp(-0.5 * r2(i + 1, j + 1));
      a0 += e00;
      b0 += e01;
      a1 += e10;
      b1 += e11;
      sums[j] += e00 + e10;
      sums[j + 1] += e01 + e11;
    }
    let t0 = 0;
    let t1 = 0;
    if (j < n) {
      t0 = Math.exp(-0.5 * r2(i, j));
      t1 = Math.exp(-0.5 * r2(i + 1, j));
      sums[j] += t0 + t1;
    }
    sums[i] += a0 + b0 + (eii + t0);
    sums[i + 1] += a1 + b1 + (eii + t1);
  }
}
