// jemalloc's size classes (x86-64), which MEMORY USAGE models to report the
// bytes Redis would hold for an allocation.

/** The size class for an allocation of n bytes: 8, 16-byte steps to 128, then 4 classes per doubling. */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const p = 2 ** Math.floor(Math.log2(n - 1));
  const step = p / 4;
  return Math.ceil(n / step) * step;
}
