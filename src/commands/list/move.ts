// LMOVE RPOPLPUSH LMPOP and the blocking pops BLPOP BRPOP BLMOVE BRPOPLPUSH
// BLMPOP. A blocking command that finds nothing blocks through
// server/blocking.ts and, once a key is ready, runs again and propagates its
// non-blocking form (LPOP/RPOP key [count], LMOVE, RPOPLPUSH), as Redis.

import { RedisError, SYNTAX } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type Argv } from '../spec.js';
import { parseTimeout, parseWhere, popMany, pushOne, writeList, afterPop, type Where } from './common.js';
import { META } from './meta.js';

const NUMKEYS = new RedisError('ERR numkeys should be greater than 0');
const COUNT_POSITIVE = new RedisError('ERR count should be greater than 0');

/** lmoveGenericCommand: false when the source is missing or empty (nothing replied). */
function move(ctx: CommandContext, src: string, dst: string, from: Where, to: Where): boolean {
  const list = writeList(ctx, src);
  if (list === undefined) return false;
  const target = writeList(ctx, dst);
  const value = (from === 'left' ? list.popHead() : list.popTail())!;
  // As Redis: the destination's push is reported before the source's pop.
  pushOne(ctx, dst, src === dst ? list : target, value, to);
  ctx.reply.bulk(value);
  afterPop(ctx, src, list, from, 1);
  return true;
}

export const lmove = defineCommand({
  ...META.lmove!,
  run(ctx, argv) {
    const from = parseWhere(argv[3]!);
    const to = parseWhere(argv[4]!);
    if (!move(ctx, argv[1]!, argv[2]!, from, to)) ctx.reply.null();
  },
});

export const rpoplpush = defineCommand({
  ...META.rpoplpush!,
  run(ctx, argv) {
    if (!move(ctx, argv[1]!, argv[2]!, 'right', 'left')) ctx.reply.null();
  },
});

/** BLMOVE / BRPOPLPUSH with the timeout at argv[timeoutAt]. */
function blockingMove(ctx: CommandContext, argv: Argv, from: Where, to: Where, timeoutAt: number, propagate: string[]): void {
  const deadline = parseTimeout(ctx, argv[timeoutAt]!);
  const blocking = ctx.server.blocking;
  if (move(ctx, argv[1]!, argv[2]!, from, to)) {
    ctx.propagateAs(propagate);
    return;
  }
  if (!blocking.canBlock(ctx)) ctx.reply.null();
  // As Redis 7.0's replyToBlockedClientTimedOut: a timed-out BLMOVE answers a null array.
  else blocking.block(ctx, argv, [argv[1]!], 'list', deadline, 'nullArray');
}

export const blmove = defineCommand({
  ...META.blmove!,
  run(ctx, argv) {
    const from = parseWhere(argv[3]!);
    const to = parseWhere(argv[4]!);
    blockingMove(ctx, argv, from, to, 5, ['LMOVE', argv[1]!, argv[2]!, argv[3]!, argv[4]!]);
  },
});

export const brpoplpush = defineCommand({
  ...META.brpoplpush!,
  run(ctx, argv) {
    blockingMove(ctx, argv, 'right', 'left', 3, ['RPOPLPUSH', argv[1]!, argv[2]!]);
  },
});

/**
 * Pops from the first non-empty list of `keys`: BLPOP/BRPOP reply [key, value]
 * (count < 0), LMPOP/BLMPOP [key, [values]]. False when all are empty.
 */
function popFirst(ctx: CommandContext, keys: readonly string[], where: Where, count: number): boolean {
  for (const key of keys) {
    const list = writeList(ctx, key);
    if (list === undefined) continue;
    const items = popMany(ctx, key, list, where, count < 0 ? 1 : count);
    ctx.reply.array(2);
    ctx.reply.bulk(key);
    const cmd = where === 'left' ? 'LPOP' : 'RPOP';
    if (count < 0) {
      ctx.reply.bulk(items[0]!);
      ctx.propagateAs([cmd, key]);
    } else {
      ctx.reply.array(items.length);
      for (const v of items) ctx.reply.bulk(v);
      ctx.propagateAs([cmd, key, String(items.length)]);
    }
    return true;
  }
  return false;
}

/** BLPOP/BRPOP/BLMPOP after argument parsing (blockingPopGenericCommand). */
function blockingPop(ctx: CommandContext, argv: Argv, keys: readonly string[], where: Where, count: number,
  deadline: number): void {
  const blocking = ctx.server.blocking;
  const ready = blocking.retryKey(ctx);
  if (popFirst(ctx, ready === null ? keys : [ready], where, count)) return;
  if (!blocking.canBlock(ctx)) ctx.reply.nullArray();
  else blocking.block(ctx, argv, keys, 'list', deadline, 'nullArray');
}

function bpop(ctx: CommandContext, argv: Argv, where: Where): void {
  const deadline = parseTimeout(ctx, argv[argv.length - 1]!);
  blockingPop(ctx, argv, argv.slice(1, -1), where, -1, deadline);
}

export const blpop = defineCommand({ ...META.blpop!, run: (ctx, argv) => bpop(ctx, argv, 'left') });
export const brpop = defineCommand({ ...META.brpop!, run: (ctx, argv) => bpop(ctx, argv, 'right') });

interface MpopArgs {
  keys: string[];
  where: Where;
  count: number;
}

/** lmpopGenericCommand's parsing: numkeys, the keys, LEFT|RIGHT, [COUNT n]. */
function parseMpop(argv: Argv, numkeysAt: number): MpopArgs {
  const numkeys = parseInt64(argv[numkeysAt]!);
  if (numkeys === null || numkeys < 1) throw NUMKEYS;
  const whereAt = numkeysAt + numkeys + 1;
  if (whereAt >= argv.length) throw SYNTAX;
  const where = parseWhere(argv[whereAt]!);
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && argv[j]!.toLowerCase() === 'count' && j + 1 < argv.length) {
      const n = parseInt64(argv[++j]!);
      if (n === null || n < 1) throw COUNT_POSITIVE;
      count = n;
    } else {
      throw SYNTAX;
    }
  }
  return { keys: argv.slice(numkeysAt + 1, whereAt), where, count: count === -1 ? 1 : count };
}

export const lmpop = defineCommand({
  ...META.lmpop!,
  run(ctx, argv) {
    const { keys, where, count } = parseMpop(argv, 1);
    if (!popFirst(ctx, keys, where, count)) ctx.reply.nullArray();
  },
});

export const blmpop = defineCommand({
  ...META.blmpop!,
  run(ctx, argv) {
    const { keys, where, count } = parseMpop(argv, 2);
    const deadline = parseTimeout(ctx, argv[1]!);
    blockingPop(ctx, argv, keys, where, count, deadline);
  },
});
