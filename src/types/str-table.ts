// The "hashtable" encoding shared by hashes and sets: keys (and optional
// values) in dense arrays plus, past SMALL slots, a Map from key to slot.
// Slots make random sampling O(1) (SRANDMEMBER, SPOP, HRANDFIELD) and give
// SCAN a cursor; a deleted slot stays a hole until holes outnumber live
// entries, then the arrays are compacted (a SCAN running across a compaction
// may miss entries). Small tables skip the Map and grow their arrays to exact
// size: millions of 5-member sets then cost a fraction of a Map each.

/** Slots up to which lookups scan the array instead of keeping a Map. */
const SMALL = 8;

export class StrTable {
  keys: (string | undefined)[] = [];
  /** Parallel to keys for hashes; null for sets. */
  vals: (string | undefined)[] | null;
  private index: Map<string, number> | null = null;
  private live = 0;
  private holes = 0;

  constructor(withValues: boolean) {
    this.vals = withValues ? [] : null;
  }

  get size(): number {
    return this.live;
  }

  private find(key: string): number {
    if (this.index !== null) return this.index.get(key) ?? -1;
    return this.keys.indexOf(key);
  }

  has(key: string): boolean {
    return this.find(key) !== -1;
  }

  get(key: string): string | undefined {
    const i = this.find(key);
    return i === -1 ? undefined : this.vals![i];
  }

  /** Inserts or updates; returns true when `key` is new. */
  set(key: string, value?: string): boolean {
    const i = this.find(key);
    if (i !== -1) {
      if (this.vals !== null) this.vals[i] = value;
      return false;
    }
    const slot = this.keys.length;
    if (this.index === null && slot < SMALL) {
      // concat allocates exactly the needed capacity (push would reserve 17 slots).
      this.keys = this.keys.concat(key);
      if (this.vals !== null) this.vals = this.vals.concat(value);
    } else {
      this.keys.push(key);
      if (this.vals !== null) this.vals.push(value);
      if (this.index === null) this.buildIndex();
      else this.index.set(key, slot);
    }
    this.live++;
    return true;
  }

  private buildIndex(): void {
    const index = new Map<string, number>();
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== undefined) index.set(k, i);
    }
    this.index = index;
  }

  delete(key: string): boolean {
    const i = this.find(key);
    if (i === -1) return false;
    this.index?.delete(key);
    this.live--;
    if (i === this.keys.length - 1) {
      this.keys.pop();
      if (this.vals !== null) this.vals.pop();
      // Drop trailing holes too.
      while (this.keys.length > 0 && this.keys[this.keys.length - 1] === undefined) {
        this.keys.pop();
        if (this.vals !== null) this.vals.pop();
        this.holes--;
      }
    } else {
      this.keys[i] = undefined;
      if (this.vals !== null) this.vals[i] = undefined;
      this.holes++;
      if (this.holes > this.live && this.keys.length > 16) this.compact();
    }
    return true;
  }

  private compact(): void {
    const keys: string[] = [];
    const vals: string[] | null = this.vals === null ? null : [];
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k === undefined) continue;
      this.index?.set(k, keys.length);
      keys.push(k);
      if (vals !== null) vals.push(this.vals![i]!);
    }
    this.keys = keys;
    this.vals = vals;
    this.holes = 0;
  }

  /** A random live slot (the table must not be empty). Holes are at most about half the slots. */
  randomSlot(random: () => number): number {
    for (;;) {
      const i = Math.floor(random() * this.keys.length);
      if (this.keys[i] !== undefined) return i;
    }
  }

  /**
   * One SCAN step: visits live slots from `cursor` until `count` were seen or
   * 10*count slots were looked at; returns the next cursor, 0 at the end.
   */
  scan(cursor: number, count: number, visit: (slot: number) => void): number {
    let seen = 0;
    let looked = 0;
    let i = cursor;
    const n = this.keys.length;
    while (i < n && seen < count && looked < count * 10) {
      if (this.keys[i] !== undefined) {
        visit(i);
        seen++;
      }
      i++;
      looked++;
    }
    return i >= n ? 0 : i;
  }

  /** Live slots in slot order. */
  forEach(visit: (key: string, value: string | undefined) => void): void {
    const keys = this.keys;
    const vals = this.vals;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined) visit(k, vals === null ? undefined : vals[i]);
    }
  }
}
