// EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, PERSIST (Redis's expireGenericCommand
// and persistCommand). A time already past deletes the key and propagates
// DEL; otherwise the write propagates as PEXPIREAT with an absolute time.

import { EXPIRE_GT_LT_CONFLICT, EXPIRE_NX_CONFLICT, INVALID_EXPIRE, unsupportedOption } from '../../errors.js';
import { INT64_MAX, INT64_MIN } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type Argv, type CommandSpec } from '../spec.js';
import { longLongArg } from '../args.js';

const NX = 1;
const XX = 2;
const GT = 4;
const LT = 8;

/** parseExtendedExpireArgumentsOrReply. */
function parseExpireFlags(argv: Argv): number {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j]!;
    switch (opt.toLowerCase()) {
      case 'nx': flags |= NX; break;
      case 'xx': flags |= XX; break;
      case 'gt': flags |= GT; break;
      case 'lt': flags |= LT; break;
      default: throw unsupportedOption(opt);
    }
  }
  if ((flags & NX) !== 0 && (flags & (XX | GT | LT)) !== 0) throw EXPIRE_NX_CONFLICT;
  if ((flags & GT) !== 0 && (flags & LT) !== 0) throw EXPIRE_GT_LT_CONFLICT;
  return flags;
}

const MAX_SECONDS = INT64_MAX / 1000n;
const MIN_SECONDS = INT64_MIN / 1000n;

/**
 * The absolute expiry in ms for argv[2], with Redis's overflow checks done
 * exactly (bigint), as both the number stored and the text to propagate.
 */
function absoluteTime(arg: string, basetimeMs: number, seconds: boolean, name: string): { at: number; text: string } {
  let when = longLongArg(arg);
  if (seconds) {
    if (when > MAX_SECONDS || when < MIN_SECONDS) throw INVALID_EXPIRE(name);
    when *= 1000n;
  }
  const base = BigInt(basetimeMs);
  if (when > INT64_MAX - base) throw INVALID_EXPIRE(name);
  when += base;
  // Beyond 2^53 ms (year 287,396) the stored time is the nearest double.
  return { at: Number(when), text: when.toString() };
}

function expireGeneric(ctx: CommandContext, argv: Argv, relative: boolean, seconds: boolean): void {
  const name = argv[0]!.toLowerCase();
  const flags = parseExpireFlags(argv);
  const now = ctx.keyspace.clock.now();
  const { at, text } = absoluteTime(argv[2]!, relative ? now : 0, seconds, name);
  const key = argv[1]!;
  const db = ctx.db;
  if (db.lookupWrite(key) === undefined) {
    ctx.reply.integer(0);
    return;
  }
  if (flags !== 0) {
    const current = db.getExpire(key);
    // No TTL counts as an infinite one: it fails GT, and passes LT.
    if (((flags & NX) !== 0 && current !== -1)
      || ((flags & XX) !== 0 && current === -1)
      || ((flags & GT) !== 0 && (current === -1 || at <= current))
      || ((flags & LT) !== 0 && current !== -1 && at >= current)) {
      ctx.reply.integer(0);
      return;
    }
  }
  // checkAlreadyExpired: a time not in the future deletes the key now.
  // Not while a data file loads: later commands in it may still touch the key.
  if (at <= now && !ctx.keyspace.loading) {
    db.delete(key);
    ctx.propagateAs(['DEL', key]);
    ctx.modified(key, 'del');
    ctx.reply.integer(1);
    return;
  }
  db.setExpire(key, at);
  if (name !== 'pexpireat') ctx.propagateAs(['PEXPIREAT', key, text, ...argv.slice(3)]);
  ctx.modified(key, 'expire');
  ctx.reply.integer(1);
}

const keyRW = [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }] as const;
const conditionArg = {
  name: 'condition', type: 'oneof', since: '7.0.0', flags: ['optional'], arguments: [
    { name: 'nx', type: 'pure-token', token: 'NX' },
    { name: 'xx', type: 'pure-token', token: 'XX' },
    { name: 'gt', type: 'pure-token', token: 'GT' },
    { name: 'lt', type: 'pure-token', token: 'LT' },
  ],
} as const;
const history = [['7.0.0', 'Added options: `NX`, `XX`, `GT` and `LT`.']] as const;

function expireSpec(
  name: string, summary: string, since: string, argName: string, argType: 'integer' | 'unix-time',
  relative: boolean, seconds: boolean,
): CommandSpec {
  return defineCommand({
    name,
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['keyspace'],
    keys: keyRW,
    docs: {
      summary,
      since,
      group: 'generic',
      complexity: 'O(1)',
      history,
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: argName, type: argType },
        conditionArg,
      ],
    },
    run(ctx, argv) {
      expireGeneric(ctx, argv, relative, seconds);
    },
  });
}

export const expire = expireSpec('expire', 'Set a key\'s time to live in seconds', '1.0.0', 'seconds', 'integer', true, true);
export const pexpire = expireSpec('pexpire', 'Set a key\'s time to live in milliseconds', '2.6.0', 'milliseconds', 'integer', true, false);
export const expireat = expireSpec('expireat', 'Set the expiration for a key as a UNIX timestamp', '1.2.0',
  'unix-time-seconds', 'unix-time', false, true);
export const pexpireat = expireSpec('pexpireat', 'Set the expiration for a key as a UNIX timestamp specified in milliseconds',
  '2.6.0', 'unix-time-milliseconds', 'unix-time', false, false);

export const persist = defineCommand({
  name: 'persist',
  arity: 2,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  keys: keyRW,
  docs: {
    summary: 'Remove the expiration from a key',
    since: '2.2.0',
    group: 'generic',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    if (ctx.db.lookupWrite(key) !== undefined && ctx.db.removeExpire(key)) {
      ctx.modified(key, 'persist');
      ctx.reply.integer(1);
    } else {
      ctx.reply.integer(0);
    }
  },
});
