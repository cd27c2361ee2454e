// Incremental request parser: RESP multibulk frames and inline (telnet) commands
// → argv as latin1 strings (one char per byte, so binary safe). Mirrors Redis's
// processMultibulkBuffer / processInlineBuffer, including their error texts.
// Imports nothing from server/, commands/ or keyspace/.

import { latin1 } from '../util/latin1.js';
import '../util/buffer-ext.js';
import { ProtocolError } from '../errors.js';
import { splitInlineArgs } from './inline-parser.js';

/** Redis's PROTO_INLINE_MAX_SIZE: longest inline line or length header. */
export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
/** Before AUTH, Redis accepts at most this many arguments... */
export const UNAUTH_MAX_ARGS = 10;
/** ...and bulks of at most this many bytes. */
export const UNAUTH_MAX_BULK = 16 * 1024;
/** Bulks at least this big are gathered chunk by chunk and joined once. */
const BIG_BULK = 32 * 1024;

const CR = 13;
const LF = 10;

export interface ParserLimits {
  /** proto-max-bulk-len */
  maxBulkLen: number;
  /** client-query-buffer-limit: unprocessed bytes a client may leave pending. */
  queryBufferLimit: number;
}

export class QueryBufferLimitError extends Error {}

export class RequestParser {
  /** Set by the connection: before AUTH, multibulk and bulk sizes are capped. */
  authenticated = true;

  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  // Multibulk state, kept between calls so a partial frame is not re-parsed.
  private argv: string[] | null = null;
  private argsLeft = 0;
  private bulkLen = -1;
  /** The last command name read (see commandName). */
  private lastName = '';
  // A big bulk whose bytes are still arriving: chunks gathered, joined once.
  private bigChunks: Buffer[] | null = null;
  private bigBytes = 0;

  constructor(private readonly limits: ParserLimits) {}

  /** Unprocessed bytes held (Redis's querybuf length, for CLIENT LIST qbuf). */
  get pendingBytes(): number {
    return this.buf.length - this.pos + this.bigBytes;
  }

  feed(chunk: Buffer): void {
    if (this.bigChunks !== null) {
      this.bigChunks.push(chunk);
      this.bigBytes += chunk.length;
      // bulkLen + 2 bytes for the bulk and its CRLF, counted from this.pos.
      if (this.buf.length - this.pos + this.bigBytes >= this.bulkLen + 2) {
        this.bigChunks.unshift(this.buf.subarray(this.pos));
        this.buf = Buffer.concat(this.bigChunks);
        this.pos = 0;
        this.bigChunks = null;
        this.bigBytes = 0;
      }
    } else if (this.pos >= this.buf.length) {
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
      this.pos = 0;
    }
    if (this.pendingBytes > this.limits.queryBufferLimit) throw new QueryBufferLimitError('query buffer limit');
  }

  /**
   * The next complete command, or null when more bytes are needed.
   * Empty commands (blank inline lines, `*0`) are skipped. Throws ProtocolError.
   */
  next(): string[] | null {
    for (;;) {
      if (this.bigChunks !== null) return null;
      if (this.argv === null) {
        if (this.pos >= this.buf.length) return null;
        if (this.buf[this.pos] !== 42 /* '*' */) {
          const argv = this.parseInline();
          if (argv === null) return null;
          if (argv.length === 0) continue;
          return argv;
        }
        const count = this.readLengthLine('mbulk count'); // Redis says "too big mbulk count string"
        if (count === null) return null;
        if (count <= 0) continue;
        if (count > 2147483647) throw new ProtocolError('invalid multibulk length');
        if (!this.authenticated && count > UNAUTH_MAX_ARGS) {
          throw new ProtocolError('unauthenticated multibulk length');
        }
        this.argv = [];
        this.argsLeft = count;
        this.bulkLen = -1;
      }
      if (!this.readBulks()) return null;
      const argv = this.argv!;
      this.argv = null;
      return argv;
    }
  }

  /** Reads bulks into this.argv; true when all have arrived. */
  private readBulks(): boolean {
    const argv = this.argv!;
    while (this.argsLeft > 0) {
      if (this.bulkLen === -1) {
        if (this.pos >= this.buf.length) return false;
        const c = this.buf[this.pos]!;
        if (c !== 36 /* '$' */) {
          throw new ProtocolError(`expected '$', got '${String.fromCharCode(c)}'`);
        }
        const len = this.readLengthLine('bulk count');
        if (len === null) return false;
        if (len < 0 || len > this.limits.maxBulkLen) throw new ProtocolError('invalid bulk length');
        if (!this.authenticated && len > UNAUTH_MAX_BULK) throw new ProtocolError('unauthenticated bulk length');
        this.bulkLen = len;
      }
      const available = this.buf.length - this.pos;
      if (available < this.bulkLen + 2) {
        if (this.bulkLen >= BIG_BULK) {
          this.bigChunks = [];
          this.bigBytes = 0;
        }
        return false;
      }
      const end = this.pos + this.bulkLen;
      argv.push(argv.length === 0 ? this.commandName(end) : latin1(this.buf, this.pos, end));
      this.pos = end + 2; // Redis skips the CRLF without checking it
      this.bulkLen = -1;
      this.argsLeft--;
    }
    return true;
  }

  /**
   * The command name at pos..end: the previous command's string when the
   * bytes are the same (pipelines repeat names), so no new string is made
   * and the command table lookup finds its hash already computed.
   */
  private commandName(end: number): string {
    const last = this.lastName;
    const len = end - this.pos;
    if (len === last.length) {
      const buf = this.buf;
      let i = 0;
      while (i < len && buf[this.pos + i] === last.charCodeAt(i)) i++;
      if (i === len) return last;
    }
    const name = latin1(this.buf, this.pos, end);
    if (len <= 32) this.lastName = name;
    return name;
  }

  /**
   * Parses `*<n>\r\n` or `$<n>\r\n` at this.pos (the type byte included) as
   * Redis's string2ll does; null if the line is incomplete.
   */
  private readLengthLine(what: string): number | null {
    const buf = this.buf;
    const start = this.pos + 1;
    // Fast path for the usual short, well-formed header: digits then CRLF,
    // scanned in JS (cheaper than a native indexOf call for a few bytes).
    const end = buf.length;
    let i = start;
    let fast = 0;
    for (; i < end && i - start < 10; i++) {
      const c = buf[i]!;
      if (c === CR) break;
      if (c < 48 || c > 57) {
        fast = -1;
        break;
      }
      fast = fast * 10 + (c - 48);
    }
    if (fast >= 0 && i < end && buf[i] === CR && i > start && (buf[start] !== 48 || i === start + 1)) {
      if (i + 1 >= end) return null; // wait for the byte after CR
      this.pos = i + 2;
      return fast;
    }
    const cr = buf.indexOf(CR, start);
    if (cr === -1) {
      if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) throw new ProtocolError(`too big ${what} string`);
      return null;
    }
    if (cr + 1 >= buf.length) return null; // wait for the byte after CR
    const value = parseStrictInt(buf, start, cr);
    if (value === null) {
      throw new ProtocolError(what === 'bulk count' ? 'invalid bulk length' : 'invalid multibulk length');
    }
    this.pos = cr + 2;
    return value;
  }

  private parseInline(): string[] | null {
    const buf = this.buf;
    const nl = buf.indexOf(LF, this.pos);
    if (nl === -1) {
      if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) throw new ProtocolError('too big inline request');
      return null;
    }
    let end = nl;
    if (end > this.pos && buf[end - 1] === CR) end--;
    const line = buf.latin1Slice(this.pos, end);
    this.pos = nl + 1;
    const argv = splitInlineArgs(line);
    if (argv === null) throw new ProtocolError('unbalanced quotes in request');
    // No argument-count cap before AUTH here: Redis's processInlineBuffer has none (its line is capped at 64 KiB).
    return argv;
  }
}

/**
 * Redis's string2ll over bytes [start, end): optional '-', no leading zeros,
 * no '+', no spaces. Values beyond 2^53 are returned as Infinity-ish large
 * numbers, which every caller rejects as too big anyway.
 */
function parseStrictInt(buf: Buffer, start: number, end: number): number | null {
  const len = end - start;
  if (len <= 0 || len > 20) return null;
  let i = start;
  let negative = false;
  if (buf[i] === 45 /* '-' */) {
    negative = true;
    i++;
    if (i === end) return null;
  }
  const first = buf[i]!;
  if (first === 48 /* '0' */) return len === 1 ? 0 : null;
  if (first < 49 || first > 57) return null;
  let value = 0;
  for (; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}
