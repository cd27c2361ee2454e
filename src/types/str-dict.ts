// The big mode of a collection's "hashtable" (StrTable): a chained hash table
// for latin1 keys with optional values, shaped like keyspace/dict.ts (power-of-
// two bucket tables, incremental rehash, reverse-binary SCAN cursor, O(1)
// random entry) but sized for values: the first entry page grows by doubling,
// so a 200-member set does not pay for a 16 K-entry page, and sets store no
// value column. Entries live in pages, so size is not capped at 2^24 (a Map's).

import { hashKey } from '../keyspace/dict.js';

const PAGE_BITS = 14;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
const MIN_BUCKETS = 4;
/** Buckets moved per write while a rehash is in progress. */
const REHASH_STEP = 4;

function reverseBits(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) >>> 0;
}

function newHeads(size: number): Int32Array {
  return new Int32Array(size).fill(-1);
}

function grown<T extends Int32Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Smallest power of two bucket count (>= MIN_BUCKETS) holding `n` entries at load factor 1. */
function bucketsFor(n: number): number {
  let size = MIN_BUCKETS;
  while (size < n) size *= 2;
  return size;
}

export class StrDict<V> {
  private keyPages: (string | undefined)[][] = [];
  /** null for sets (no values). */
  private valPages: V[][] | null;
  private hashPages: Uint32Array[] = [];
  private nextPages: Int32Array[] = [];
  /** Capacity of page 0 while it is still growing (< PAGE_SIZE). */
  private cap0 = 0;
  private highWater = 0;
  private freeList = -1;
  private count = 0;
  private t0: Int32Array;
  private t1: Int32Array | null = null;
  private rehashIndex = 0;

  constructor(withValues: boolean, expected = 0) {
    this.valPages = withValues ? [] : null;
    this.t0 = newHeads(bucketsFor(expected));
  }

  get size(): number {
    return this.count;
  }

  get hasValues(): boolean {
    return this.valPages !== null;
  }

  /** Index of `key`'s entry, or -1. */
  find(key: string): number {
    if (this.count === 0) return -1;
    const h = hashKey(key);
    let e = this.headFor(h);
    while (e !== -1) {
      const page = e >>> PAGE_BITS;
      const slot = e & PAGE_MASK;
      if (this.hashPages[page]![slot] === h && this.keyPages[page]![slot] === key) return e;
      e = this.nextPages[page]![slot]!;
    }
    return -1;
  }

  keyAt(e: number): string {
    return this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK]!;
  }

  valueAt(e: number): V {
    return this.valPages![e >>> PAGE_BITS]![e & PAGE_MASK]!;
  }

  setValueAt(e: number, value: V): void {
    this.valPages![e >>> PAGE_BITS]![e & PAGE_MASK] = value;
  }

  /** Inserts a key known to be absent; returns its entry index. */
  insertNew(key: string, value: V): number {
    if (this.t1 !== null) this.rehashStep(REHASH_STEP);
    else if (this.count >= this.t0.length) this.t1 = newHeads(this.t0.length * 2);
    const h = hashKey(key);
    const e = this.allocEntry();
    const page = e >>> PAGE_BITS;
    const slot = e & PAGE_MASK;
    this.keyPages[page]![slot] = key;
    if (this.valPages !== null) this.valPages[page]![slot] = value;
    this.hashPages[page]![slot] = h;
    // The table find() will look in: t1 once this hash's t0 bucket has been moved.
    const table = this.tableFor(h);
    const b = h & (table.length - 1);
    this.nextPages[page]![slot] = table[b]!;
    table[b] = e;
    this.count++;
    return e;
  }

  /** Removes `key`; returns whether it was there. */
  delete(key: string): boolean {
    if (this.count === 0) return false;
    if (this.t1 !== null) this.rehashStep(REHASH_STEP);
    const h = hashKey(key);
    const table = this.tableFor(h);
    const b = h & (table.length - 1);
    let prev = -1;
    let e = table[b]!;
    while (e !== -1) {
      const page = e >>> PAGE_BITS;
      const slot = e & PAGE_MASK;
      const next = this.nextPages[page]![slot]!;
      if (this.hashPages[page]![slot] === h && this.keyPages[page]![slot] === key) {
        if (prev === -1) table[b] = next;
        else this.nextPages[prev >>> PAGE_BITS]![prev & PAGE_MASK] = next;
        this.freeEntry(e);
        this.count--;
        this.maybeShrink();
        return true;
      }
      prev = e;
      e = next;
    }
    return false;
  }

  /** A uniformly random entry while the slots are dense, else Redis's bucket sampling; -1 when empty. */
  randomEntry(random: () => number): number {
    if (this.count === 0) return -1;
    if (this.count * 2 >= this.highWater) {
      for (let tries = 0; tries < 64; tries++) {
        const e = Math.floor(random() * this.highWater);
        if (this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK] !== undefined) return e;
      }
    }
    // Sparse (after many deletions): random buckets until a non-empty one, then
    // a random element of its chain, as dictGetRandomKey. Buckets stay >= 10% used.
    for (let tries = 0; tries < 1000; tries++) {
      const table = this.t1 !== null && random() < 0.5 ? this.t1 : this.t0;
      const b = Math.floor(random() * table.length);
      if (table === this.t0 && this.t1 !== null && b < this.rehashIndex) continue;
      const head = table[b]!;
      if (head === -1) continue;
      let len = 0;
      for (let x = head; x !== -1; x = this.nextOf(x)) len++;
      let e = head;
      for (let skip = Math.floor(random() * len); skip > 0; skip--) e = this.nextOf(e);
      return e;
    }
    for (let e = 0; e < this.highWater; e++) if (this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK] !== undefined) return e;
    return -1;
  }

  /**
   * One dictScan step from `cursor`: pushes the entry index of every element
   * of the buckets it covers into `found` and returns the next cursor (0 at
   * the end). The cursor's bits are incremented from the top, so buckets
   * already visited stay visited when the table grows or shrinks between steps.
   */
  scanStep(cursor: number, found: number[]): number {
    if (this.count === 0) return 0;
    let v = cursor >>> 0;
    if (this.t1 === null) {
      const m0 = this.t0.length - 1;
      this.collectChain(this.t0[v & m0]!, found);
      v = (v | ~m0) >>> 0;
      return reverseBits((reverseBits(v) + 1) >>> 0);
    }
    // Rehashing: visit the bucket in the smaller table, then every bucket of the
    // larger that expands it (moved buckets of t0 are empty, so need no care).
    const small = this.t0.length <= this.t1.length ? this.t0 : this.t1;
    const large = small === this.t0 ? this.t1 : this.t0;
    const m0 = small.length - 1;
    const m1 = large.length - 1;
    this.collectChain(small[v & m0]!, found);
    do {
      this.collectChain(large[v & m1]!, found);
      v = (v | ~m1) >>> 0;
      v = reverseBits((reverseBits(v) + 1) >>> 0);
    } while ((v & (m0 ^ m1)) !== 0);
    return v;
  }

  /** Visits every entry index in slot order (no modification during the walk). */
  forEach(visit: (e: number) => void): void {
    for (let e = 0; e < this.highWater; e++) {
      if (this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK] !== undefined) visit(e);
    }
  }

  private rehashStep(buckets: number): void {
    const t1 = this.t1;
    if (t1 === null) return;
    const t0 = this.t0;
    const m1 = t1.length - 1;
    let emptyVisits = buckets * 10;
    while (buckets > 0 && this.rehashIndex < t0.length) {
      let e = t0[this.rehashIndex]!;
      if (e === -1) {
        this.rehashIndex++;
        if (--emptyVisits === 0) break;
        continue;
      }
      while (e !== -1) {
        const page = e >>> PAGE_BITS;
        const slot = e & PAGE_MASK;
        const next = this.nextPages[page]![slot]!;
        const b = this.hashPages[page]![slot]! & m1;
        this.nextPages[page]![slot] = t1[b]!;
        t1[b] = e;
        e = next;
      }
      t0[this.rehashIndex] = -1;
      this.rehashIndex++;
      buckets--;
    }
    if (this.rehashIndex >= t0.length) {
      this.t0 = t1;
      this.t1 = null;
      this.rehashIndex = 0;
    }
  }

  private nextOf(e: number): number {
    return this.nextPages[e >>> PAGE_BITS]![e & PAGE_MASK]!;
  }

  private collectChain(e: number, found: number[]): void {
    for (; e !== -1; e = this.nextOf(e)) found.push(e);
  }

  private tableFor(h: number): Int32Array {
    if (this.t1 !== null && (h & (this.t0.length - 1)) < this.rehashIndex) return this.t1;
    return this.t0;
  }

  private headFor(h: number): number {
    const table = this.tableFor(h);
    return table[h & (table.length - 1)]!;
  }

  private maybeShrink(): void {
    if (this.t1 !== null || this.count === 0) return;
    // Give entry pages back once 63 of every 64 slots are free (one synchronous
    // pass, so it waits until few entries remain to be moved).
    if (this.highWater > PAGE_SIZE && this.count * 64 < this.highWater) this.compactEntries();
    // As Redis's htNeedsResize: shrink the bucket table when less than 10% full.
    if (this.t0.length > MIN_BUCKETS && this.count * 10 < this.t0.length) {
      const size = bucketsFor(this.count);
      if (size < this.t0.length) this.t1 = newHeads(size);
    }
  }

  /** Moves live entries into dense pages. Bucket positions depend only on hashes, so SCAN cursors stay valid. */
  private compactEntries(): void {
    const keys = this.keyPages;
    const vals = this.valPages;
    const hashes = this.hashPages;
    const oldHigh = this.highWater;
    this.keyPages = [];
    this.valPages = vals === null ? null : [];
    this.hashPages = [];
    this.nextPages = [];
    this.cap0 = 0;
    this.highWater = 0;
    this.freeList = -1;
    this.t0.fill(-1);
    const mask = this.t0.length - 1;
    for (let e = 0; e < oldHigh; e++) {
      const page = e >>> PAGE_BITS;
      const slot = e & PAGE_MASK;
      const key = keys[page]![slot];
      if (key === undefined) continue;
      const n = this.allocEntry();
      const np = n >>> PAGE_BITS;
      const ns = n & PAGE_MASK;
      const h = hashes[page]![slot]!;
      this.keyPages[np]![ns] = key;
      if (vals !== null) this.valPages![np]![ns] = vals[page]![slot]!;
      this.hashPages[np]![ns] = h;
      this.nextPages[np]![ns] = this.t0[h & mask]!;
      this.t0[h & mask] = n;
    }
  }

  private allocEntry(): number {
    if (this.freeList !== -1) {
      const e = this.freeList;
      this.freeList = this.nextOf(e);
      return e;
    }
    const e = this.highWater++;
    const slot = e & PAGE_MASK;
    if (e < PAGE_SIZE) {
      // Page 0 grows by doubling; its JS arrays grow as they are appended to.
      if (e === 0) {
        this.cap0 = 16;
        this.keyPages.push([]);
        this.valPages?.push([]);
        this.hashPages.push(new Uint32Array(this.cap0));
        this.nextPages.push(new Int32Array(this.cap0));
      } else if (e === this.cap0) {
        this.cap0 = Math.min(PAGE_SIZE, this.cap0 * 2);
        this.hashPages[0] = grown(this.hashPages[0]!, this.cap0);
        this.nextPages[0] = grown(this.nextPages[0]!, this.cap0);
      }
    } else if (slot === 0) {
      this.keyPages.push(new Array<string | undefined>(PAGE_SIZE).fill(undefined));
      // Left holey: number values become unboxed doubles, strings pointers.
      this.valPages?.push(new Array<V>(PAGE_SIZE));
      this.hashPages.push(new Uint32Array(PAGE_SIZE));
      this.nextPages.push(new Int32Array(PAGE_SIZE));
    }
    return e;
  }

  private freeEntry(e: number): void {
    const page = e >>> PAGE_BITS;
    const slot = e & PAGE_MASK;
    this.keyPages[page]![slot] = undefined;
    if (this.valPages !== null) {
      const vals = this.valPages[page]!;
      // Drop the reference; a number column keeps numbers so it stays a double array.
      if (typeof vals[slot] !== 'number') vals[slot] = undefined as V;
    }
    this.nextPages[page]![slot] = this.freeList;
    this.freeList = e;
  }
}
