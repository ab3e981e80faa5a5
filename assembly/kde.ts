// Gaussian-kernel sums for KDE (scipy.stats.gaussian_kde evaluated at its own samples).
// Twin: src/backend/js/kde.ts. The points arrive whitened (so the kernel is exp(−½‖Δ‖²))
// and column-major, so that two consecutive samples of one coordinate fill a v128.

const LOG2E: f64 = 1.4426950408889634;
// ln 2 split so that k·LN2_HI is exact for |k| < 2^20 (fdlibm's split)
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
// exp(x) for x below this is taken as 0 (e^−708 ≈ 3e−308, the edge of the normal range)
const UNDER: f64 = -708.0;

/**
 * e^x in both lanes for x ≤ 0: x = k ln 2 + r with |r| ≤ ½ ln 2; e^r = (e^(r/8))^8 with
 * e^(r/8) from its Taylor series to degree 7 (|r/8| ≤ 0.0434: truncation below 4e−16), then
 * 2^k put into the exponent bits. Lanes below UNDER give 0. Within a few ulps of Math.exp
 * (the three squarings multiply the rounding error by 8).
 */
// @ts-ignore: decorator
@inline function expv(x: v128): v128 {
  const k = f64x2.nearest(f64x2.mul(x, f64x2.splat(LOG2E)));
  let r = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI)));
  r = f64x2.mul(f64x2.sub(r, f64x2.mul(k, f64x2.splat(LN2_LO))), f64x2.splat(0.125));
  let p = f64x2.splat(1.984126984126984e-4); // 1/7!
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.388888888888889e-3));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(8.333333333333333e-3));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(4.1666666666666664e-2));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.6666666666666666e-1));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(0.5));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0));
  p = f64x2.mul(p, p);
  p = f64x2.mul(p, p);
  p = f64x2.mul(p, p);
  const ki = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
  const scaled = i64x2.add(p, i64x2.shl(ki, 52));
  return v128.and(scaled, f64x2.ge(x, f64x2.splat(UNDER)));
}

/**
 * One block of rows of the Gaussian-kernel sums: for the rows i in [from, to) (from even; to
 * even or n), each pair {i, j} with j > i adds exp(−½‖p_i − p_j‖²) to sums[i] and sums[j], for
 * n points of d coordinates stored column-major at cols (coordinate c of point j at
 * cols + (c·n + j)·8). sums (n f64) is zeroed first. The caller adds the blocks in a fixed
 * order, plus 1 for each point's own kernel unless leaving one out, so that any split of the
 * blocks over workers gives the same bits. Rows go two at a time and columns two at a time
 * (one v128), so each loaded pair of points serves two rows and each exponential call does two
 * kernels. Cost O((to − from)·n·d).
 */
export function kdeBlock(cols: usize, n: i32, d: i32, from: i32, to: i32, sums: usize): void {
  memory.fill(sums, 0, <usize>n << 3);
  const stride = <usize>n << 3;
  const half = f64x2.splat(-0.5);
  for (let i = from; i < to && i + 1 < n; i += 2) {
    const oi = <usize>i << 3;
    let r2 = 0.0;
    for (let c = 0; c < d; c++) {
      const base = cols + <usize>c * stride + oi;
      const t = load<f64>(base) - load<f64>(base, 8);
      r2 += t * t;
    }
    const eii = Math.exp(-0.5 * r2);
    let acc0 = f64x2.splat(0);
    let acc1 = f64x2.splat(0);
    let j = i + 2;
    for (; j + 1 < n; j += 2) {
      const oj = <usize>j << 3;
      let q0 = f64x2.splat(0);
      let q1 = f64x2.splat(0);
      for (let c = 0; c < d; c++) {
        const base = cols + <usize>c * stride;
        const v = v128.load(base + oj);
        const a0 = f64x2.sub(v, f64x2.splat(load<f64>(base + oi)));
        const a1 = f64x2.sub(v, f64x2.splat(load<f64>(base + oi, 8)));
        q0 = f64x2.add(q0, f64x2.mul(a0, a0));
        q1 = f64x2.add(q1, f64x2.mul(a1, a1));
      }
      const e0 = expv(f64x2.mul(q0, half));
      const e1 = expv(f64x2.mul(q1, half));
      acc0 = f64x2.add(acc0, e0);
      acc1 = f64x2.add(acc1, e1);
      const sp = sums + oj;
      v128.store(sp, f64x2.add(v128.load(sp), f64x2.add(e0, e1)));
    }
    let t0 = 0.0;
    let t1 = 0.0;
    if (j < n) {
      const oj = <usize>j << 3;
      let s0 = 0.0;
      let s1 = 0.0;
      for (let c = 0; c < d; c++) {
        const base = cols + <usize>c * stride;
        const v = load<f64>(base + oj);
        const a0 = v - load<f64>(base + oi);
        const a1 = v - load<f64>(base + oi, 8);
        s0 += a0 * a0;
        s1 += a1 * a1;
      }
      t0 = Math.exp(-0.5 * s0);
      t1 = Math.exp(-0.5 * s1);
      store<f64>(sums + oj, load<f64>(sums + oj) + (t0 + t1));
    }
    const si = sums + oi;
    store<f64>(si, load<f64>(si) + ((f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1)) + (eii + t0)));
    store<f64>(si, load<f64>(si, 8) + ((f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1)) + (eii + t1)), 8);
  }
}
