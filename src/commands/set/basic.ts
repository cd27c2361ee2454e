// SADD, SREM, SCARD, SISMEMBER, SMISMEMBER, SMOVE, SSCAN (Redis 7.0 t_set.c).

import { SetValue } from '../../types/set-value.js';
import { parseScanCursor, parseScanOptions } from '../args.js';
import { replyScan } from '../hash/common.js';
import { defineCommand } from '../spec.js';
import { asSet, maxIntset, readSet, writeSet } from './common.js';
import { saddMeta, scardMeta, sismemberMeta, smismemberMeta, smoveMeta, sremMeta, sscanMeta } from './meta.js';

export const sadd = defineCommand({
  ...saddMeta,
  run(ctx, argv) {
    const key = argv[1]!;
    let set = writeSet(ctx, key);
    if (set === undefined) {
      set = SetValue.forMember(argv[2]!);
      ctx.db.add(key, set);
    }
    const max = maxIntset(ctx);
    let added = 0;
    for (let i = 2; i < argv.length; i++) if (set.add(argv[i]!, max)) added++;
    if (added > 0) ctx.modified(key, 'sadd', 's');
    ctx.reply.integer(added);
  },
});

export const srem = defineCommand({
  ...sremMeta,
  run(ctx, argv) {
    const key = argv[1]!;
    const set = writeSet(ctx, key);
    if (set === undefined) {
      ctx.reply.integer(0);
      return;
    }
    let removed = 0;
    let keyRemoved = false;
    for (let i = 2; i < argv.length; i++) {
      if (set.remove(argv[i]!)) {
        removed++;
        if (set.size === 0) {
          ctx.db.delete(key);
          keyRemoved = true;
          break;
        }
      }
    }
    if (removed > 0) {
      ctx.modified(key, 'srem', 's');
      if (keyRemoved) ctx.notify('g', 'del', key);
    }
    ctx.reply.integer(removed);
  },
});

export const scard = defineCommand({
  ...scardMeta,
  run(ctx, argv) {
    ctx.reply.integer(readSet(ctx, argv[1]!)?.size ?? 0);
  },
});

export const sismember = defineCommand({
  ...sismemberMeta,
  run(ctx, argv) {
    ctx.reply.integer(readSet(ctx, argv[1]!)?.has(argv[2]!) === true ? 1 : 0);
  },
});

export const smismember = defineCommand({
  ...smismemberMeta,
  run(ctx, argv) {
    const set = readSet(ctx, argv[1]!);
    ctx.reply.array(argv.length - 2);
    for (let i = 2; i < argv.length; i++) ctx.reply.integer(set?.has(argv[i]!) === true ? 1 : 0);
  },
});

export const smove = defineCommand({
  ...smoveMeta,
  run(ctx, argv) {
    const src = argv[1]!;
    const dst = argv[2]!;
    const member = argv[3]!;
    const srcRaw = ctx.db.lookupWrite(src);
    const dstRaw = ctx.db.lookupWrite(dst);
    if (srcRaw === undefined) {
      ctx.reply.integer(0);
      return;
    }
    const srcSet = asSet(srcRaw)!;
    let dstSet = asSet(dstRaw);
    if (srcSet === dstSet) {
      ctx.reply.integer(srcSet.has(member) ? 1 : 0);
      return;
    }
    if (!srcSet.remove(member)) {
      ctx.reply.integer(0);
      return;
    }
    ctx.modified(src, 'srem', 's');
    if (srcSet.size === 0) {
      ctx.db.delete(src);
      ctx.notify('g', 'del', src);
    }
    if (dstSet === undefined) {
      dstSet = SetValue.forMember(member);
      ctx.db.add(dst, dstSet);
    }
    if (dstSet.add(member, maxIntset(ctx))) ctx.modified(dst, 'sadd', 's');
    ctx.reply.integer(1);
  },
});

export const sscan = defineCommand({
  ...sscanMeta,
  run(ctx, argv) {
    let cursor = parseScanCursor(argv[2]!);
    const set = readSet(ctx, argv[1]!);
    if (set === undefined) {
      ctx.reply.array(2);
      ctx.reply.bulk('0');
      ctx.reply.array(0);
      return;
    }
    const { count, match } = parseScanOptions(argv, 3);
    let items: string[];
    if (set.is !== null) {
      // An intset is returned whole in one call.
      items = set.members();
      cursor = 0;
    } else {
      items = [];
      cursor = set.ht!.scan(cursor, count, count * 10, (m) => {
        items.push(m);
      });
    }
    replyScan(ctx, cursor, items, match, false);
  },
});

export const SET_BASIC_COMMANDS = [sadd, srem, scard, sismember, smismember, smove, sscan];
