// LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LLEN: the O(1) ends of a list.

import { wrongArity } from '../../errors.js';
import { ListValue } from '../../types/list-value.js';
import { parseInt64 } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type Argv } from '../spec.js';
import { COUNT_NOT_POSITIVE, popMany, readList, writeList, type Where } from './common.js';
import { META } from './meta.js';

function push(ctx: CommandContext, argv: Argv, where: Where, onlyExisting: boolean): void {
  const key = argv[1]!;
  let list = writeList(ctx, key);
  if (list === undefined) {
    if (onlyExisting) {
      ctx.reply.integer(0);
      return;
    }
    list = new ListValue();
    ctx.db.add(key, list);
  }
  if (argv.length === 3) {
    if (where === 'left') list.pushHead(argv[2]!);
    else list.pushTail(argv[2]!);
  } else {
    list.pushAll(argv.slice(2), where === 'left');
  }
  ctx.keyspace.dirty += argv.length - 3;
  ctx.modified(key, where === 'left' ? 'lpush' : 'rpush', 'l');
  ctx.reply.integer(list.length);
}

function pop(ctx: CommandContext, argv: Argv, where: Where): void {
  if (argv.length > 3) throw wrongArity(argv[0]!.toLowerCase());
  let count = -1;
  if (argv.length === 3) {
    // getPositiveLongFromObjectOrReply: one message for non-integers and negatives.
    const n = parseInt64(argv[2]!);
    if (n === null || n < 0) throw COUNT_NOT_POSITIVE;
    count = n;
  }
  const key = argv[1]!;
  const list = writeList(ctx, key);
  if (list === undefined) {
    if (count >= 0) ctx.reply.nullArray();
    else ctx.reply.null();
    return;
  }
  if (count === 0) {
    ctx.reply.array(0);
    return;
  }
  const items = popMany(ctx, key, list, where, count < 0 ? 1 : count);
  if (count < 0) ctx.reply.bulk(items[0]!);
  else {
    ctx.reply.array(items.length);
    for (const v of items) ctx.reply.bulk(v);
  }
}

export const lpush = defineCommand({ ...META.lpush!, run: (ctx, argv) => push(ctx, argv, 'left', false) });
export const rpush = defineCommand({ ...META.rpush!, run: (ctx, argv) => push(ctx, argv, 'right', false) });
export const lpushx = defineCommand({ ...META.lpushx!, run: (ctx, argv) => push(ctx, argv, 'left', true) });
export const rpushx = defineCommand({ ...META.rpushx!, run: (ctx, argv) => push(ctx, argv, 'right', true) });
export const lpop = defineCommand({ ...META.lpop!, run: (ctx, argv) => pop(ctx, argv, 'left') });
export const rpop = defineCommand({ ...META.rpop!, run: (ctx, argv) => pop(ctx, argv, 'right') });

export const llen = defineCommand({
  ...META.llen!,
  run(ctx, argv) {
    const list = readList(ctx, argv[1]!);
    ctx.reply.integer(list === undefined ? 0 : list.length);
  },
});
