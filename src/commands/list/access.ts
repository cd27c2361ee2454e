// LRANGE LINDEX LSET LINSERT LREM LTRIM LPOS: reads and edits by position or
// value, with Redis's index normalisation (negative = from the tail).

import { NO_SUCH_KEY, NOT_INTEGER, OUT_OF_RANGE, RedisError, SYNTAX } from '../../errors.js';
import { INT64_MIN, parseInt64, string2ll } from '../../util/int64.js';
import { defineCommand } from '../spec.js';
import { longArg } from '../args.js';
import { deleteIfEmpty, readList, writeList } from './common.js';
import { META } from './meta.js';

const RANK_ZERO = new RedisError("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
const COUNT_NEGATIVE = new RedisError("ERR COUNT can't be negative");
const MAXLEN_NEGATIVE = new RedisError("ERR MAXLEN can't be negative");

export const lrange = defineCommand({
  ...META.lrange!,
  run(ctx, argv) {
    let start = longArg(argv[2]!);
    let end = longArg(argv[3]!);
    const list = readList(ctx, argv[1]!);
    const n = list === undefined ? 0 : list.length;
    if (start < 0) start += n;
    if (end < 0) end += n;
    if (start < 0) start = 0;
    if (list === undefined || start > end || start >= n) {
      ctx.reply.array(0);
      return;
    }
    if (end >= n) end = n - 1;
    ctx.reply.array(end - start + 1);
    for (let i = start; i <= end; i++) ctx.reply.bulk(list.get(i)!);
  },
});

export const lindex = defineCommand({
  ...META.lindex!,
  run(ctx, argv) {
    const list = readList(ctx, argv[1]!);
    if (list === undefined) {
      ctx.reply.null();
      return;
    }
    let i = longArg(argv[2]!);
    if (i < 0) i += list.length;
    const v = i >= 0 ? list.get(i) : undefined;
    if (v === undefined) ctx.reply.null();
    else ctx.reply.bulk(v);
  },
});

export const lset = defineCommand({
  ...META.lset!,
  run(ctx, argv) {
    const key = argv[1]!;
    const list = writeList(ctx, key);
    if (list === undefined) throw NO_SUCH_KEY;
    let i = longArg(argv[2]!);
    if (i < 0) i += list.length;
    if (i < 0 || i >= list.length) throw OUT_OF_RANGE;
    list.set(i, argv[3]!);
    ctx.modified(key, 'lset', 'l');
    ctx.reply.ok();
  },
});

export const linsert = defineCommand({
  ...META.linsert!,
  run(ctx, argv) {
    const where = argv[2]!.toLowerCase();
    if (where !== 'before' && where !== 'after') throw SYNTAX;
    const key = argv[1]!;
    const list = writeList(ctx, key);
    if (list === undefined) {
      ctx.reply.integer(0);
      return;
    }
    const pivot = argv[3]!;
    let at = -1;
    list.forEach((v, i) => {
      if (v !== pivot) return true;
      at = i;
      return false;
    });
    if (at < 0) {
      ctx.reply.integer(-1);
      return;
    }
    list.insertAt(where === 'after' ? at + 1 : at, argv[4]!);
    ctx.modified(key, 'linsert', 'l');
    ctx.reply.integer(list.length);
  },
});

export const lrem = defineCommand({
  ...META.lrem!,
  run(ctx, argv) {
    const count = longArg(argv[2]!);
    const key = argv[1]!;
    const list = writeList(ctx, key);
    if (list === undefined) {
      ctx.reply.integer(0);
      return;
    }
    const target = argv[3]!;
    const n = list.length;
    const limit = count === 0 ? Infinity : Math.abs(count);
    let removed = 0;
    const keep: string[] = [];
    if (count >= 0) {
      for (let i = 0; i < n; i++) {
        const v = list.get(i)!;
        if (removed < limit && v === target) removed++;
        else keep.push(v);
      }
    } else {
      for (let i = n - 1; i >= 0; i--) {
        const v = list.get(i)!;
        if (removed < limit && v === target) removed++;
        else keep.push(v);
      }
      keep.reverse();
    }
    if (removed > 0) {
      list.replaceAll(keep);
      ctx.keyspace.dirty += removed - 1;
      ctx.modified(key, 'lrem', 'l');
      deleteIfEmpty(ctx, key, list);
    }
    ctx.reply.integer(removed);
  },
});

export const ltrim = defineCommand({
  ...META.ltrim!,
  run(ctx, argv) {
    let start = longArg(argv[2]!);
    let end = longArg(argv[3]!);
    const key = argv[1]!;
    const list = writeList(ctx, key);
    if (list === undefined) {
      ctx.reply.ok();
      return;
    }
    const n = list.length;
    if (start < 0) start += n;
    if (end < 0) end += n;
    if (start < 0) start = 0;
    let removed: number;
    if (start > end || start >= n) {
      removed = n;
      list.trim(1, 0);
    } else {
      if (end >= n) end = n - 1;
      removed = start + (n - 1 - end);
      list.trim(start, end);
    }
    ctx.keyspace.dirty += removed - 1;
    ctx.modified(key, 'ltrim', 'l');
    deleteIfEmpty(ctx, key, list);
    ctx.reply.ok();
  },
});

/** getRangeLongFromObjectOrReply(0, LONG_MAX) with one message for both failures. */
function nonNegative(s: string, err: RedisError): number {
  const v = parseInt64(s);
  if (v === null || v < 0) throw err;
  return v;
}

export const lpos = defineCommand({
  ...META.lpos!,
  run(ctx, argv) {
    let rank = 1;
    let count = -1;
    let maxlen = 0;
    for (let j = 3; j < argv.length; j++) {
      const opt = argv[j]!.toLowerCase();
      const more = j + 1 < argv.length;
      if (opt === 'rank' && more) {
        const r = string2ll(argv[++j]!);
        if (r === null) throw NOT_INTEGER;
        if (r === 0n) throw RANK_ZERO;
        // As Redis, where negating LLONG_MIN leaves it negative: every match from the tail counts.
        rank = r === INT64_MIN ? -1 : Number(r);
      } else if (opt === 'count' && more) {
        count = nonNegative(argv[++j]!, COUNT_NEGATIVE);
      } else if (opt === 'maxlen' && more) {
        maxlen = nonNegative(argv[++j]!, MAXLEN_NEGATIVE);
      } else {
        throw SYNTAX;
      }
    }
    const list = readList(ctx, argv[1]!);
    if (list === undefined) {
      if (count >= 0) ctx.reply.array(0);
      else ctx.reply.null();
      return;
    }
    const element = argv[2]!;
    const n = list.length;
    const fromTail = rank < 0;
    let skip = Math.abs(rank) - 1;
    const want = count === 0 ? Infinity : count < 0 ? 1 : count;
    const found: number[] = [];
    const limit = maxlen === 0 ? n : Math.min(n, maxlen);
    for (let k = 0; k < limit && found.length < want; k++) {
      const i = fromTail ? n - 1 - k : k;
      if (list.get(i) !== element) continue;
      if (skip > 0) skip--;
      else found.push(i);
    }
    if (count >= 0) {
      ctx.reply.array(found.length);
      for (const i of found) ctx.reply.integer(i);
    } else if (found.length === 0) ctx.reply.null();
    else ctx.reply.integer(found[0]!);
  },
});
