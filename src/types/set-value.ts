// The set type: an intset (sorted int64 members, as Redis 7.0) while every
// member is an integer and there are at most set-max-intset-entries of them,
// otherwise (one-way) a StrTable "hashtable" (no 2^24 cap, Redis's SCAN
// cursor, O(1) random member). Redis 7.0 has no set listpack.

import { string2ll } from '../util/int64.js';
import { IntSet } from './intset.js';
import { StrTable } from './str-table.js';
import type { CollectionValue } from './value.js';

export class SetValue implements CollectionValue {
  readonly type = 'set' as const;
  is: IntSet | null;
  ht: StrTable | null;

  /** setTypeCreate: an intset if the first member to be added is an integer. */
  constructor(intset: boolean) {
    this.is = intset ? new IntSet() : null;
    this.ht = intset ? null : new StrTable(false);
  }

  static forMember(member: string): SetValue {
    return new SetValue(string2ll(member) !== null);
  }

  encoding(): string {
    return this.is !== null ? 'intset' : 'hashtable';
  }

  get size(): number {
    return this.is !== null ? this.is.length : this.ht!.size;
  }

  has(member: string): boolean {
    if (this.is !== null) {
      const v = string2ll(member);
      return v !== null && this.is.has(v);
    }
    return this.ht!.has(member);
  }

  /** setTypeAdd: true if added; converts to hashtable on a non-integer or past maxIntset entries. */
  add(member: string, maxIntset: number): boolean {
    if (this.is !== null) {
      const v = string2ll(member);
      if (v !== null) {
        if (!this.is.add(v)) return false;
        if (this.is.length > maxIntset) this.convert();
        return true;
      }
      this.convert();
    }
    return this.ht!.set(member, undefined);
  }

  remove(member: string): boolean {
    if (this.is !== null) {
      const v = string2ll(member);
      return v !== null && this.is.remove(v);
    }
    return this.ht!.delete(member);
  }

  convert(): void {
    if (this.is === null) return;
    const t = new StrTable(false);
    for (let i = 0; i < this.is.length; i++) t.insertNew(String(this.is.get(i)), undefined);
    this.ht = t;
    this.is = null;
  }

  /** Members in iteration order (sorted for an intset). */
  members(): string[] {
    const out: string[] = [];
    if (this.is !== null) {
      for (let i = 0; i < this.is.length; i++) out.push(String(this.is.get(i)));
    } else {
      this.ht!.forEach((k) => out.push(k));
    }
    return out;
  }

  forEach(visit: (member: string) => void): void {
    if (this.is !== null) {
      for (let i = 0; i < this.is.length; i++) visit(String(this.is.get(i)));
    } else {
      this.ht!.forEach((k) => visit(k));
    }
  }

  /** A uniformly random member (the set must not be empty). */
  random(random: () => number): string {
    if (this.is !== null) return String(this.is.get(Math.floor(random() * this.is.length)));
    const t = this.ht!;
    return t.keyAt(t.randomEntry(random));
  }

  memoryUsage(): number {
    if (this.is !== null) return 16 + 8 + this.is.length * this.is.width();
    let bytes = 16 + 96 + this.ht!.size * 8;
    this.ht!.forEach((k) => {
      bytes += 24 + k.length + 9;
    });
    return bytes;
  }
}
