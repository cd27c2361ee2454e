// ReplyWriter → RESP2/RESP3 bytes. Replies accumulate in one latin1 string
// (Buffers are kept as separate chunks) and are taken once per socket read,
// so a pipeline of N commands costs one socket write.

import '../util/buffer-ext.js';
import { scrubErrorText } from '../errors.js';
import { formatDouble } from '../util/float-format.js';
import type { Bytes, DeferredLength, ReplyWriter } from './reply-writer.js';

const NULL2 = '$-1\r\n';
const NULL_ARRAY2 = '*-1\r\n';
const NULL3 = '_\r\n';

/** Chunks at least this long are kept as Buffers instead of being copied into the text. */
const BUFFER_INLINE_MAX = 16 * 1024;

class DeferredSlot implements DeferredLength {
  constructor(private readonly encoder: RespEncoder, readonly index: number, readonly prefix: string, readonly factor: number) {}
  set(count: number): void {
    this.encoder.fillDeferred(this.index, this.prefix + count * this.factor + '\r\n');
  }
}

export class RespEncoder implements ReplyWriter {
  resp: 2 | 3 = 2;
  /** Text written since the last chunk boundary. */
  private text = '';
  /** Earlier output: strings, Buffers, and deferred-length placeholders (null until set). */
  private chunks: (string | Buffer | null)[] = [];
  private deferredPending = 0;
  /** Bytes produced since the last take(), for output-buffer accounting. */
  private approxBytes = 0;

  get pendingBytes(): number {
    return this.approxBytes + this.text.length;
  }

  get isEmpty(): boolean {
    return this.text.length === 0 && this.chunks.length === 0;
  }

  /**
   * Everything encoded so far, as one latin1 string or a list of chunks, or
   * null when nothing is ready (also while a deferred length is unset).
   */
  take(): string | (string | Buffer)[] | null {
    if (this.deferredPending > 0) return null;
    if (this.chunks.length === 0) {
      if (this.text.length === 0) return null;
      const out = this.text;
      this.text = '';
      this.approxBytes = 0;
      return out;
    }
    if (this.text.length > 0) this.chunks.push(this.text);
    const out = this.chunks as (string | Buffer)[];
    this.chunks = [];
    this.text = '';
    this.approxBytes = 0;
    return out;
  }

  /** Drops everything not yet taken (CLIENT REPLY OFF/SKIP, closing clients). */
  discard(): void {
    this.text = '';
    this.chunks = [];
    this.deferredPending = 0;
    this.approxBytes = 0;
  }

  /** A point to roll back to (CLIENT REPLY OFF/SKIP drop one command's reply). */
  checkpoint(): number {
    this.flushText();
    return this.chunks.length;
  }

  rollback(checkpoint: number): void {
    this.text = '';
    this.chunks.length = checkpoint;
    let pending = 0;
    for (const c of this.chunks) if (c === null) pending++;
    this.deferredPending = pending;
  }

  /** Appends already-encoded RESP (shared encodings, e.g. one PUBLISH message for many subscribers). */
  raw(encoded: string): void {
    this.text += encoded;
  }

  ok(): void {
    this.text += '+OK\r\n';
  }

  simple(text: string): void {
    this.text += '+' + text + '\r\n';
  }

  error(message: string): void {
    this.text += '-' + scrubErrorText(message) + '\r\n';
  }

  integer(n: number | bigint): void {
    this.text += ':' + n + '\r\n';
  }

  bulk(value: Bytes): void {
    if (typeof value === 'string') {
      this.text += '$' + value.length + '\r\n' + value + '\r\n';
    } else if (value.length < BUFFER_INLINE_MAX) {
      this.text += '$' + value.length + '\r\n' + value.latin1Slice(0, value.length) + '\r\n';
    } else {
      this.text += '$' + value.length + '\r\n';
      this.pushChunk(value);
      this.text += '\r\n';
    }
  }

  null(): void {
    this.text += this.resp === 2 ? NULL2 : NULL3;
  }

  nullArray(): void {
    this.text += this.resp === 2 ? NULL_ARRAY2 : NULL3;
  }

  array(length: number): void {
    this.text += '*' + length + '\r\n';
  }

  map(pairs: number): void {
    this.text += this.resp === 2 ? '*' + pairs * 2 + '\r\n' : '%' + pairs + '\r\n';
  }

  set(length: number): void {
    this.text += (this.resp === 2 ? '*' : '~') + length + '\r\n';
  }

  push(length: number): void {
    this.text += (this.resp === 2 ? '*' : '>') + length + '\r\n';
  }

  double(value: number): void {
    const s = formatDouble(value);
    this.text += this.resp === 2 ? '$' + s.length + '\r\n' + s + '\r\n' : ',' + s + '\r\n';
  }

  doubleText(text: string): void {
    this.text += this.resp === 2 ? '$' + text.length + '\r\n' + text + '\r\n' : ',' + text + '\r\n';
  }

  bool(value: boolean): void {
    if (this.resp === 2) this.text += value ? ':1\r\n' : ':0\r\n';
    else this.text += value ? '#t\r\n' : '#f\r\n';
  }

  verbatim(text: string, format = 'txt'): void {
    if (this.resp === 2) this.bulk(text);
    else this.text += '=' + (text.length + 4) + '\r\n' + format + ':' + text + '\r\n';
  }

  bigNumber(digits: string): void {
    if (this.resp === 2) this.bulk(digits);
    else this.text += '(' + digits + '\r\n';
  }

  deferredArray(): DeferredLength {
    return this.deferred('*', 1);
  }

  deferredMap(): DeferredLength {
    return this.resp === 2 ? this.deferred('*', 2) : this.deferred('%', 1);
  }

  deferredSet(): DeferredLength {
    return this.deferred(this.resp === 2 ? '*' : '~', 1);
  }

  bulkArray(values: readonly Bytes[]): void {
    this.text += '*' + values.length + '\r\n';
    for (const v of values) {
      if (typeof v === 'string') this.text += '$' + v.length + '\r\n' + v + '\r\n';
      else this.bulk(v);
    }
  }

  /** @internal used by DeferredSlot */
  fillDeferred(index: number, header: string): void {
    this.chunks[index] = header;
    this.deferredPending--;
  }

  private deferred(prefix: string, factor: number): DeferredLength {
    this.flushText();
    const index = this.chunks.length;
    this.chunks.push(null);
    this.deferredPending++;
    return new DeferredSlot(this, index, prefix, factor);
  }

  private pushChunk(buf: Buffer): void {
    this.flushText();
    this.chunks.push(buf);
    this.approxBytes += buf.length;
  }

  private flushText(): void {
    if (this.text.length > 0) {
      this.chunks.push(this.text);
      this.approxBytes += this.text.length;
      this.text = '';
    }
  }
}
