// The list type: a deque of latin1 strings. Small lists (up to 128
// elements, 8 KiB) are one packed string of length-prefixed elements — like
// Redis's listpack, far cheaper per key than an array of strings; larger
// ones are a ChunkDeque (chunk-deque.ts): O(1) pushes and pops at either end
// and O(1) index access. Redis 7.0 reports every list as "quicklist".

import { string2ll } from '../util/int64.js';
import { ChunkDeque } from './chunk-deque.js';
import type { CollectionValue } from './value.js';
import { jemallocSize } from '../util/jemalloc.js';

const SMALL_MAX_COUNT = 128;
const SMALL_MAX_BYTES = 8192;

/** The length prefix of one packed element: 1 char below 128, else 2 (lengths up to 32767). */
function prefix(len: number): string {
  return len < 128 ? String.fromCharCode(len) : String.fromCharCode(0x80 | (len >> 8), len & 0xff);
}

/** Packs elements (each shorter than 32768 bytes) into one flat string. */
function pack(items: readonly string[]): string {
  const parts = new Array<string>(items.length * 2);
  for (let i = 0; i < items.length; i++) {
    parts[2 * i] = prefix(items[i]!.length);
    parts[2 * i + 1] = items[i]!;
  }
  return parts.join('');
}

function unpack(packed: string, count: number): string[] {
  const out = new Array<string>(count);
  let p = 0;
  for (let i = 0; i < count; i++) {
    let len = packed.charCodeAt(p++);
    if (len >= 128) len = ((len & 0x7f) << 8) | packed.charCodeAt(p++);
    out[i] = packed.slice(p, p + len);
    p += len;
  }
  return out;
}

function fitsSmall(items: readonly string[]): boolean {
  if (items.length > SMALL_MAX_COUNT) return false;
  let bytes = 0;
  for (const v of items) bytes += v.length + 2;
  return bytes <= SMALL_MAX_BYTES;
}

export class ListValue implements CollectionValue {
  /** Packed elements while small, null once the list is a ChunkDeque. */
  private packed: string | null = '';
  private count = 0;
  private big: ChunkDeque | null = null;

  get type(): 'list' {
    return 'list';
  }

  encoding(): string {
    return 'quicklist';
  }

  get length(): number {
    return this.big !== null ? this.big.length : this.count;
  }

  /**
   * MEMORY USAGE as Redis 7.0's objectComputeSize for a quicklist: robj +
   * quicklist struct + (node struct + listpack allocation) averaged over the
   * first 5 nodes, times the node count. Nodes are laid out as tail pushes
   * with list-max-listpack-size -2 would lay them out.
   */
  memoryUsage(): number {
    const n = this.length;
    let nodes = 0;
    let sampled = 0;
    let sampledBytes = 0;
    let nodeBytes = 0;
    let nodeCount = 0;
    let i = 0;
    for (; i < n; i++) {
      const v = this.get(i)!;
      if (nodeCount === 0 || !nodeAllowsInsert(nodeBytes, v.length)) {
        if (nodeCount > 0 && sampled < 5) {
          sampled++;
          sampledBytes += QUICKLIST_NODE + jemallocSize(nodeBytes);
        }
        nodes++;
        nodeBytes = LISTPACK_EMPTY;
        nodeCount = 0;
        // Past the sample, the node count is extrapolated for long lists.
        if (sampled === 5 && n > 100_000) break;
      }
      nodeBytes += listpackEntrySize(v);
      nodeCount++;
    }
    if (i === n && nodeCount > 0 && sampled < 5) {
      sampled++;
      sampledBytes += QUICKLIST_NODE + jemallocSize(nodeBytes);
    }
    if (i < n) nodes = Math.ceil((n / i) * (nodes - 1));
    const base = ROBJ + QUICKLIST;
    return sampled === 0 ? base : Math.floor(base + (sampledBytes / sampled) * nodes);
  }

  get(i: number): string | undefined {
    if (this.big !== null) return this.big.get(i);
    if (i < 0 || i >= this.count) return undefined;
    const s = this.packed!;
    let p = 0;
    for (let k = 0; ; k++) {
      let len = s.charCodeAt(p++);
      if (len >= 128) len = ((len & 0x7f) << 8) | s.charCodeAt(p++);
      if (k === i) return s.slice(p, p + len);
      p += len;
    }
  }

  set(i: number, v: string): void {
    if (this.big !== null) this.big.set(i, v);
    else {
      const items = this.toArray();
      items[i] = v;
      this.replaceAll(items);
    }
  }

  pushTail(v: string): void {
    if (this.big === null) {
      const s = this.packed!;
      if (this.count < SMALL_MAX_COUNT && s.length + v.length + 2 <= SMALL_MAX_BYTES) {
        this.packed = [s, prefix(v.length), v].join('');
        this.count++;
        return;
      }
      this.toBig();
    }
    this.big!.pushTail(v);
  }

  pushHead(v: string): void {
    if (this.big === null) {
      const s = this.packed!;
      if (this.count < SMALL_MAX_COUNT && s.length + v.length + 2 <= SMALL_MAX_BYTES) {
        this.packed = [prefix(v.length), v, s].join('');
        this.count++;
        return;
      }
      this.toBig();
    }
    this.big!.pushHead(v);
  }

  /** Appends many elements at once (RPUSH/LPUSH of a new list): one packing. */
  pushAll(items: readonly string[], head: boolean): void {
    if (this.big === null && this.count === 0 && fitsSmall(items)) {
      this.packed = pack(head ? [...items].reverse() : items);
      this.count = items.length;
      return;
    }
    if (head) for (const v of items) this.pushHead(v);
    else for (const v of items) this.pushTail(v);
  }

  popHead(): string | undefined {
    if (this.big !== null) return this.big.popHead();
    if (this.count === 0) return undefined;
    const s = this.packed!;
    let p = 0;
    let len = s.charCodeAt(p++);
    if (len >= 128) len = ((len & 0x7f) << 8) | s.charCodeAt(p++);
    const v = s.slice(p, p + len);
    this.count--;
    // A sliced string shares the old packing; it is replaced on the next write.
    this.packed = this.count === 0 ? '' : s.slice(p + len);
    return v;
  }

  popTail(): string | undefined {
    if (this.big !== null) return this.big.popTail();
    if (this.count === 0) return undefined;
    const items = this.toArray();
    const v = items.pop();
    this.replaceAll(items);
    return v;
  }

  /** Inserts `v` so it becomes element `i` (0 ≤ i ≤ length). O(distance to the nearer end). */
  insertAt(i: number, v: string): void {
    if (this.big === null) {
      const items = this.toArray();
      items.splice(i, 0, v);
      this.replaceAll(items);
      return;
    }
    this.big.insertAt(i, v);
  }

  /** Removes element `i`. O(distance to the nearer end). */
  removeAt(i: number): void {
    if (this.big === null) {
      const items = this.toArray();
      items.splice(i, 1);
      this.replaceAll(items);
      return;
    }
    this.big.removeAt(i);
  }

  /** Keeps only elements [start, end] (inclusive, valid indexes), or empties the list when start > end. */
  trim(start: number, end: number): void {
    if (this.big === null) {
      this.replaceAll(start > end ? [] : this.toArray().slice(start, end + 1));
      return;
    }
    const n = this.big.length;
    const dropTail = start > end ? n : n - 1 - end;
    for (let k = 0; k < dropTail; k++) this.big.popTail();
    const dropHead = start > end ? 0 : start;
    for (let k = 0; k < dropHead; k++) this.big.popHead();
  }

  /** Replaces the contents with `items`. */
  replaceAll(items: string[]): void {
    if (fitsSmall(items)) {
      this.big = null;
      this.packed = pack(items);
      this.count = items.length;
      return;
    }
    this.big = new ChunkDeque();
    this.packed = null;
    this.count = 0;
    for (const v of items) this.big.pushTail(v);
  }

  /** Elements [start, end] inclusive (valid indexes), in order. */
  range(start: number, end: number): string[] {
    if (this.big === null) return unpack(this.packed!, this.count).slice(start, end + 1);
    const out = new Array<string>(Math.max(0, end - start + 1));
    for (let i = start; i <= end; i++) out[i - start] = this.big.get(i)!;
    return out;
  }

  /** Calls fn(element, index) from head to tail; stops when fn returns false. */
  forEach(fn: (v: string, i: number) => boolean | void): void {
    if (this.big === null) {
      const items = unpack(this.packed!, this.count);
      for (let i = 0; i < items.length; i++) if (fn(items[i]!, i) === false) return;
      return;
    }
    const n = this.big.length;
    for (let i = 0; i < n; i++) if (fn(this.big.get(i)!, i) === false) return;
  }

  toArray(): string[] {
    return this.big === null ? unpack(this.packed!, this.count) : this.range(0, this.big.length - 1);
  }

  static from(items: Iterable<string>): ListValue {
    const l = new ListValue();
    l.replaceAll([...items]);
    return l;
  }

  private toBig(): void {
    const items = unpack(this.packed!, this.count);
    this.big = new ChunkDeque();
    this.packed = null;
    this.count = 0;
    for (const v of items) this.big.pushTail(v);
  }
}

const ROBJ = 16;
const QUICKLIST = 40;
/** sizeof(quicklistNode): 4 pointers/sizes + a 32-bit bitfield, padded. */
const QUICKLIST_NODE = 40;
const LISTPACK_EMPTY = 7;

/** _quicklistNodeAllowInsert (Redis 7.0.15) with list-max-listpack-size -2: 8 KiB nodes, 8-byte overestimate per entry. */
function nodeAllowsInsert(nodeBytes: number, sz: number): boolean {
  return nodeBytes + sz + 8 <= 8192;
}

/** Bytes one element takes in a listpack (encoding + data + backlen), as lpEncodeBacklen/lpEncode. */
export function listpackEntrySize(v: string): number {
  const len = v.length;
  const n = len <= 20 ? string2ll(v) : null;
  if (n !== null) {
    if (n >= 0n && n <= 127n) return 2;
    if (n >= -4096n && n <= 4095n) return 3;
    if (n >= -32768n && n <= 32767n) return 4;
    if (n >= -8388608n && n <= 8388607n) return 5;
    if (n >= -2147483648n && n <= 2147483647n) return 6;
    return 10;
  }
  const entry = (len < 64 ? 1 : len < 4096 ? 2 : 5) + len;
  return entry + (entry <= 127 ? 1 : entry < 16383 ? 2 : entry < 2097151 ? 3 : entry < 268435455 ? 4 : 5);
}
