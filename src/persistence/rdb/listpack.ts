// Redis's listpack (listpack.c) and, for old payloads, ziplist (ziplist.c)
// byte formats: encode a sequence of latin1 strings as Redis 7.0 does
// (integers in the smallest integer encoding) and decode with bounds
// checks. Reusable by the hash/zset/list RDB codecs.

import { string2ll } from '../../util/int64.js';
import { RdbFormatError } from './constants.js';

const LP_HDR = 6;
const LP_EOF = 0xff;

/** Bytes `v` takes in a listpack: encoding + data + backlen. */
export function listpackEntryBytes(v: string): number {
  const n = intValue(v);
  let enc: number;
  if (n !== null) enc = intEncodingBytes(n);
  else enc = (v.length < 64 ? 1 : v.length < 4096 ? 2 : 5) + v.length;
  return enc + backlenBytes(enc);
}

/** The bytes of an empty listpack (header + end marker). */
export const LISTPACK_EMPTY_BYTES = LP_HDR + 1;

function intValue(v: string): bigint | null {
  if (v.length === 0 || v.length > 20) return null;
  return string2ll(v);
}

function intEncodingBytes(n: bigint): number {
  if (n >= 0n && n <= 127n) return 1;
  if (n >= -4096n && n <= 4095n) return 2;
  if (n >= -32768n && n <= 32767n) return 3;
  if (n >= -8388608n && n <= 8388607n) return 4;
  if (n >= -2147483648n && n <= 2147483647n) return 5;
  return 9;
}

function backlenBytes(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

/** Encodes `items` as one listpack. */
export function encodeListpack(items: readonly string[]): Buffer {
  let total = LISTPACK_EMPTY_BYTES;
  for (const v of items) total += listpackEntryBytes(v);
  const buf = Buffer.allocUnsafe(total);
  buf.writeUInt32LE(total, 0);
  buf.writeUInt16LE(items.length < 65535 ? items.length : 65535, 4);
  let p = LP_HDR;
  for (const v of items) {
    const start = p;
    const n = intValue(v);
    if (n !== null) {
      const size = intEncodingBytes(n);
      if (size === 1) buf[p++] = Number(n);
      else if (size === 2) {
        const u = Number(n < 0n ? n + 8192n : n);
        buf[p++] = 0xc0 | (u >> 8);
        buf[p++] = u & 0xff;
      } else {
        buf[p++] = size === 3 ? 0xf1 : size === 4 ? 0xf2 : size === 5 ? 0xf3 : 0xf4;
        const bytes = size - 1;
        const u = BigInt.asUintN(bytes * 8, n);
        for (let i = 0; i < bytes; i++) buf[p++] = Number((u >> BigInt(8 * i)) & 0xffn);
      }
    } else if (v.length < 64) {
      buf[p++] = 0x80 | v.length;
      p += buf.write(v, p, 'latin1');
    } else if (v.length < 4096) {
      buf[p++] = 0xe0 | (v.length >> 8);
      buf[p++] = v.length & 0xff;
      p += buf.write(v, p, 'latin1');
    } else {
      buf[p++] = 0xf0;
      buf.writeUInt32LE(v.length, p);
      p += 4;
      p += buf.write(v, p, 'latin1');
    }
    const l = p - start;
    // lpEncodeBacklen: 7 bits per byte, most significant first, continuation bit on all but the first.
    const nb = backlenBytes(l);
    for (let i = nb - 1; i >= 0; i--) {
      const part = Math.floor(l / 2 ** (7 * i)) & 127;
      buf[p++] = i === nb - 1 ? part : part | 128;
    }
  }
  buf[p] = LP_EOF;
  return buf;
}

/** Decodes a listpack, validating its structure (as lpValidateIntegrity deep). */
export function decodeListpack(buf: Buffer): string[] {
  if (buf.length < LISTPACK_EMPTY_BYTES || buf.readUInt32LE(0) !== buf.length) throw new RdbFormatError('bad listpack header');
  const declared = buf.readUInt16LE(4);
  const out: string[] = [];
  let p = LP_HDR;
  const end = buf.length - 1;
  while (p < end) {
    const start = p;
    const b = buf[p]!;
    let v: string;
    const need = (n: number): void => {
      if (p + n > end) throw new RdbFormatError('listpack entry out of range');
    };
    if ((b & 0x80) === 0) {
      v = String(b);
      p += 1;
    } else if ((b & 0xc0) === 0x80) {
      const len = b & 0x3f;
      need(1 + len);
      v = buf.toString('latin1', p + 1, p + 1 + len);
      p += 1 + len;
    } else if ((b & 0xe0) === 0xc0) {
      need(2);
      let u = ((b & 0x1f) << 8) | buf[p + 1]!;
      if (u >= 4096) u -= 8192;
      v = String(u);
      p += 2;
    } else if ((b & 0xf0) === 0xe0) {
      need(2);
      const len = ((b & 0x0f) << 8) | buf[p + 1]!;
      need(2 + len);
      v = buf.toString('latin1', p + 2, p + 2 + len);
      p += 2 + len;
    } else if (b === 0xf0) {
      need(5);
      const len = buf.readUInt32LE(p + 1);
      need(5 + len);
      v = buf.toString('latin1', p + 5, p + 5 + len);
      p += 5 + len;
    } else if (b >= 0xf1 && b <= 0xf4) {
      const bytes = b === 0xf1 ? 2 : b === 0xf2 ? 3 : b === 0xf3 ? 4 : 8;
      need(1 + bytes);
      let u = 0n;
      for (let i = bytes - 1; i >= 0; i--) u = (u << 8n) | BigInt(buf[p + 1 + i]!);
      v = String(BigInt.asIntN(bytes * 8, u));
      p += 1 + bytes;
    } else {
      throw new RdbFormatError('bad listpack encoding');
    }
    const l = p - start;
    const nb = backlenBytes(l);
    need(nb);
    let back = 0;
    for (let i = 0; i < nb; i++) back = back * 128 + (buf[p + i]! & 127);
    if (back !== l) throw new RdbFormatError('bad listpack backlen');
    p += nb;
    out.push(v);
  }
  if (p !== end || buf[end] !== LP_EOF) throw new RdbFormatError('bad listpack end');
  if (declared !== 65535 && declared !== out.length) throw new RdbFormatError('bad listpack count');
  return out;
}

/** Decodes a ziplist (RDB types before 7.0), validating its structure. */
export function decodeZiplist(buf: Buffer): string[] {
  if (buf.length < 11 || buf.readUInt32LE(0) !== buf.length || buf[buf.length - 1] !== 0xff) {
    throw new RdbFormatError('bad ziplist header');
  }
  const out: string[] = [];
  let p = 10;
  const end = buf.length - 1;
  const need = (n: number): void => {
    if (p + n > end) throw new RdbFormatError('ziplist entry out of range');
  };
  while (p < end) {
    need(1);
    p += buf[p] === 0xfe ? 5 : 1;
    need(1);
    const b = buf[p]!;
    const top = b >> 6;
    if (top === 0) {
      need(1 + (b & 0x3f));
      out.push(buf.toString('latin1', p + 1, p + 1 + (b & 0x3f)));
      p += 1 + (b & 0x3f);
    } else if (top === 1) {
      need(2);
      const len = ((b & 0x3f) << 8) | buf[p + 1]!;
      need(2 + len);
      out.push(buf.toString('latin1', p + 2, p + 2 + len));
      p += 2 + len;
    } else if (b === 0x80) {
      need(5);
      const len = buf.readUInt32BE(p + 1);
      need(5 + len);
      out.push(buf.toString('latin1', p + 5, p + 5 + len));
      p += 5 + len;
    } else if (b === 0xc0) { need(3); out.push(String(buf.readInt16LE(p + 1))); p += 3; }
    else if (b === 0xd0) { need(5); out.push(String(buf.readInt32LE(p + 1))); p += 5; }
    else if (b === 0xe0) { need(9); out.push(String(buf.readBigInt64LE(p + 1))); p += 9; }
    else if (b === 0xf0) { need(4); out.push(String(buf.readIntLE(p + 1, 3))); p += 4; }
    else if (b === 0xfe) { need(2); out.push(String(buf.readInt8(p + 1))); p += 2; }
    else if (b >= 0xf1 && b <= 0xfd) { out.push(String((b & 0x0f) - 1)); p += 1; }
    else throw new RdbFormatError('bad ziplist encoding');
  }
  return out;
}
