// The fixed split of the KDE kernel sums into blocks of rows, and their merge. The blocks
// depend on n only, and are added in block order, so the sums have the same bits whether
// one thread computes every block or the pool's workers share them.

/** Number of row blocks of the kernel sums (whatever the number of workers). */
export const KDE_BLOCKS = 16;

/**
 * Boundaries 0 = b_0 ≤ b_1 ≤ … ≤ b_B = n of the row blocks, each even but the last: block k
 * holds rows [b_k, b_{k+1}). Row i pairs with the n − 1 − i rows after it, so the boundaries
 * are at n·(1 − √(1 − k/B)), which gives every block about the same number of pairs.
 */
export function kdeBlockBounds(n: number): number[] {
  const b = [0];
  for (let k = 1; k < KDE_BLOCKS; k++) {
    const at = 2 * Math.round((n * (1 - Math.sqrt(1 - k / KDE_BLOCKS))) / 2);
    b.push(Math.min(Math.max(at, b[k - 1]), n));
  }
  b.push(n);
  return b;
}

/** sums[i] = (1, or 0 when leaving one out) + Σ_k parts[k][i], the blocks added in order. */
export function mergeKdeBlocks(parts: readonly Float64Array[], n: number, leaveOneOut: boolean): Float64Array {
  const sums = new Float64Array(n).fill(leaveOneOut ? 0 : 1);
  for (const p of parts) for (let i = 0; i < n; i++) sums[i] += p[i];
  return sums;
}
