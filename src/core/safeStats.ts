// Column summaries that neither overflow nor underflow at any finite magnitude: values are
// divided by the column's largest |x| before they are summed or squared, so a column near
// ±1.8e308 (whose squares, even whose sum, overflow) or near 1e-160 (whose squares
// underflow to 0) keeps its spread. Two passes: the mean, then the squared deviations.

/** The largest |v| over n values read at offset, offset + stride, …; 0 for an all-zero column. */
export function maxAbs(data: ArrayLike<number>, n: number, stride = 1, offset = 0): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(data[offset + i * stride]);
    if (a > m) m = a;
  }
  return m;
}

/** Mean, population std and mean |v| of a strided column, each finite for any finite values. */
export function safeMoments(
  data: ArrayLike<number>,
  n: number,
  stride = 1,
  offset = 0,
): { max: number; mean: number; std: number; meanAbs: number } {
  const max = maxAbs(data, n, stride, offset);
  if (max === 0) return { max, mean: 0, std: 0, meanAbs: 0 };
  let s = 0;
  let sa = 0;
  for (let i = 0; i < n; i++) {
    const u = data[offset + i * stride] / max;
    s += u;
    sa += Math.abs(u);
  }
  const mu = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const z = data[offset + i * stride] / max - mu;
    ss += z * z;
  }
  return { max, mean: mu * max, std: Math.sqrt(ss / n) * max, meanAbs: (sa / n) * max };
}

/** Whether npStd/npSum on values of this magnitude can neither overflow nor lose the squares to underflow. */
export function plainArithmeticSafe(max: number): boolean {
  return max === 0 || (max < 2 ** 500 && max > 2 ** -500);
}
