// Renumbering of label codes to the codes that occur. Twin: src/backend/js/compact.ts.

/**
 * Renumbers the n codes in [0, k) at codes in place, in order of first appearance, so that
 * only used codes remain; map is scratch (k ints). Returns the new number of codes.
 */
export function compactCodes(codes: usize, n: i32, k: i32, map: usize): i32 {
  memory.fill(map, 0xff, <usize>k << 2);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const p = codes + (<usize>i << 2);
    const q = map + (<usize>load<i32>(p) << 2);
    let m = load<i32>(q);
    if (m < 0) {
      m = next++;
      store<i32>(q, m);
    }
    store<i32>(p, m);
  }
  return next;
}
