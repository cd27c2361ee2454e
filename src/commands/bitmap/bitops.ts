// SETBIT GETBIT BITCOUNT BITPOS BITOP, as Redis 7.0's bitops.c. SETBIT edits
// the value in place as a ByteString (O(1), amortised when it grows); readers
// take either string form.

import { BIT_VALUE, BITOP_NOT_ONE_KEY, BITPOS_BIT, NOT_INTEGER, SYNTAX, WRONGTYPE } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import { longLongArg } from '../args.js';
import { defineCommand } from '../spec.js';
import { optionWord } from '../string/common.js';
import { ByteString, isStringValue, stringBytesLength, stringValueBytes } from '../../types/value.js';
import { findBit, parseBitOffset, popcount, popcountByte, rangeBytes, stringForBitWrite } from './common.js';

export const setbit = defineCommand({
  name: 'setbit',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['bitmap'],
  keys: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Sets or clears the bit at offset in the string value stored at key',
    since: '2.2.0',
    group: 'bitmap',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'offset', type: 'integer' },
      { name: 'value', type: 'integer' },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const offset = parseBitOffset(ctx, argv[2]!);
    const on = parseInt64(argv[3]!);
    if (on === null || (on !== 0 && on !== 1)) throw BIT_VALUE;
    const bs = stringForBitWrite(ctx, key, offset);
    const byte = Math.floor(offset / 8);
    const bit = 7 - (offset % 8);
    const buf = bs.buf;
    const old = buf[byte]!;
    buf[byte] = (old & ~(1 << bit)) | (on << bit);
    ctx.modified(key, 'setbit', '$');
    ctx.reply.integer((old >> bit) & 1);
  },
});

export const getbit = defineCommand({
  name: 'getbit',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['bitmap'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Returns the bit value at offset in the string value stored at key',
    since: '2.2.0',
    group: 'bitmap',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'offset', type: 'integer' },
    ],
  },
  run(ctx, argv) {
    const offset = parseBitOffset(ctx, argv[2]!);
    const v = ctx.db.lookupRead(argv[1]!);
    if (v === undefined) return ctx.reply.integer(0);
    const byte = Math.floor(offset / 8);
    let b: number;
    if (typeof v === 'string') b = byte < v.length ? v.charCodeAt(byte) : 0;
    else if (v instanceof ByteString) b = byte < v.len ? v.buf[byte]! : 0;
    else throw WRONGTYPE;
    ctx.reply.integer((b >> (7 - (offset % 8))) & 1);
  },
});

/** The BYTE|BIT unit word: true for BIT. */
function unitIsBit(arg: string): boolean {
  const w = optionWord(arg);
  if (w === 'bit') return true;
  if (w === 'byte') return false;
  throw SYNTAX;
}

/** Normalizes start/end as Redis does: negatives from the end, clamped to [0, totlen-1]. */
function clampRange(start: bigint, end: bigint, totlen: bigint): [number, number] {
  if (start < 0n) start += totlen;
  if (end < 0n) end += totlen;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= totlen) end = totlen - 1n;
  // Both now lie in [-1, totlen] apart from a huge positive start, which only needs to stay > end.
  return [start > totlen ? Number(totlen) + 1 : Number(start), Number(end)];
}

export const bitcount = defineCommand({
  name: 'bitcount',
  arity: -2,
  flags: ['readonly'],
  acl: ['bitmap'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Count set bits in a string',
    since: '2.6.0',
    group: 'bitmap',
    complexity: 'O(N)',
    history: [['7.0.0', 'Added the `BYTE|BIT` option.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'index', type: 'block', flags: ['optional'], arguments: [
        { name: 'start', type: 'integer' },
        { name: 'end', type: 'integer' },
        { name: 'index_unit', type: 'oneof', since: '7.0.0', flags: ['optional'], arguments: [
          { name: 'byte', type: 'pure-token', token: 'BYTE' },
          { name: 'bit', type: 'pure-token', token: 'BIT' },
        ] },
      ] },
    ],
  },
  run(ctx, argv) {
    const v = ctx.db.lookupRead(argv[1]!);
    if (v === undefined) return ctx.reply.integer(0);
    if (!isStringValue(v)) throw WRONGTYPE;
    const strlen = stringBytesLength(v);
    if (argv.length === 2) return ctx.reply.integer(popcount(rangeBytes(v, 0, strlen), 0, strlen - 1));
    if (argv.length !== 4 && argv.length !== 5) throw SYNTAX;
    const s = longLongArg(argv[2]!);
    const e = longLongArg(argv[3]!);
    const isBit = argv.length === 5 && unitIsBit(argv[4]!);
    if (s < 0n && e < 0n && s > e) return ctx.reply.integer(0);
    const totlen = BigInt(isBit ? strlen * 8 : strlen);
    let [start, end] = clampRange(s, e, totlen);
    if (start > end) return ctx.reply.integer(0);
    if (!isBit) return ctx.reply.integer(popcount(rangeBytes(v, start, end + 1), 0, end - start));
    // Whole bytes, minus the bits of the edge bytes outside the range.
    const firstMask = ~((1 << (8 - (start & 7))) - 1) & 0xff;
    const lastMask = (1 << (7 - (end & 7))) - 1;
    start >>= 3;
    end >>= 3;
    const bytes = rangeBytes(v, start, end + 1);
    const last = end - start;
    let count = popcount(bytes, 0, last);
    count -= popcountByte(bytes[0]! & firstMask) + popcountByte(bytes[last]! & lastMask);
    ctx.reply.integer(count);
  },
});

export const bitpos = defineCommand({
  name: 'bitpos',
  arity: -3,
  flags: ['readonly'],
  acl: ['bitmap'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Find first bit set or clear in a string',
    since: '2.8.7',
    group: 'bitmap',
    complexity: 'O(N)',
    history: [['7.0.0', 'Added the `BYTE|BIT` option.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'bit', type: 'integer' },
      { name: 'index', type: 'block', flags: ['optional'], arguments: [
        { name: 'start', type: 'integer' },
        { name: 'end_index', type: 'block', flags: ['optional'], arguments: [
          { name: 'end', type: 'integer' },
          { name: 'index_unit', type: 'oneof', since: '7.0.0', flags: ['optional'], arguments: [
            { name: 'byte', type: 'pure-token', token: 'BYTE' },
            { name: 'bit', type: 'pure-token', token: 'BIT' },
          ] },
        ] },
      ] },
    ],
  },
  run(ctx, argv) {
    const bit = parseInt64(argv[2]!);
    if (bit === null) throw NOT_INTEGER;
    if (bit !== 0 && bit !== 1) throw BITPOS_BIT;
    const v = ctx.db.lookupRead(argv[1]!);
    // A missing key is an infinite run of zeros.
    if (v === undefined) return ctx.reply.integer(bit ? -1 : 0);
    if (!isStringValue(v)) throw WRONGTYPE;
    const strlen = stringBytesLength(v);
    let startBit = 0;
    let endBit = strlen * 8 - 1;
    let endGiven = false;
    if (argv.length >= 4 && argv.length <= 6) {
      const s = longLongArg(argv[3]!);
      const isBit = argv.length === 6 && unitIsBit(argv[5]!);
      let e: bigint;
      if (argv.length >= 5) {
        e = longLongArg(argv[4]!);
        endGiven = true;
      } else {
        e = isBit ? BigInt(strlen) * 8n + 7n : BigInt(strlen) - 1n;
      }
      const [start, end] = clampRange(s, e, BigInt(isBit ? strlen * 8 : strlen));
      if (start > end) return ctx.reply.integer(-1);
      startBit = isBit ? start : start * 8;
      endBit = isBit ? end : end * 8 + 7;
    } else if (argv.length !== 3) {
      throw SYNTAX;
    }
    if (startBit > endBit) return ctx.reply.integer(-1);
    // Only the bytes of the range are scanned (a JS string's range is copied first).
    const base = (startBit >> 3) * 8;
    const found = findBit(rangeBytes(v, startBit >> 3, (endBit >> 3) + 1), startBit - base, endBit - base, bit);
    const pos = found === -1 ? -1 : found + base;
    // Looking for a 0 with no explicit end: the string is as if zero padded on the right.
    if (pos === -1 && bit === 0 && !endGiven) return ctx.reply.integer(endBit + 1);
    ctx.reply.integer(pos);
  },
});

export const bitop = defineCommand({
  name: 'bitop',
  arity: -4,
  flags: ['write', 'denyoom'],
  acl: ['bitmap'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 3 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Perform bitwise operations between strings',
    since: '2.6.0',
    group: 'bitmap',
    complexity: 'O(N)',
    arguments: [
      { name: 'operation', type: 'string' },
      { name: 'destkey', type: 'key', keySpecIndex: 0 },
      { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
    ],
  },
  run(ctx, argv) {
    const op = optionWord(argv[1]!);
    if (op !== 'and' && op !== 'or' && op !== 'xor' && op !== 'not') throw SYNTAX;
    if (op === 'not' && argv.length !== 4) throw BITOP_NOT_ONE_KEY;
    const db = ctx.db;
    const srcs: Buffer[] = [];
    let maxlen = 0;
    for (let j = 3; j < argv.length; j++) {
      const v = db.lookupRead(argv[j]!);
      if (v !== undefined && !isStringValue(v)) throw WRONGTYPE;
      // Views of raw values stay valid: nothing is written before the result is built.
      const b = v === undefined ? Buffer.alloc(0) : stringValueBytes(v);
      srcs.push(b);
      if (b.length > maxlen) maxlen = b.length;
    }
    const target = argv[2]!;
    if (maxlen === 0) {
      if (db.delete(target)) ctx.modified(target, 'del', 'g');
      return ctx.reply.integer(0);
    }
    const res = Buffer.alloc(maxlen);
    srcs[0]!.copy(res);
    if (op === 'not') {
      for (let i = 0; i < maxlen; i++) res[i] = ~res[i]! & 0xff;
    } else {
      for (let k = 1; k < srcs.length; k++) {
        const src = srcs[k]!;
        const n = src.length;
        if (op === 'and') {
          for (let i = 0; i < maxlen; i++) res[i]! &= i < n ? src[i]! : 0;
        } else if (op === 'or') {
          for (let i = 0; i < n; i++) res[i]! |= src[i]!;
        } else {
          for (let i = 0; i < n; i++) res[i]! ^= src[i]!;
        }
      }
    }
    if (db.expires.size !== 0) db.expireIfNeeded(target);
    // Redis stores the result as a raw sds of exactly maxlen bytes.
    db.setKey(target, ByteString.wrap(res, maxlen));
    ctx.modified(target, 'set', '$');
    ctx.reply.integer(maxlen);
  },
});
