// ReplyWriter → JS values, for in-process callers (KeyValueStore, tests).
// Speaks RESP3 shapes: bulk → Buffer, simple → string, integer → number
// (bigint beyond 2^53), double → number, map → Map, set → array, null → null,
// error → RedisError.

import { RedisError } from '../errors.js';
import type { Bytes, DeferredLength, ReplyWriter } from './reply-writer.js';

export type ReplyValue =
  | null
  | string
  | Buffer
  | number
  | bigint
  | boolean
  | RedisError
  | ReplyValue[]
  | Map<ReplyValue, ReplyValue>;

interface Frame {
  items: ReplyValue[];
  remaining: number;
  kind: 'array' | 'map';
}

class DeferredFrame implements DeferredLength {
  constructor(private readonly sink: ValueSink, private readonly frame: Frame, private readonly factor: number) {}
  set(count: number): void {
    this.sink.completeDeferred(this.frame, count * this.factor);
  }
}

export class ValueSink implements ReplyWriter {
  readonly resp = 3 as const;
  private stack: Frame[] = [];
  private results: ReplyValue[] = [];

  /** Replies completed since the last call, in order. */
  takeAll(): ReplyValue[] {
    const out = this.results;
    this.results = [];
    return out;
  }

  ok(): void { this.add('OK'); }
  simple(text: string): void { this.add(text); }
  error(message: string): void { this.add(new RedisError(message)); }
  integer(n: number | bigint): void {
    this.add(typeof n === 'bigint' && n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n);
  }
  bulk(value: Bytes): void { this.add(typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from(value)); }
  null(): void { this.add(null); }
  nullArray(): void { this.add(null); }
  array(length: number): void { this.open(length, 'array'); }
  map(pairs: number): void { this.open(pairs * 2, 'map'); }
  set(length: number): void { this.open(length, 'array'); }
  push(length: number): void { this.open(length, 'array'); }
  double(value: number): void { this.add(value); }
  doubleText(text: string): void { this.add(Number(text)); }
  bool(value: boolean): void { this.add(value); }
  verbatim(text: string): void { this.add(text); }
  bigNumber(digits: string): void { this.add(BigInt(digits)); }
  bulkArray(values: readonly Bytes[]): void {
    this.array(values.length);
    for (const v of values) this.bulk(v);
  }
  deferredArray(): DeferredLength { return this.deferred('array', 1); }
  deferredMap(): DeferredLength { return this.deferred('map', 2); }
  deferredSet(): DeferredLength { return this.deferred('array', 1); }

  /** @internal */
  completeDeferred(frame: Frame, count: number): void {
    frame.remaining = count - frame.items.length;
    this.settle();
  }

  private deferred(kind: Frame['kind'], factor: number): DeferredLength {
    const frame: Frame = { items: [], remaining: Infinity, kind };
    this.stack.push(frame);
    return new DeferredFrame(this, frame, factor);
  }

  private open(count: number, kind: Frame['kind']): void {
    this.stack.push({ items: [], remaining: count, kind });
    this.settle();
  }

  private add(value: ReplyValue): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.results.push(value);
      return;
    }
    top.items.push(value);
    top.remaining--;
    this.settle();
  }

  /** Closes every finished container, innermost first. */
  private settle(): void {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (top === undefined || top.remaining > 0) return;
      this.stack.pop();
      const value = top.kind === 'map' ? toMap(top.items) : top.items;
      const parent = this.stack[this.stack.length - 1];
      if (parent === undefined) {
        this.results.push(value);
        return;
      }
      parent.items.push(value);
      parent.remaining--;
    }
  }
}

function toMap(items: ReplyValue[]): Map<ReplyValue, ReplyValue> {
  const map = new Map<ReplyValue, ReplyValue>();
  for (let i = 0; i + 1 < items.length; i += 2) {
    const k = items[i]!;
    map.set(Buffer.isBuffer(k) ? k.toString('latin1') : k, items[i + 1]!);
  }
  return map;
}
