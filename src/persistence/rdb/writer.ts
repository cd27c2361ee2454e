// Serialises RDB primitives into a growable byte buffer: lengths, and strings
// with Redis's choices of encoding (small canonical integers as INT8/16/32,
// LZF for compressible strings longer than 20 bytes, raw otherwise), so the
// bytes match what Redis 7.0 writes for the same value.

import { parseInt64 } from '../../util/int64.js';
import {
  RDB_14BITLEN, RDB_32BITLEN, RDB_64BITLEN, RDB_ENC_INT16, RDB_ENC_INT32, RDB_ENC_INT8, RDB_ENC_LZF, RDB_ENCVAL,
} from './constants.js';
import { lzfCompress } from './lzf.js';

/** Up to this length writeLatin1 copies a string char by char: for short keys and values a JS loop beats the native latin1 write (~100 vs ~155 ns per 16-byte key + value record). */
const SHORT_STRING = 32;

export class RdbWriter {
  private buf: Buffer;
  private pos = 0;

  /** @param compress LZF-compress long strings (Redis's rdbcompression, default yes). */
  constructor(initialSize = 64, readonly compress = true) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  get length(): number {
    return this.pos;
  }

  /** Forgets the bytes written (keeps the buffer unless it grew past `keepBytes`). */
  reset(keepBytes = 1 << 20): void {
    this.pos = 0;
    if (this.buf.length > keepBytes) this.buf = Buffer.allocUnsafe(keepBytes);
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  writeByte(b: number): void {
    this.reserve(1);
    this.buf[this.pos++] = b & 0xff;
  }

  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** A signed 64-bit little-endian integer (any safe integer; no BigInt on the hot path). */
  writeInt64LE(v: number): void {
    this.reserve(8);
    this.buf.writeUInt32LE(v >>> 0, this.pos);
    this.buf.writeInt32LE(Math.floor(v / 0x100000000), this.pos + 4);
    this.pos += 8;
  }

  /** A latin1 string's bytes, verbatim. */
  writeLatin1(s: string): void {
    const len = s.length;
    this.reserve(len);
    if (len > SHORT_STRING) {
      this.pos += this.buf.write(s, this.pos, len, 'latin1');
      return;
    }
    // Short strings (most keys and values) are copied faster in JS than through a native call.
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < len; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** rdbSaveLen: 6-bit, 14-bit, 32-bit or 64-bit big-endian length. */
  writeLen(len: number): void {
    if (len < 1 << 6) {
      this.writeByte(len);
    } else if (len < 1 << 14) {
      this.reserve(2);
      this.buf[this.pos++] = ((len >>> 8) & 0xff) | (RDB_14BITLEN << 6);
      this.buf[this.pos++] = len & 0xff;
    } else if (len <= 0xffffffff) {
      this.reserve(5);
      this.buf[this.pos++] = RDB_32BITLEN;
      this.buf.writeUInt32BE(len, this.pos);
      this.pos += 4;
    } else {
      this.reserve(9);
      this.buf[this.pos++] = RDB_64BITLEN;
      this.buf.writeBigUInt64BE(BigInt(len), this.pos);
      this.pos += 8;
    }
  }

  /** rdbEncodeInteger: true if `v` fit in 32 bits and was written encoded. */
  writeEncodedInteger(v: number): boolean {
    if (v >= -(1 << 7) && v <= (1 << 7) - 1) {
      this.reserve(2);
      this.buf[this.pos++] = (RDB_ENCVAL << 6) | RDB_ENC_INT8;
      this.buf[this.pos++] = v & 0xff;
    } else if (v >= -(1 << 15) && v <= (1 << 15) - 1) {
      this.reserve(3);
      this.buf[this.pos++] = (RDB_ENCVAL << 6) | RDB_ENC_INT16;
      this.buf.writeInt16LE(v, this.pos);
      this.pos += 2;
    } else if (v >= -(2 ** 31) && v <= 2 ** 31 - 1) {
      this.reserve(5);
      this.buf[this.pos++] = (RDB_ENCVAL << 6) | RDB_ENC_INT32;
      this.buf.writeInt32LE(v, this.pos);
      this.pos += 4;
    } else {
      return false;
    }
    return true;
  }

  /**
   * rdbSaveRawString: a canonical integer of at most 11 chars that fits in
   * 32 bits is written as an encoded integer; a string longer than 20 bytes
   * is LZF-compressed when that saves at least 4 bytes; otherwise length + bytes.
   */
  writeString(s: string): void {
    const len = s.length;
    if (len <= 11 && len > 0) {
      // parseInt64 follows string2ll: no leading zeros, '+' or spaces, so
      // a hit is also canonical (ll2string gives back the same text).
      const v = parseInt64(s);
      if (v !== null && this.writeEncodedInteger(v)) return;
    }
    if (this.compress && len > 20) {
      this.writeStringBytes(Buffer.from(s, 'latin1'));
      return;
    }
    this.writeLen(len);
    this.writeLatin1(s);
  }

  /**
   * The non-integer part of rdbSaveRawString for bytes at hand: LZF when
   * compressing saves at least 4 bytes of a string longer than 20, else
   * length + bytes.
   */
  writeStringBytes(raw: Uint8Array): void {
    const len = raw.length;
    if (this.compress && len > 20) {
      const packed = lzfCompress(raw, len - 4);
      if (packed !== null) {
        this.writeByte((RDB_ENCVAL << 6) | RDB_ENC_LZF);
        this.writeLen(packed.length);
        this.writeLen(len);
        this.writeBytes(packed);
        return;
      }
    }
    this.writeLen(len);
    this.writeBytes(raw);
  }
}
