// The hash type. Small hashes use a "listpack": one packed latin1 string of
// alternating field/value entries, each a LEB128 length then its bytes, in
// Redis's order (insertion order; updates in place; HDEL removes in place).
// One flat string costs a fraction of a Map. Past hash-max-listpack-entries /
// -value the hash converts (one-way, as Redis) to a StrTable ("hashtable":
// no 2^24 cap, Redis's SCAN cursor, O(1) random field).

import { StrTable } from './str-table.js';
import type { CollectionValue } from './value.js';

function encLen(n: number): string {
  if (n < 0x80) return String.fromCharCode(n);
  let out = '';
  while (n >= 0x80) {
    out += String.fromCharCode((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  return out + String.fromCharCode(n);
}

/** Reads the length at `pos` of packed string `s`; the entry starts at lenEnd. */
let lenEnd = 0;
function decLen(s: string, pos: number): number {
  let c = s.charCodeAt(pos++);
  if (c < 0x80) {
    lenEnd = pos;
    return c;
  }
  let n = c & 0x7f;
  let mul = 128;
  for (;;) {
    c = s.charCodeAt(pos++);
    n += (c & 0x7f) * mul;
    if (c < 0x80) break;
    mul *= 128;
  }
  lenEnd = pos;
  return n;
}

/** Packs field/value strings (alternating) into one flat listpack string. */
export function packEntries(items: readonly string[]): string {
  const parts: string[] = [];
  for (const it of items) parts.push(encLen(it.length), it);
  // join builds a flat string (no cons/sliced string keeping other data alive).
  return parts.join('');
}

/** Unpacks a listpack string into its entries. */
export function unpackEntries(s: string): string[] {
  const out: string[] = [];
  for (let p = 0; p < s.length;) {
    const len = decLen(s, p);
    out.push(s.slice(lenEnd, lenEnd + len));
    p = lenEnd + len;
  }
  return out;
}

export class HashValue implements CollectionValue {
  readonly type = 'hash' as const;
  /** The listpack (null once converted). */
  lp: string | null = '';
  /** Fields in the listpack. */
  private n = 0;
  ht: StrTable<string> | null = null;

  /** A listpack-encoded hash of alternating field/value entries (distinct fields). */
  static fromEntries(items: readonly string[]): HashValue {
    const h = new HashValue();
    h.lp = packEntries(items);
    h.n = items.length / 2;
    return h;
  }

  encoding(): string {
    return this.lp !== null ? 'listpack' : 'hashtable';
  }

  get size(): number {
    return this.lp !== null ? this.n : this.ht!.size;
  }

  /** Offset of `field`'s length prefix in the listpack, or -1. */
  private lpFind(field: string): number {
    const s = this.lp!;
    for (let p = 0; p < s.length;) {
      const flen = decLen(s, p);
      const fstart = lenEnd;
      if (flen === field.length && s.startsWith(field, fstart)) return p;
      const vlen = decLen(s, fstart + flen);
      p = lenEnd + vlen;
    }
    return -1;
  }

  get(field: string): string | undefined {
    if (this.lp === null) return this.ht!.get(field);
    const p = this.lpFind(field);
    if (p === -1) return undefined;
    const s = this.lp;
    const flen = decLen(s, p);
    const vlen = decLen(s, lenEnd + flen);
    return s.slice(lenEnd, lenEnd + vlen);
  }

  has(field: string): boolean {
    return this.lp === null ? this.ht!.has(field) : this.lpFind(field) !== -1;
  }

  /** Sets a field; true when it is new. The caller converts encodings (tryConvert / convertIfTooMany). */
  set(field: string, value: string): boolean {
    if (this.lp === null) return this.ht!.set(field, value);
    const s = this.lp;
    const p = this.lpFind(field);
    if (p === -1) {
      this.lp = [s, encLen(field.length), field, encLen(value.length), value].join('');
      this.n++;
      return true;
    }
    const flen = decLen(s, p);
    const vAt = lenEnd + flen;
    const vlen = decLen(s, vAt);
    this.lp = [s.slice(0, vAt), encLen(value.length), value, s.slice(lenEnd + vlen)].join('');
    return false;
  }

  delete(field: string): boolean {
    if (this.lp === null) return this.ht!.delete(field);
    const s = this.lp;
    const p = this.lpFind(field);
    if (p === -1) return false;
    const flen = decLen(s, p);
    const vlen = decLen(s, lenEnd + flen);
    const end = lenEnd + vlen;
    this.lp = p === 0 && end === s.length ? '' : [s.slice(0, p), s.slice(end)].join('');
    this.n--;
    return true;
  }

  /** hashTypeConvert: listpack → hashtable. */
  convert(): void {
    if (this.lp === null) return;
    const t = new StrTable<string>(true);
    const items = unpackEntries(this.lp);
    for (let i = 0; i < items.length; i += 2) t.insertNew(items[i]!, items[i + 1]!);
    this.ht = t;
    this.lp = null;
    this.n = 0;
  }

  /** Calls visit(field, value) in Redis's iteration order for the listpack. */
  forEach(visit: (field: string, value: string) => void): void {
    if (this.lp === null) {
      this.ht!.forEach(visit);
      return;
    }
    const s = this.lp;
    for (let p = 0; p < s.length;) {
      const flen = decLen(s, p);
      const f = s.slice(lenEnd, lenEnd + flen);
      const vlen = decLen(s, lenEnd + flen);
      const v = s.slice(lenEnd, lenEnd + vlen);
      p = lenEnd + vlen;
      visit(f, v);
    }
  }

  /** All entries, alternating field/value. */
  entries(): string[] {
    if (this.lp !== null) return unpackEntries(this.lp);
    const out: string[] = [];
    this.ht!.forEach((k, v) => out.push(k, v));
    return out;
  }

  /** A uniformly random [field, value]. */
  randomPair(random: () => number): [string, string] {
    if (this.lp !== null) {
      const items = unpackEntries(this.lp);
      const i = Math.floor(random() * this.n) * 2;
      return [items[i]!, items[i + 1]!];
    }
    const t = this.ht!;
    const e = t.randomEntry(random);
    return [t.keyAt(e), t.valueAt(e)];
  }

  memoryUsage(): number {
    if (this.lp !== null) {
      // lpBytes: header + per entry (encoding byte(s) + data + backlen).
      let bytes = 7;
      this.forEach((f, v) => {
        bytes += f.length + (f.length < 64 ? 2 : 4) + v.length + (v.length < 64 ? 2 : 4);
      });
      return bytes + 16;
    }
    let bytes = 16 + 96 + this.ht!.size * 8;
    this.ht!.forEach((k, v) => {
      bytes += 24 + k.length + 9 + v.length + 9;
    });
    return bytes;
  }
}

/** hashTypeTryConversion: any argument longer than the value limit converts to hashtable. */
export function hashTryConvert(h: HashValue, args: readonly string[], start: number, end: number, maxValue: number): void {
  if (h.lp === null) return;
  for (let i = start; i <= end; i++) {
    if (args[i]!.length > maxValue) {
      h.convert();
      return;
    }
  }
}
