// The "hashtable" encoding shared by hashes, sets and sorted sets' member
// index: latin1 keys with optional values. Up to SMALL entries it is one or
// two exact-size arrays searched linearly (millions of 5-member sets cost a
// fraction of a hash table each); past that a Dict (keyspace/dict.ts: chained,
// paged, no 2^24 cap, Redis's SCAN cursor, O(1) random entry). Entry handles
// (find, randomEntry) are array indexes or Dict entries, valid until the next write.

import { Dict } from '../keyspace/dict.js';

/** Entries up to which the table stays two flat arrays. */
const SMALL = 8;
/** A Dict shrunk to this many entries goes back to the arrays. */
const UNSMALL = SMALL / 2;

export class StrTable<V = undefined> {
  /** Small mode: keys (no holes), or null once big. */
  private ks: string[] | null = [];
  /** Small mode values parallel to ks (null for sets, and once big). */
  private vs: V[] | null;
  private big: Dict<V> | null = null;

  constructor(withValues: boolean) {
    this.vs = withValues ? [] : null;
  }

  get size(): number {
    return this.ks !== null ? this.ks.length : this.big!.size;
  }

  private get withValues(): boolean {
    return this.ks !== null ? this.vs !== null : this.big!.hasValues;
  }

  /** Entry handle of `key`, or -1. */
  find(key: string): number {
    return this.ks !== null ? this.ks.indexOf(key) : this.big!.find(key);
  }

  has(key: string): boolean {
    return this.find(key) !== -1;
  }

  get(key: string): V | undefined {
    const e = this.find(key);
    return e === -1 ? undefined : this.valueAt(e);
  }

  keyAt(e: number): string {
    return this.ks !== null ? this.ks[e]! : this.big!.keyAt(e);
  }

  valueAt(e: number): V {
    if (this.ks !== null) return this.vs === null ? (undefined as V) : this.vs[e]!;
    return this.big!.hasValues ? this.big!.valueAt(e) : (undefined as V);
  }

  setValueAt(e: number, value: V): void {
    if (this.ks !== null) this.vs![e] = value;
    else this.big!.setValueAt(e, value);
  }

  /** Inserts or updates; returns true when `key` is new. */
  set(key: string, value: V): boolean {
    const e = this.find(key);
    if (e !== -1) {
      if (this.withValues) this.setValueAt(e, value);
      return false;
    }
    this.insertNew(key, value);
    return true;
  }

  /** Inserts a key known to be absent. */
  insertNew(key: string, value: V): void {
    const ks = this.ks;
    if (ks === null) {
      this.big!.insertNew(key, value);
      return;
    }
    if (ks.length < SMALL) {
      // concat allocates exactly the needed capacity (push would reserve 17 slots).
      this.ks = ks.concat(key);
      if (this.vs !== null) this.vs = this.vs.concat([value]);
      return;
    }
    // Freed number slots hold 0 (not undefined), so a score column stays unboxed doubles.
    const empty = (typeof value === 'number' ? 0 : undefined) as V;
    const big = new Dict<V>(empty, { values: this.vs !== null, smallStart: true, expected: ks.length + 1 });
    for (let i = 0; i < ks.length; i++) big.insertNew(ks[i]!, this.vs === null ? (undefined as V) : this.vs[i]!);
    big.insertNew(key, value);
    this.big = big;
    this.ks = null;
    this.vs = null;
  }

  /** Removes `key`; returns whether it was there. */
  delete(key: string): boolean {
    const ks = this.ks;
    if (ks === null) {
      const big = this.big!;
      if (!big.delete(key)) return false;
      if (big.size <= UNSMALL) this.toSmall(big);
      return true;
    }
    const i = ks.indexOf(key);
    if (i === -1) return false;
    // Order is not part of the encoding's contract: move the last entry into the hole.
    const last = ks.length - 1;
    ks[i] = ks[last]!;
    ks.pop();
    if (this.vs !== null) {
      this.vs[i] = this.vs[last]!;
      this.vs.pop();
    }
    return true;
  }

  private toSmall(big: Dict<V>): void {
    const ks: string[] = [];
    const vs: V[] | null = big.hasValues ? [] : null;
    big.forEach((e) => {
      ks.push(big.keyAt(e));
      vs?.push(big.valueAt(e));
    });
    this.ks = ks;
    this.vs = vs;
    this.big = null;
  }

  /** A random entry handle (the table must not be empty): O(1). */
  randomEntry(random: () => number): number {
    return this.ks !== null ? Math.floor(random() * this.ks.length) : this.big!.randomEntry(random);
  }

  /**
   * One SCAN call, as Redis's scanGenericCommand over a dict: steps of the
   * reverse-binary cursor until `count` entries were seen, at most
   * `maxSteps` steps, or the end (cursor 0). Small mode returns everything.
   */
  scan(cursor: number, count: number, maxSteps: number, visit: (key: string, value: V) => void): number {
    if (this.ks !== null) {
      this.forEach(visit);
      return 0;
    }
    const big = this.big!;
    const found: number[] = [];
    do {
      cursor = big.scanStep(cursor, found);
    } while (cursor !== 0 && maxSteps-- !== 0 && found.length < count);
    if (big.hasValues) for (const e of found) visit(big.keyAt(e), big.valueAt(e));
    else for (const e of found) visit(big.keyAt(e), undefined as V);
    return cursor;
  }

  /** One dictScan step (ZSCAN drives its own loop); small mode returns everything. */
  scanStep(cursor: number, visit: (key: string, value: V) => void): number {
    return this.scan(cursor, 0, 0, visit);
  }

  /** Every entry (no modification during the walk). */
  forEach(visit: (key: string, value: V) => void): void {
    const ks = this.ks;
    if (ks !== null) {
      const vs = this.vs;
      for (let i = 0; i < ks.length; i++) visit(ks[i]!, vs === null ? (undefined as V) : vs[i]!);
      return;
    }
    const big = this.big!;
    if (big.hasValues) big.forEach((e) => visit(big.keyAt(e), big.valueAt(e)));
    else big.forEach((e) => visit(big.keyAt(e), undefined as V));
  }
}
