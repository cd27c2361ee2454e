// ZPOPMIN, ZPOPMAX, ZMPOP: Redis 7.0's genericZpopCommand with its four
// reply shapes (flat / nested, with / without the key).

import { RedisError, SYNTAX } from '../../errors.js';
import type { Database } from '../../keyspace/database.js';
import { parseInt64 } from '../../util/int64.js';
import { ZSetValue } from '../../types/zset-value.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';
import { deleteIfEmpty, isWord, writeZset } from './common.js';
import { parseTimeout } from '../list/common.js';
import * as M from './meta-pop.js';

export const COUNT_NOT_POSITIVE = new RedisError('ERR value is out of range, must be positive');
export const NUMKEYS_POSITIVE = new RedisError('ERR numkeys should be greater than 0');
export const COUNT_POSITIVE = new RedisError('ERR count should be greater than 0');

/** getRangeLongFromObjectOrReply with a custom message for both failures. */
export function rangeLong(s: string, min: number, err: RedisError): number {
  const v = parseInt64(s);
  if (v === null || v < min) throw err;
  return v;
}

/** The first existing key among `keys` holding a sorted set (WRONGTYPE stops the search). */
export function firstZset(db: Database, keys: readonly string[]): [string, ZSetValue] | null {
  for (const key of keys) {
    const z = writeZset(db, key);
    if (z !== undefined) return [key, z];
  }
  return null;
}

/**
 * Pops up to `count` elements from the set at `key` and writes them:
 * nested [m, s] pairs or flat m, s. Emits notifications and deletes the key
 * when emptied. The caller writes any enclosing array.
 */
export function popAndReply(ctx: CommandContext, key: string, z: ZSetValue, max: boolean, count: number, nested: boolean): void {
  const reply = ctx.reply;
  const n = Math.min(count, z.size);
  for (let i = 0; i < n; i++) {
    let member = '', score = 0;
    z.at(max ? z.size - 1 : 0, (m, s) => { member = m; score = s; });
    z.remove(member);
    if (nested) reply.array(2);
    reply.bulk(member);
    reply.double(score);
  }
  ctx.modified(key, max ? 'zpopmax' : 'zpopmin', 'z');
  deleteIfEmpty(ctx, key, z);
}

function zpopMinMax(ctx: CommandContext, argv: string[], max: boolean): void {
  if (argv.length > 3) throw SYNTAX;
  const count = argv.length === 3 ? rangeLong(argv[2]!, 0, COUNT_NOT_POSITIVE) : -1;
  // RESP3 nests [member, score] pairs only when a COUNT was given.
  const nested = ctx.reply.resp === 3 && count !== -1;
  const found = firstZset(ctx.db, [argv[1]!]);
  if (found === null || count === 0) {
    ctx.reply.array(0);
    return;
  }
  const [key, z] = found;
  const n = Math.min(count === -1 ? 1 : count, z.size);
  ctx.reply.array(nested ? n : n * 2);
  popAndReply(ctx, key, z, max, n, nested);
}

export const zpopmin = defineCommand({ ...M.zpopmin, run: (ctx, argv) => zpopMinMax(ctx, argv, false) });
export const zpopmax = defineCommand({ ...M.zpopmax, run: (ctx, argv) => zpopMinMax(ctx, argv, true) });

export interface ZmpopArgs {
  keys: string[];
  max: boolean;
  count: number;
}

/** zmpopGenericCommand's argument parsing; `numkeysIdx` is 1 for ZMPOP, 2 for BZMPOP. */
export function parseZmpop(argv: string[], numkeysIdx: number): ZmpopArgs {
  const numkeys = rangeLong(argv[numkeysIdx]!, 1, NUMKEYS_POSITIVE);
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) throw SYNTAX;
  const where = argv[whereIdx]!;
  let max: boolean;
  if (isWord(where, 'min')) max = false;
  else if (isWord(where, 'max')) max = true;
  else throw SYNTAX;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && isWord(argv[j]!, 'count') && j < argv.length - 1) {
      j++;
      count = rangeLong(argv[j]!, 1, COUNT_POSITIVE);
    } else {
      throw SYNTAX;
    }
  }
  return { keys: argv.slice(numkeysIdx + 1, whereIdx), max, count: count === -1 ? 1 : count };
}

/** ZMPOP / BZMPOP reply for a found set: [key, [[m, s], ...]]; propagated as ZPOPMIN/ZPOPMAX key count. */
export function zmpopFrom(ctx: CommandContext, key: string, z: ZSetValue, max: boolean, count: number): void {
  ctx.reply.array(2);
  ctx.reply.bulk(key);
  ctx.reply.array(Math.min(count, z.size));
  popAndReply(ctx, key, z, max, count, true);
  ctx.propagateAs([max ? 'ZPOPMAX' : 'ZPOPMIN', key, String(count)]);
}

export const zmpop = defineCommand({
  ...M.zmpop,
  run(ctx, argv) {
    const { keys, max, count } = parseZmpop(argv, 1);
    const found = firstZset(ctx.db, keys);
    if (found === null) {
      ctx.reply.nullArray();
      return;
    }
    zmpopFrom(ctx, found[0], found[1], max, count);
  },
});

export const POP_COMMANDS = [zpopmin, zpopmax, zmpop];

/**
 * blockingGenericZpopCommand: pops from the first non-empty key (only the
 * ready key when retried), or blocks. `count` -1 is BZPOPMIN/BZPOPMAX's flat
 * [key, member, score]; otherwise BZMPOP's nested reply.
 */
function blockingZpop(ctx: CommandContext, argv: string[], keys: readonly string[], max: boolean, count: number, deadline: number): void {
  const blocking = ctx.server.blocking;
  const ready = blocking.retryKey(ctx);
  for (const key of ready === null ? keys : [ready]) {
    const z = writeZset(ctx.db, key);
    if (z === undefined) continue;
    if (count !== -1) {
      zmpopFrom(ctx, key, z, max, count);
      return;
    }
    ctx.reply.array(3);
    ctx.reply.bulk(key);
    popAndReply(ctx, key, z, max, 1, false);
    ctx.propagateAs([max ? 'ZPOPMAX' : 'ZPOPMIN', key]);
    return;
  }
  if (!blocking.canBlock(ctx)) ctx.reply.nullArray();
  else blocking.block(ctx, argv, keys, 'zset', deadline, 'nullArray');
}

export const bzpopmin = defineCommand({
  ...M.bzpopmin,
  run(ctx, argv) {
    const deadline = parseTimeout(ctx, argv[argv.length - 1]!);
    blockingZpop(ctx, argv, argv.slice(1, -1), false, -1, deadline);
  },
});

export const bzpopmax = defineCommand({
  ...M.bzpopmax,
  run(ctx, argv) {
    const deadline = parseTimeout(ctx, argv[argv.length - 1]!);
    blockingZpop(ctx, argv, argv.slice(1, -1), true, -1, deadline);
  },
});

export const bzmpop = defineCommand({
  ...M.bzmpop,
  run(ctx, argv) {
    const { keys, max, count } = parseZmpop(argv, 2);
    const deadline = parseTimeout(ctx, argv[1]!);
    blockingZpop(ctx, argv, keys, max, count, deadline);
  },
});

export const BLOCKING_POP_COMMANDS = [bzpopmin, bzpopmax, bzmpop];
