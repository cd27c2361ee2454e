// SETRANGE, GETRANGE, SUBSTR (GETRANGE's old name), STRLEN.

import { NOT_INTEGER, OFFSET_OUT_OF_RANGE } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { int64Arg } from '../args.js';
import { defineCommand, type CommandSpec } from '../spec.js';
import { ByteString, stringBytesLength } from '../../types/value.js';
import { checkStringLength, readStringValue, writeStringValue } from './common.js';

export const setrange = defineCommand({
  name: 'setrange',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  keys: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Overwrite part of a string at key starting at the specified offset',
    since: '2.2.0',
    group: 'string',
    complexity: 'O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'offset', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const value = argv[3]!;
    // Beyond 2^53 the offset is inexact, but then it is far past any allowed size anyway.
    const offset = parseInt64(argv[2]!);
    if (offset === null) throw NOT_INTEGER;
    if (offset < 0) throw OFFSET_OUT_OF_RANGE;
    const db = ctx.db;
    const old = writeStringValue(db, key);
    const oldLength = old === undefined ? 0 : stringBytesLength(old);
    // Setting nothing changes nothing (and creates no key).
    if (value.length === 0) {
      ctx.reply.integer(oldLength);
      return;
    }
    checkStringLength(ctx, offset + value.length);
    if (old === undefined) {
      // Redis's sdsnewlen(NULL, offset + len): a raw string, zero-filled.
      const bs = ByteString.zeroed(offset + value.length);
      bs.writeLatin1(offset, value);
      db.add(key, bs);
    } else if (old instanceof ByteString) {
      old.writeLatin1(offset, value); // in place (the write lookup let a running snapshot save the old bytes)
    } else {
      // dbUnshareStringValue: a raw copy, then edited in place from now on.
      const bs = ByteString.fromLatin1(old);
      bs.writeLatin1(offset, value);
      db.overwrite(key, bs);
    }
    ctx.modified(key, 'setrange', '$');
    ctx.reply.integer(Math.max(oldLength, offset + value.length));
  },
});

/** Redis's getrangeCommand (7.0 rules: both negative with start > end is empty). */
function getrangeGeneric(ctx: CommandContext, argv: readonly string[]): void {
  const startArg = int64Arg(argv[2]!);
  const endArg = int64Arg(argv[3]!);
  const str = readStringValue(ctx.db, argv[1]!);
  if (str === undefined) {
    ctx.reply.bulk('');
    return;
  }
  const len = BigInt(stringBytesLength(str));
  let start = BigInt(startArg);
  let end = BigInt(endArg);
  if (start < 0n && end < 0n && start > end) {
    ctx.reply.bulk('');
    return;
  }
  if (start < 0n) start += len;
  if (end < 0n) end += len;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= len) end = len - 1n;
  if (start > end || len === 0n) ctx.reply.bulk('');
  else if (typeof str === 'string') ctx.reply.bulk(str.slice(Number(start), Number(end) + 1));
  else ctx.reply.bulk(str.latin1Slice(Number(start), Number(end) + 1));
}

const RANGE_ARGS = [
  { name: 'key', type: 'key', keySpecIndex: 0 },
  { name: 'start', type: 'integer' },
  { name: 'end', type: 'integer' },
] as const;

const GETRANGE_COMPLEXITY = 'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.';

export const getrange = defineCommand({
  name: 'getrange',
  arity: 4,
  flags: ['readonly'],
  acl: ['string'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get a substring of the string stored at a key',
    since: '2.4.0',
    group: 'string',
    complexity: GETRANGE_COMPLEXITY,
    arguments: RANGE_ARGS,
  },
  run: getrangeGeneric,
});

export const substr = defineCommand({
  name: 'substr',
  arity: 4,
  flags: ['readonly'],
  acl: ['string'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get a substring of the string stored at a key',
    since: '1.0.0',
    group: 'string',
    complexity: GETRANGE_COMPLEXITY,
    docFlags: ['deprecated'],
    deprecatedSince: '2.0.0',
    replacedBy: '`GETRANGE`',
    arguments: RANGE_ARGS,
  },
  run: getrangeGeneric,
});

export const strlen = defineCommand({
  name: 'strlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['string'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the length of the value stored in a key',
    since: '2.2.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    const str = readStringValue(ctx.db, argv[1]!);
    ctx.reply.integer(str === undefined ? 0 : stringBytesLength(str));
  },
});

export const RANGE_COMMANDS: CommandSpec[] = [setrange, getrange, substr, strlen];
