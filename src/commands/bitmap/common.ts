// Helpers of the bitmap commands (Redis's bitops.c): offset and type parsing,
// lookupStringForBitCommand (values edited in place as ByteStrings),
// popcount/bitpos over bytes and the bitfield integer accessors and overflow
// rules (int64 arithmetic on BigInt).

import { BIT_OFFSET, BITFIELD_TYPE, STRING_TOO_LONG, WRONGTYPE } from '../../errors.js';
import { string2ll } from '../../util/int64.js';
import { ByteString, isStringValue, type StringValue } from '../../types/value.js';
import type { CommandContext } from '../context.js';
import { MAX_JS_STRING_LENGTH } from '../string/common.js';

/**
 * getBitOffsetFromArgument: a bit offset, or with `bits` > 0 the "#<n>" form
 * meaning n × bits. Negative or at/after proto-max-bulk-len bytes → error.
 */
export function parseBitOffset(ctx: CommandContext, arg: string, bits = 0): number {
  const useHash = bits > 0 && arg.charCodeAt(0) === 0x23; // '#'
  let v = string2ll(useHash ? arg.slice(1) : arg);
  if (v === null) throw BIT_OFFSET;
  if (useHash) v = BigInt.asIntN(64, v * BigInt(bits)); // C's wrapping multiply
  if (v < 0n || (v >> 3n) >= BigInt(ctx.server.config.num('proto-max-bulk-len'))) throw BIT_OFFSET;
  return Number(v);
}

export interface BitfieldType {
  signed: boolean;
  bits: number;
}

/** getBitfieldTypeFromArgument: i1..i64 or u1..u63 (the number read up to a NUL, as strlen). */
export function parseBitfieldType(arg: string): BitfieldType {
  const c = arg.charCodeAt(0);
  if (c !== 0x69 && c !== 0x75) throw BITFIELD_TYPE;
  const signed = c === 0x69;
  const nul = arg.indexOf('\0', 1);
  const n = string2ll(nul === -1 ? arg.slice(1) : arg.slice(1, nul));
  if (n === null || n < 1n || (signed && n > 64n) || (!signed && n > 63n)) throw BITFIELD_TYPE;
  return { signed, bits: Number(n) };
}

/**
 * lookupStringForBitCommand: the string at `key` as a ByteString zero-padded
 * to hold bit `maxbit`, edited in place from then on: created (and stored) if
 * missing, unshared (a raw copy replacing a JS string) if not raw yet.
 */
export function stringForBitWrite(ctx: CommandContext, key: string, maxbit: number): ByteString {
  const byte = Math.floor(maxbit / 8);
  const db = ctx.db;
  const old = db.lookupWrite(key);
  if (old !== undefined && !isStringValue(old)) throw WRONGTYPE;
  // V8 strings stop 24 bytes short of 512 MB: a bitmap that would need more is refused
  // (Redis checks only the offset against proto-max-bulk-len, so BITFIELD may go past it).
  if (byte + 1 > MAX_JS_STRING_LENGTH) throw STRING_TOO_LONG;
  if (old === undefined) {
    const bs = ByteString.zeroed(byte + 1);
    db.add(key, bs);
    return bs;
  }
  if (old instanceof ByteString) {
    old.growZero(byte + 1);
    return old;
  }
  const bs = ByteString.fromLatin1(old, Math.max(0, byte + 1 - old.length));
  bs.growZero(byte + 1);
  db.overwrite(key, bs);
  return bs;
}

/**
 * Bytes [start, end) of a string value: a view of a ByteString's storage
 * (valid until its next write), or a copy of that range of a JS string.
 */
export function rangeBytes(v: StringValue, start: number, end: number): Uint8Array {
  if (typeof v === 'string') return Buffer.from(v.slice(start, end), 'latin1');
  return v.buf.subarray(start, end);
}

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1]!;

/** redisPopcount over bytes [start, end] of `b`. */
export function popcount(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  let i = start;
  // Four bytes at a time where possible (a 32-bit SWAR popcount).
  for (; i + 3 <= end; i += 4) {
    let x = (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  for (; i <= end; i++) n += POPCOUNT[b[i]!]!;
  return n;
}

export function popcountByte(b: number): number {
  return POPCOUNT[b & 0xff]!;
}

/**
 * The first bit equal to `bit` in bit positions [startBit, endBit] of `s`
 * (bit 0 = MSB of byte 0), or -1.
 */
export function findBit(s: Uint8Array, startBit: number, endBit: number, bit: number): number {
  let i = startBit;
  // Leading partial byte.
  while (i <= endBit && (i & 7) !== 0) {
    if (((s[i >> 3]! >> (7 - (i & 7))) & 1) === bit) return i;
    i++;
  }
  // Whole bytes.
  const skip = bit ? 0 : 0xff;
  while (i + 7 <= endBit) {
    const b = s[i >> 3]!;
    if (b !== skip) {
      for (let k = 0; k < 8; k++) if (((b >> (7 - k)) & 1) === bit) return i + k;
    }
    i += 8;
  }
  for (; i <= endBit; i++) {
    if (((s[i >> 3]! >> (7 - (i & 7))) & 1) === bit) return i;
  }
  return -1;
}

/** Byte reader: a Buffer being written, or a latin1 string (zero past its end). */
export type ByteSource = (index: number) => number;

/** getUnsignedBitfield. */
export function getUnsignedBitfield(at: ByteSource, offset: number, bits: number): bigint {
  let value = 0n;
  for (let j = 0; j < bits; j++, offset++) {
    const bitval = (at(Math.floor(offset / 8)) >> (7 - (offset % 8))) & 1;
    value = (value << 1n) | BigInt(bitval);
  }
  return value;
}

/** getSignedBitfield: the unsigned field sign-extended from its top bit. */
export function getSignedBitfield(at: ByteSource, offset: number, bits: number): bigint {
  return BigInt.asIntN(bits, getUnsignedBitfield(at, offset, bits));
}

/** setUnsignedBitfield / setSignedBitfield: the low `bits` bits of value, MSB first. */
export function setBitfield(buf: Buffer, offset: number, bits: number, value: bigint): void {
  const v = BigInt.asUintN(64, value);
  for (let j = 0; j < bits; j++, offset++) {
    const bitval = Number((v >> BigInt(bits - 1 - j)) & 1n);
    const byte = Math.floor(offset / 8);
    const bit = 7 - (offset % 8);
    buf[byte] = (buf[byte]! & ~(1 << bit)) | (bitval << bit);
  }
}

export const OVERFLOW_WRAP = 0;
export const OVERFLOW_SAT = 1;
export const OVERFLOW_FAIL = 2;

const i64 = (x: bigint) => BigInt.asIntN(64, x);
const u64 = (x: bigint) => BigInt.asUintN(64, x);

/** checkUnsignedBitfieldOverflow: [overflow (0/1/-1), limit] with C's uint64/int64 casts. */
export function checkUnsignedOverflow(value: bigint, incr: bigint, bits: number, owtype: number): [number, bigint] {
  const max = (1n << BigInt(bits)) - 1n;
  const maxincr = i64(max - value);
  const minincr = i64(-value);
  const wrap = (): bigint => u64(value + incr) & max;
  if (value > max || (incr > 0n && incr > maxincr)) {
    return [1, owtype === OVERFLOW_WRAP ? wrap() : max];
  }
  if (incr < 0n && incr < minincr) {
    return [owtype === OVERFLOW_WRAP ? 1 : -1, owtype === OVERFLOW_WRAP ? wrap() : 0n];
  }
  return [0, 0n];
}

/** checkSignedBitfieldOverflow, including its int64 wrap-around quirks. */
export function checkSignedOverflow(value: bigint, incr: bigint, bits: number, owtype: number): [number, bigint] {
  const max = bits === 64 ? (1n << 63n) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxincr = i64(u64(max) - u64(value));
  const minincr = i64(min - value);
  const wrap = (): bigint => BigInt.asIntN(bits, u64(value + incr));
  if (value > max || (bits !== 64 && incr > maxincr) || (value >= 0n && incr > 0n && incr > maxincr)) {
    return [1, owtype === OVERFLOW_WRAP ? wrap() : max];
  }
  if (value < min || (bits !== 64 && incr < minincr) || (value < 0n && incr < 0n && incr < minincr)) {
    return [owtype === OVERFLOW_WRAP ? 1 : -1, owtype === OVERFLOW_WRAP ? wrap() : min];
  }
  return [0, 0n];
}
