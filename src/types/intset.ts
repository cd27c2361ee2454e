// Redis's intset: sorted, distinct int64 members in one typed array (binary
// search lookups, O(N) inserts/removes as Redis). `width` gives Redis's
// encoding (2, 4 or 8 bytes), which RDB/DUMP payloads carry.

export class IntSet {
  ints: BigInt64Array;
  length = 0;

  constructor(capacity = 4) {
    this.ints = new BigInt64Array(capacity);
  }

  /** Index of v, or -(insertion point) - 1. */
  search(v: bigint): number {
    let lo = 0;
    let hi = this.length - 1;
    const a = this.ints;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = a[mid]!;
      if (x < v) lo = mid + 1;
      else if (x > v) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  has(v: bigint): boolean {
    return this.search(v) >= 0;
  }

  add(v: bigint): boolean {
    const i = this.search(v);
    if (i >= 0) return false;
    const at = -i - 1;
    if (this.length === this.ints.length) {
      const next = new BigInt64Array(Math.max(4, this.length * 2));
      next.set(this.ints.subarray(0, this.length));
      this.ints = next;
    }
    this.ints.copyWithin(at + 1, at, this.length);
    this.ints[at] = v;
    this.length++;
    return true;
  }

  remove(v: bigint): boolean {
    const i = this.search(v);
    if (i < 0) return false;
    this.ints.copyWithin(i, i + 1, this.length);
    this.length--;
    if (this.length * 4 < this.ints.length && this.ints.length > 8) {
      this.ints = this.ints.slice(0, Math.max(4, this.length * 2));
    }
    return true;
  }

  get(i: number): bigint {
    return this.ints[i]!;
  }

  /** Bytes per member of Redis's encoding for the current members. */
  width(): number {
    if (this.length === 0) return 2;
    const min = this.ints[0]!;
    const max = this.ints[this.length - 1]!;
    if (min >= -32768n && max <= 32767n) return 2;
    if (min >= -2147483648n && max <= 2147483647n) return 4;
    return 8;
  }
}
