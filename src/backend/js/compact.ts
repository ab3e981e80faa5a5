// Pure-TypeScript twin of assembly/compact.ts.

/** Renumbers codes in [0, k) in place, in order of first appearance, so that only used codes remain; returns the new K. */
export function compactCodes(codes: Int32Array, k: number): number {
  const map = new Int32Array(k).fill(-1);
  let next = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    let m = map[c];
    if (m < 0) m = map[c] = next++;
    codes[i] = m;
  }
  return next;
}
