// Reads RDB primitives from a byte buffer: lengths and strings in every
// encoding Redis writes (raw, INT8/16/32, LZF). Corrupt input throws
// RdbFormatError, never reads out of bounds.

import {
  RDB_14BITLEN, RDB_32BITLEN, RDB_64BITLEN, RDB_6BITLEN, RDB_ENC_INT16, RDB_ENC_INT32, RDB_ENC_INT8, RDB_ENC_LZF,
  RDB_ENCVAL, RdbFormatError,
} from './constants.js';
import { lzfDecompressInto } from './lzf.js';

/** The longest string V8 can hold; a longer announced length is corrupt data for us. */
const MAX_STRING = 0x1fffffe8; // V8's longest string

export class RdbReader {
  pos: number;

  constructor(readonly buf: Buffer, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw new RdbFormatError('unexpected end of RDB data');
  }

  readByte(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  /** n bytes as a latin1 string. */
  readLatin1(n: number): string {
    this.need(n);
    const s = this.buf.toString('latin1', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /**
   * rdbLoadLenByRef: a length, or — when `encoded` comes back true — the
   * special string encoding in the low 6 bits of the first byte.
   */
  readLenOrEncoding(): { len: number; encoded: boolean } {
    const first = this.readByte();
    const type = (first & 0xc0) >> 6;
    if (type === RDB_ENCVAL) return { len: first & 0x3f, encoded: true };
    if (type === RDB_6BITLEN) return { len: first & 0x3f, encoded: false };
    if (type === RDB_14BITLEN) return { len: ((first & 0x3f) << 8) | this.readByte(), encoded: false };
    if (first === RDB_32BITLEN) {
      this.need(4);
      const len = this.buf.readUInt32BE(this.pos);
      this.pos += 4;
      return { len, encoded: false };
    }
    if (first === RDB_64BITLEN) {
      this.need(8);
      const big = this.buf.readBigUInt64BE(this.pos);
      this.pos += 8;
      // Longer than anything this process can hold: report as corrupt rather than truncate.
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new RdbFormatError('length too large');
      return { len: Number(big), encoded: false };
    }
    throw new RdbFormatError(`unknown length encoding ${type}`);
  }

  /** rdbLoadLen: a plain length (an encoded-string marker here is corrupt data). */
  readLen(): number {
    const { len, encoded } = this.readLenOrEncoding();
    if (encoded) throw new RdbFormatError('unexpected encoded length');
    return len;
  }

  /** rdbGenericLoadStringObject: a string in any encoding, as latin1. */
  readString(): string {
    const { len, encoded } = this.readLenOrEncoding();
    if (!encoded) {
      if (len > MAX_STRING) throw new RdbFormatError('string too long');
      return this.readLatin1(len);
    }
    switch (len) {
      case RDB_ENC_INT8: {
        this.need(1);
        const v = this.buf.readInt8(this.pos);
        this.pos += 1;
        return String(v);
      }
      case RDB_ENC_INT16: {
        this.need(2);
        const v = this.buf.readInt16LE(this.pos);
        this.pos += 2;
        return String(v);
      }
      case RDB_ENC_INT32: {
        this.need(4);
        const v = this.buf.readInt32LE(this.pos);
        this.pos += 4;
        return String(v);
      }
      case RDB_ENC_LZF:
        return this.readLzfString();
      default:
        throw new RdbFormatError(`unknown RDB string encoding type ${len}`);
    }
  }

  /** rdbLoadLzfStringObject: the decompressed size must be exactly the announced one. */
  private readLzfString(): string {
    const clen = this.readLen();
    const len = this.readLen();
    this.need(clen);
    if (len > MAX_STRING) throw new RdbFormatError('string too long');
    const out = Buffer.allocUnsafe(len);
    const n = lzfDecompressInto(this.buf, this.pos, this.pos + clen, out);
    if (n !== len) throw new RdbFormatError('invalid LZF compressed string');
    this.pos += clen;
    return out.toString('latin1');
  }
}
