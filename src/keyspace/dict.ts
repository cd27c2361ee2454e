// A chained hash table for latin1-string keys, shaped like Redis's dict:
// power-of-two bucket tables with incremental rehashing, SCAN with a
// reverse-binary cursor (every key present for a whole scan is returned, even
// across resizes), and O(1) random sampling. A JS Map tops out at 2^24
// entries; this table's entries live in fixed-size pages, so it holds as many
// keys as memory allows and never copies them when it grows.
//
// Entry i lives at page i >>> PAGE_BITS, slot i & PAGE_MASK. Each entry has a
// key, a value (unless the table is a set), its 32-bit hash, the next entry in
// its bucket's chain, and an optional 32-bit "lru" word (last-access clock for
// OBJECT IDLETIME). The keyspace's tables start with a whole page; the tables
// of large hashes, sets and sorted sets start small (the first page grows by
// doubling), so a 200-member set does not pay for 16 K slots.

const PAGE_BITS = 14;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
const MIN_BUCKETS = 4;
/** Buckets moved per write while a rehash is in progress (Redis moves 1). */
const REHASH_STEP = 4;

const HASH_SEED = (Math.random() * 0x100000000) >>> 0;

/** Seeded FNV-1a over char codes with a murmur3 finaliser, so low bits are well mixed. */
export function hashKey(key: string): number {
  let h = HASH_SEED ^ 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

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

export interface DictOptions {
  /** Keep a 32-bit access word per entry (the keyspace's OBJECT IDLETIME). */
  trackLru?: boolean;
  /** false for sets: no value column. */
  values?: boolean;
  /** Grow the first page by doubling instead of allocating it whole (collection tables). */
  smallStart?: boolean;
  /** Entries expected soon: the first bucket table is sized for them. */
  expected?: number;
}

export class Dict<V> {
  private keyPages: (string | undefined)[][] = [];
  /** null for sets (no values). */
  private valuePages: V[][] | null;
  private hashPages: Uint32Array[] = [];
  private nextPages: Int32Array[] = [];
  private lruPages: Uint32Array[] = [];
  /** Entry slots handed out so far (free ones are chained through `next`). */
  private highWater = 0;
  private freeList = -1;
  private count = 0;
  /** With smallStart: capacity of page 0 while it is still growing (< PAGE_SIZE). */
  private cap0 = 0;
  private readonly trackLru: boolean;
  private readonly smallStart: boolean;

  /** Bucket tables: t0 is the live one; t1 exists only while rehashing into it. */
  private t0: Int32Array;
  private t1: Int32Array | null = null;
  /** Buckets of t0 below this index have been moved to t1. */
  private rehashIndex = 0;
  /**
   * While above 0, every entry keeps its index and freed slots are not
   * reused (no compaction, no reset when emptied): an RDB snapshot walks the
   * entries by index and must meet each old key exactly once and no new one.
   */
  pinned = 0;

  /**
   * @param empty value written into freed slots (undefined for objects, 0 for
   *   numbers, so number pages stay unboxed doubles)
   */
  constructor(private readonly empty: V, options: DictOptions = {}) {
    this.trackLru = options.trackLru === true;
    this.smallStart = options.smallStart === true;
    this.valuePages = options.values === false ? null : [];
    this.t0 = newHeads(bucketsFor(options.expected ?? 0));
  }

  get size(): number {
    return this.count;
  }

  /** Entry slots handed out so far: every entry index is below this. */
  get slotCount(): number {
    return this.highWater;
  }

  /** Whether slot `e` (below slotCount) holds an entry. */
  isLive(e: number): boolean {
    return this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK] !== undefined;
  }

  /** false for a set (no values). */
  get hasValues(): boolean {
    return this.valuePages !== null;
  }

  get isRehashing(): boolean {
    return this.t1 !== null;
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

  get(key: string): V | undefined {
    const e = this.find(key);
    return e === -1 ? undefined : this.valuePages![e >>> PAGE_BITS]![e & PAGE_MASK];
  }

  has(key: string): boolean {
    return this.find(key) !== -1;
  }

  keyAt(e: number): string {
    return this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK]!;
  }

  valueAt(e: number): V {
    return this.valuePages![e >>> PAGE_BITS]![e & PAGE_MASK]!;
  }

  setValueAt(e: number, value: V): void {
    this.valuePages![e >>> PAGE_BITS]![e & PAGE_MASK] = value;
  }

  lruAt(e: number): number {
    return this.trackLru ? this.lruPages[e >>> PAGE_BITS]![e & PAGE_MASK]! : 0;
  }

  setLruAt(e: number, word: number): void {
    if (this.trackLru) this.lruPages[e >>> PAGE_BITS]![e & PAGE_MASK] = word;
  }

  /** Inserts or replaces; returns the entry index. */
  set(key: string, value: V): number {
    const existing = this.find(key);
    if (existing !== -1) {
      this.setValueAt(existing, value);
      return existing;
    }
    return this.insertNew(key, value);
  }

  /** Inserts a key known to be absent; returns the entry index. */
  insertNew(key: string, value: V): number {
    if (this.t1 !== null) this.rehashStep(REHASH_STEP);
    else if (this.count >= this.t0.length) this.startRehash(this.t0.length * 2);
    const h = hashKey(key);
    const e = this.allocEntry();
    const page = e >>> PAGE_BITS;
    const slot = e & PAGE_MASK;
    this.keyPages[page]![slot] = key;
    if (this.valuePages !== null) this.valuePages[page]![slot] = value;
    this.hashPages[page]![slot] = h;
    // The table find() will look in: t1 only once this hash's t0 bucket has been moved.
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

  clear(): void {
    this.keyPages = [];
    if (this.valuePages !== null) this.valuePages = [];
    this.cap0 = 0;
    this.hashPages = [];
    this.nextPages = [];
    this.lruPages = [];
    this.highWater = 0;
    this.freeList = -1;
    this.count = 0;
    this.t0 = newHeads(MIN_BUCKETS);
    this.t1 = null;
    this.rehashIndex = 0;
  }

  /** A random entry index, or -1 when empty. O(1) expected while the table is dense. */
  randomEntry(random: () => number = Math.random): number {
    if (this.count === 0) return -1;
    // Dense case: pick a random slot, retry on free ones.
    if (this.count * 2 >= this.highWater) {
      for (let tries = 0; tries < 64; tries++) {
        const e = Math.floor(random() * this.highWater);
        if (this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK] !== undefined) return e;
      }
    }
    // Sparse case (after mass deletion): as Redis's dictGetRandomKey, random
    // buckets until a non-empty one, then a random element of its chain.
    // (Walking to the next non-empty bucket instead would favour keys after
    // long empty runs.) The table keeps at least 10% of its buckets used, so
    // this ends quickly; the bounded walk below only guards against bad luck.
    for (let tries = 0; tries < 1000; tries++) {
      const table = this.t1 !== null && random() < 0.5 ? this.t1 : this.t0;
      const b = Math.floor(random() * table.length);
      if (table === this.t0 && this.t1 !== null && b < this.rehashIndex) continue;
      const e = table[b]!;
      if (e !== -1) return this.randomInChain(e, random);
    }
    for (let e = 0; e < this.highWater; e++) {
      if (this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK] !== undefined) return e;
    }
    return -1;
  }

  private randomInChain(head: number, random: () => number): number {
    let len = 0;
    for (let x = head; x !== -1; x = this.nextOf(x)) len++;
    let e = head;
    for (let skip = Math.floor(random() * len); skip > 0; skip--) e = this.nextOf(e);
    return e;
  }

  /**
   * One SCAN step from `cursor`: calls `visit` with the key of every entry of
   * the buckets it covers and returns the next cursor (0 when the scan is complete).
   * Redis's dictScan algorithm: the cursor's bits are incremented from the
   * top, so buckets already visited stay visited when the table grows or shrinks.
   */
  /**
   * One SCAN step that pushes entry indexes instead of visiting keys (HSCAN,
   * SSCAN, ZSCAN read values too); the entries are valid until the next write.
   */
  scanStep(cursor: number, found: number[]): number {
    if (this.count === 0) return 0;
    return this.scanCollect(cursor >>> 0, found);
  }

  scan(cursor: number, visit: (key: string) => void): number {
    if (this.count === 0) return 0;
    // Collect first, visit after: `visit` may delete entries (SCAN meeting
    // expired keys), and a delete may rehash or compact under our feet.
    const found: number[] = [];
    const next = this.scanCollect(cursor >>> 0, found);
    const keys = found.map((e) => this.keyAt(e));
    for (const k of keys) visit(k);
    return next;
  }

  private scanCollect(v: number, found: number[]): number {
    if (this.t1 === null) {
      const m0 = this.t0.length - 1;
      this.collectChain(this.t0[v & m0]!, found);
      v = (v | ~m0) >>> 0;
      v = reverseBits((reverseBits(v) + 1) >>> 0);
      return v;
    }
    // Rehashing: t0's unmoved buckets and t1 hold the entries. Visit the bucket
    // in the smaller table, then every bucket of the larger that expands it.
    const small = this.t0.length <= this.t1.length ? this.t0 : this.t1;
    const large = small === this.t0 ? this.t1 : this.t0;
    const m0 = small.length - 1;
    const m1 = large.length - 1;
    // Moved buckets of t0 are empty (-1), so no special case is needed.
    this.collectChain(small[v & m0]!, found);
    do {
      this.collectChain(large[v & m1]!, found);
      v = (v | ~m1) >>> 0;
      v = reverseBits((reverseBits(v) + 1) >>> 0);
    } while ((v & (m0 ^ m1)) !== 0);
    return v;
  }

  /** Visits every entry (no modification allowed during the walk). */
  forEach(visit: (entry: number) => void): void {
    for (let e = 0; e < this.highWater; e++) {
      if (this.keyPages[e >>> PAGE_BITS]![e & PAGE_MASK] !== undefined) visit(e);
    }
  }

  /** Snapshot of all keys. */
  keys(): string[] {
    const out: string[] = [];
    this.forEach((e) => out.push(this.keyAt(e)));
    return out;
  }

  /** Moves up to `buckets` buckets of an ongoing rehash; returns true if one remains. */
  rehashStep(buckets: number): boolean {
    const t1 = this.t1;
    if (t1 === null) return false;
    const t0 = this.t0;
    const m1 = t1.length - 1;
    let emptyVisits = buckets * 10; // as Redis: bound the empty buckets visited per step
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
      return false;
    }
    return true;
  }

  /** Rehashes for about `ms` milliseconds (the server's cron calls this, as Redis's activerehashing). */
  rehashFor(ms: number): void {
    if (this.t1 === null) return;
    const deadline = performance.now() + ms;
    while (this.rehashStep(100) && performance.now() < deadline);
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

  private startRehash(buckets: number): void {
    if (this.t1 !== null) return;
    this.t1 = newHeads(buckets);
    this.rehashIndex = 0;
  }

  private maybeShrink(): void {
    if (this.pinned > 0) return;
    if (this.count === 0) {
      this.clear();
      return;
    }
    if (this.t1 !== null) return;
    // Give entry pages back once 63 of every 64 slots are free:
    // compaction is one synchronous pass, so it waits until few entries
    // remain to be moved (a table emptied entirely is simply cleared).
    if (this.highWater > PAGE_SIZE && this.count * 64 < this.highWater) this.compactEntries();
    // As Redis's htNeedsResize: shrink the bucket table when less than 10% full.
    if (this.t0.length <= MIN_BUCKETS) return;
    if (this.count * 10 < this.t0.length) {
      const size = bucketsFor(this.count);
      if (size < this.t0.length) this.startRehash(size);
    }
  }

  /**
   * Moves live entries into fresh, dense pages and drops the old ones. Bucket
   * positions depend only on hashes, so SCAN cursors stay valid.
   */
  private compactEntries(): void {
    const old = { keys: this.keyPages, values: this.valuePages, hashes: this.hashPages, lru: this.lruPages };
    const oldHigh = this.highWater;
    this.keyPages = [];
    if (this.valuePages !== null) this.valuePages = [];
    this.hashPages = [];
    this.nextPages = [];
    this.lruPages = [];
    this.cap0 = 0;
    this.highWater = 0;
    this.freeList = -1;
    this.t0.fill(-1);
    const mask = this.t0.length - 1;
    for (let e = 0; e < oldHigh; e++) {
      const page = e >>> PAGE_BITS;
      const slot = e & PAGE_MASK;
      const key = old.keys[page]![slot];
      if (key === undefined) continue;
      const n = this.allocEntry();
      const np = n >>> PAGE_BITS;
      const ns = n & PAGE_MASK;
      const h = old.hashes[page]![slot]!;
      this.keyPages[np]![ns] = key;
      if (old.values !== null) this.valuePages![np]![ns] = old.values[page]![slot]!;
      this.hashPages[np]![ns] = h;
      if (this.trackLru) this.lruPages[np]![ns] = old.lru[page]![slot]!;
      this.nextPages[np]![ns] = this.t0[h & mask]!;
      this.t0[h & mask] = n;
    }
  }

  private allocEntry(): number {
    if (this.freeList !== -1 && this.pinned === 0) {
      const e = this.freeList;
      this.freeList = this.nextOf(e);
      return e;
    }
    const e = this.highWater++;
    if (this.smallStart && e < PAGE_SIZE) {
      // Page 0 grows by doubling; its JS arrays grow as they are appended to.
      if (e === 0) {
        this.cap0 = 16;
        this.keyPages.push([]);
        this.valuePages?.push([]);
        this.hashPages.push(new Uint32Array(this.cap0));
        this.nextPages.push(new Int32Array(this.cap0));
        if (this.trackLru) this.lruPages.push(new Uint32Array(this.cap0));
      } else if (e === this.cap0) {
        this.cap0 = Math.min(PAGE_SIZE, this.cap0 * 2);
        this.hashPages[0] = grown(this.hashPages[0]!, this.cap0);
        this.nextPages[0] = grown(this.nextPages[0]!, this.cap0);
        if (this.trackLru) this.lruPages[0] = grown(this.lruPages[0]!, this.cap0);
      }
    } else if ((e & PAGE_MASK) === 0) {
      this.keyPages.push(new Array<string | undefined>(PAGE_SIZE).fill(undefined));
      this.valuePages?.push(new Array<V>(PAGE_SIZE).fill(this.empty));
      this.hashPages.push(new Uint32Array(PAGE_SIZE));
      this.nextPages.push(new Int32Array(PAGE_SIZE));
      if (this.trackLru) this.lruPages.push(new Uint32Array(PAGE_SIZE));
    }
    return e;
  }

  private freeEntry(e: number): void {
    const page = e >>> PAGE_BITS;
    const slot = e & PAGE_MASK;
    this.keyPages[page]![slot] = undefined;
    if (this.valuePages !== null) this.valuePages[page]![slot] = this.empty;
    this.nextPages[page]![slot] = this.freeList;
    this.freeList = e;
  }
}
