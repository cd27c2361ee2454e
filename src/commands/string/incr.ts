// INCR, DECR, INCRBY, DECRBY (exact over int64: numbers while values stay
// below 10^15, BigInt beyond) and INCRBYFLOAT (x87 long double, exactly as
// Redis computes and formats it; propagated as SET key value KEEPTTL).

import { DECREMENT_OVERFLOW, NAN_OR_INF, NOT_FLOAT, OVERFLOW, WRONGTYPE } from '../../errors.js';
import { parseLongDouble } from '../../util/float-parse.js';
import { INT64_MAX, INT64_MIN } from '../../util/int64.js';
import { LD_ZERO, ldAdd, ldFormatHuman } from '../../util/long-double.js';
import { ByteString } from '../../types/value.js';
import type { CommandContext } from '../context.js';
import { int64Arg } from '../args.js';
import { defineCommand, type KeySpec } from '../spec.js';
import { writeString } from './common.js';

/** Redis's incrDecrCommand: adds `incr` to the integer at `key` (0 when missing). */
function incrDecr(ctx: CommandContext, key: string, incr: number | bigint): void {
  const db = ctx.db;
  // One table lookup for the read and the write (see Database.findForWrite).
  const e = db.findForWrite(key);
  const old = e === -1 ? undefined : db.dict.valueAt(e);
  let value: number | bigint = 0;
  if (typeof old === 'string') value = int64Arg(old);
  // An edited-in-place string: no int64 text is longer than 20 bytes, so 21 decide.
  else if (old instanceof ByteString) value = int64Arg(old.latin1Slice(0, Math.min(old.len, 21)));
  else if (old !== undefined) throw WRONGTYPE;
  let result: number | bigint;
  if (typeof value === 'number' && typeof incr === 'number') {
    // Both below 10^15 in magnitude: the sum is exact, and far from the int64 limits.
    result = value + incr;
  } else {
    const sum = BigInt(value) + BigInt(incr);
    if (sum > INT64_MAX || sum < INT64_MIN) throw OVERFLOW;
    result = sum;
  }
  const text = String(result);
  if (e === -1) db.add(key, text);
  else db.dict.setValueAt(e, text);
  ctx.modified(key, 'incrby', '$');
  ctx.reply.integer(result);
}

const KEYS: readonly KeySpec[] = [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }];

export const incr = defineCommand({
  name: 'incr',
  arity: 2,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: KEYS,
  docs: {
    summary: 'Increment the integer value of a key by one',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    incrDecr(ctx, argv[1]!, 1);
  },
});

export const decr = defineCommand({
  name: 'decr',
  arity: 2,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: KEYS,
  docs: {
    summary: 'Decrement the integer value of a key by one',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    incrDecr(ctx, argv[1]!, -1);
  },
});

export const incrby = defineCommand({
  name: 'incrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: KEYS,
  docs: {
    summary: 'Increment the integer value of a key by the given amount',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'increment', type: 'integer' },
    ],
  },
  run(ctx, argv) {
    incrDecr(ctx, argv[1]!, int64Arg(argv[2]!));
  },
});

export const decrby = defineCommand({
  name: 'decrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: KEYS,
  docs: {
    summary: 'Decrement the integer value of a key by the given number',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'decrement', type: 'integer' },
    ],
  },
  run(ctx, argv) {
    const decrement = int64Arg(argv[2]!);
    // Negating LLONG_MIN would overflow: Redis reports it before looking at the key.
    if (decrement === INT64_MIN) throw DECREMENT_OVERFLOW;
    incrDecr(ctx, argv[1]!, -decrement);
  },
});

export const incrbyfloat = defineCommand({
  name: 'incrbyfloat',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: KEYS,
  docs: {
    summary: 'Increment the float value of a key by the given amount',
    since: '2.6.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'increment', type: 'double' },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const db = ctx.db;
    const old = writeString(db, key);
    const value = old === undefined ? LD_ZERO : parseLongDouble(old);
    if (value === null) throw NOT_FLOAT;
    const increment = parseLongDouble(argv[2]!);
    if (increment === null) throw NOT_FLOAT;
    const sum = ldAdd(value, increment);
    if (sum.kind !== 'finite') throw NAN_OR_INF;
    const text = ldFormatHuman(sum);
    if (old === undefined) db.add(key, text);
    else db.overwrite(key, text);
    ctx.modified(key, 'incrbyfloat', '$');
    ctx.reply.bulk(text);
    // Replicas and the AOF get the result, not the float arithmetic.
    ctx.propagateAs(['SET', key, text, 'KEEPTTL']);
  },
});

export const INCR_COMMANDS = [incr, decr, incrby, decrby, incrbyfloat];
