// A Redis string edited in place (Redis's "raw" sds after APPEND, SETRANGE,
// SETBIT, BITFIELD, PFADD): bytes [0, len) of a Buffer with spare capacity, so
// a write costs what it touches instead of a copy of the whole latin1 string.
// It also models the sds allocation Redis would hold, for MEMORY USAGE.

import '../util/buffer-ext.js';
import { jemallocSize } from '../util/jemalloc.js';

/** sizeof(robj) */
const ROBJ_SIZE = 16;
/** SDS_MAX_PREALLOC: sds doubles below 1 MB, then grows by 1 MB. */
const SDS_MAX_PREALLOC = 1024 * 1024;
/** OBJ_ENCODING_EMBSTR_SIZE_LIMIT: longer strings set by SET are raw already. */
const EMBSTR_SIZE_LIMIT = 44;
/** Replies at least this long are copied into a fresh Buffer (see snapshot()). */
const LATIN1_REPLY_MAX = 16 * 1024;

/** sdsReqType's header size for `len` bytes: 1 (type 5), 3, 5, 9 or 17. */
function sdsHeader(len: number): number {
  if (len < 32) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  if (len < 2 ** 32) return 9;
  return 17;
}

/** sdsTypeMaxSize for a header size. */
function sdsTypeMax(hdr: number): number {
  return hdr === 3 ? 255 : hdr === 5 ? 65535 : hdr === 9 ? 2 ** 32 - 1 : Number.MAX_SAFE_INTEGER;
}

export class ByteString {
  readonly type = 'string' as const;
  /** Bytes [0, len) are the value; the rest is spare capacity (contents undefined). */
  buf: Buffer;
  len: number;
  /** The sds Redis would hold: alloc (bytes, excluding header and NUL) and the whole allocation's size. */
  private sdsAlloc = 0;
  private sdsTotal = 0;

  private constructor(buf: Buffer, len: number) {
    this.buf = buf;
    this.len = len;
    this.modelNew(len);
  }

  /**
   * dbUnshareStringValue of a stored JS string: a raw copy with room for
   * `extra` more bytes. Redis copies int/embstr values into a fresh sds; a
   * longer one is already raw, and tryObjectEncoding trimmed its free space
   * when that was over a tenth of its length (so the next growth reallocates).
   */
  static fromLatin1(s: string, extra = 0): ByteString {
    const buf = Buffer.allocUnsafe(capacityFor(s.length + extra, s.length));
    buf.write(s, 0, 'latin1');
    const bs = new ByteString(buf, s.length);
    if (s.length > EMBSTR_SIZE_LIMIT && bs.sdsAlloc - s.length > Math.floor(s.length / 10)) bs.sdsAlloc = s.length;
    return bs;
  }

  /** sdsnewlen(NULL, len): `len` zero bytes. */
  static zeroed(len: number): ByteString {
    return new ByteString(Buffer.alloc(len), len);
  }

  /** sdsnewlen of an already built Buffer: takes `buf` itself (no copy) as the value's storage. */
  static wrap(buf: Buffer, len: number): ByteString {
    return new ByteString(buf, len);
  }

  /** A raw string holding a copy of `bytes`. */
  static fromBytes(bytes: Uint8Array): ByteString {
    const buf = Buffer.allocUnsafe(bytes.length);
    buf.set(bytes);
    return new ByteString(buf, bytes.length);
  }

  /** OBJECT ENCODING: always raw, as Redis's strings edited in place. */
  encoding(): 'raw' {
    return 'raw';
  }

  /** objectComputeSize: robj + the sds allocation (its free space included). */
  memoryUsage(): number {
    return ROBJ_SIZE + this.sdsTotal;
  }

  /** The value as a latin1 JS string (a copy: O(len)). */
  toLatin1(): string {
    return this.buf.latin1Slice(0, this.len);
  }

  /** Bytes [start, end) as a latin1 JS string. */
  latin1Slice(start: number, end: number): string {
    return this.buf.latin1Slice(start, end);
  }

  /**
   * A reply-safe copy of the value: a latin1 string when short (the encoder
   * copies those into its text at once), else a fresh Buffer, never a view of
   * the live storage, which a later write could change before the socket sends it.
   */
  snapshot(): string | Buffer {
    if (this.len < LATIN1_REPLY_MAX) return this.buf.latin1Slice(0, this.len);
    return Buffer.from(this.buf.subarray(0, this.len));
  }

  /** A view of the value's bytes (valid until the next write). */
  view(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  /** sdsgrowzero: extends to `n` bytes with zeros (no-op when already that long). */
  growZero(n: number): void {
    if (n <= this.len) return;
    this.makeRoomFor(n - this.len);
    this.buf.fill(0, this.len, n);
    this.len = n;
  }

  /** sdscatlen of a latin1 string. */
  appendLatin1(s: string): void {
    this.makeRoomFor(s.length);
    this.buf.write(s, this.len, 'latin1');
    this.len += s.length;
  }

  /** SETRANGE's memcpy: writes a latin1 string at `offset`, zero-filling any gap and growing as needed. */
  writeLatin1(offset: number, s: string): void {
    this.growZero(offset + s.length);
    this.buf.write(s, offset, 'latin1');
  }

  /** Replaces the whole content with buf[0, len) (e.g. hllSparseToDense's new sds): models sdsnewlen(len). */
  replace(buf: Buffer, len: number): void {
    this.buf = buf;
    this.len = len;
    this.modelNew(len);
  }

  /** sdsMakeRoomFor (greedy): room for `extra` more bytes, in the model and in the Buffer. */
  makeRoomFor(extra: number): void {
    const need = this.len + extra;
    if (this.sdsAlloc - this.len < extra) {
      let newlen = need;
      newlen = newlen < SDS_MAX_PREALLOC ? newlen * 2 : newlen + SDS_MAX_PREALLOC;
      let hdr = sdsHeader(newlen);
      if (hdr === 1) hdr = 3; // type 5 cannot hold free space
      this.sdsTotal = jemallocSize(hdr + newlen + 1);
      this.sdsAlloc = Math.min(this.sdsTotal - hdr - 1, sdsTypeMax(hdr));
    }
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(capacityFor(need, this.len));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
  }

  /** sdsnewlen's allocation for `len` bytes (type 5, without free space, for short non-empty strings). */
  private modelNew(len: number): void {
    let hdr = sdsHeader(len);
    if (hdr === 1 && len === 0) hdr = 3;
    this.sdsTotal = jemallocSize(hdr + len + 1);
    this.sdsAlloc = hdr === 1 ? len : Math.min(this.sdsTotal - hdr - 1, sdsTypeMax(hdr));
  }
}

/**
 * The Buffer capacity for `need` bytes: exact for a fresh value (len 0 or not
 * growing), else geometric (x2 below 1 MB, then x1.25) so that appends and
 * growing writes cost amortised O(1) per byte even on very large strings.
 */
function capacityFor(need: number, len: number): number {
  if (need <= len) return need;
  return need < SDS_MAX_PREALLOC ? need * 2 : need + Math.max(SDS_MAX_PREALLOC, need >>> 2);
}
