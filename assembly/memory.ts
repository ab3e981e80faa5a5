// The boundary module places scratch arrays from here upwards and grows memory itself.
export function heapBase(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}
