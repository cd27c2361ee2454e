// ZADD (NX XX GT LT CH INCR), ZINCRBY, ZREM, ZCARD, ZSCORE, ZMSCORE, ZRANK,
// ZREVRANK, ZCOUNT, ZLEXCOUNT: Redis 7.0's zaddGenericCommand and friends.

import { RedisError, SYNTAX } from '../../errors.js';
import { ZAddResult, ZSetValue } from '../../types/zset-value.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';
import {
  deleteIfEmpty, doubleArg, isWord, parseLexRange, parseScoreRange, readZset, writeZset, zsetLimits,
} from './common.js';
import * as M from './meta-basic.js';

const NX_XX = new RedisError('ERR XX and NX options at the same time are not compatible');
const GT_LT_NX = new RedisError('ERR GT, LT, and/or NX options at the same time are not compatible');
const INCR_SINGLE = new RedisError('ERR INCR option supports a single increment-element pair');
const SCORE_NAN = new RedisError('ERR resulting score is not a number (NaN)');

const NX = 1, XX = 2, GT = 4, LT = 8, CH = 16, INCR = 32;

/** Redis's zaddGenericCommand; ZINCRBY is ZADD with INCR implied. */
function zaddGeneric(ctx: CommandContext, argv: string[], flags: number): void {
  let scoreIdx = 2;
  for (; scoreIdx < argv.length; scoreIdx++) {
    const opt = argv[scoreIdx]!;
    if (isWord(opt, 'nx')) flags |= NX;
    else if (isWord(opt, 'xx')) flags |= XX;
    else if (isWord(opt, 'ch')) flags |= CH;
    else if (isWord(opt, 'incr')) flags |= INCR;
    else if (isWord(opt, 'gt')) flags |= GT;
    else if (isWord(opt, 'lt')) flags |= LT;
    else break;
  }
  const incr = (flags & INCR) !== 0;
  const nx = (flags & NX) !== 0, xx = (flags & XX) !== 0, gt = (flags & GT) !== 0, lt = (flags & LT) !== 0;
  const elements = argv.length - scoreIdx;
  if (elements === 0 || elements % 2 !== 0) throw SYNTAX;
  const count = elements / 2;
  if (nx && xx) throw NX_XX;
  if ((gt && nx) || (lt && nx) || (gt && lt)) throw GT_LT_NX;
  if (incr && count > 1) throw INCR_SINGLE;
  const scores = new Array<number>(count);
  for (let j = 0; j < count; j++) scores[j] = doubleArg(argv[scoreIdx + j * 2]!);

  const key = argv[1]!;
  const db = ctx.db;
  let z = writeZset(db, key);
  const reply = ctx.reply;
  if (z === undefined) {
    if (xx) {
      if (incr) reply.null();
      else reply.integer(0);
      return;
    }
    const limits = zsetLimits(ctx);
    // As Redis 7.0: the encoding of a new key looks at the first member only.
    z = limits.entries === 0 || limits.value < argv[scoreIdx + 1]!.length ? ZSetValue.skiplist() : new ZSetValue();
    db.add(key, z);
  }
  const limits = zsetLimits(ctx);
  let added = 0, updated = 0, processed = 0;
  let newScore = 0;
  for (let j = 0; j < count; j++) {
    const member = argv[scoreIdx + j * 2 + 1]!;
    let score = scores[j]!;
    const cur = z.score(member);
    if (cur !== undefined) {
      if (nx) continue;
      if (incr) {
        score += cur;
        if (Number.isNaN(score)) {
          finishZadd(ctx, key, z, added, updated, incr);
          throw SCORE_NAN;
        }
      }
      if ((lt && score >= cur) || (gt && score <= cur)) continue;
      newScore = score;
      if (z.set(member, score, limits) === ZAddResult.Updated) updated++;
      processed++;
    } else {
      if (xx) continue;
      z.set(member, score, limits);
      newScore = score;
      added++;
      processed++;
    }
  }
  finishZadd(ctx, key, z, added, updated, incr);
  if (incr) {
    if (processed > 0) reply.double(newScore);
    else reply.null();
  } else {
    reply.integer((flags & CH) !== 0 ? added + updated : added);
  }
}

function finishZadd(ctx: CommandContext, key: string, z: ZSetValue, added: number, updated: number, incr: boolean): void {
  if (added + updated > 0) ctx.modified(key, incr ? 'zincr' : 'zadd', 'z');
  // A key created for nothing (XX-less INCR can only fail before inserting) is not left empty.
  if (z.size === 0) ctx.db.delete(key);
}

export const zadd = defineCommand({
  ...M.zadd,
  run(ctx, argv) {
    zaddGeneric(ctx, argv, 0);
  },
});

export const zincrby = defineCommand({
  ...M.zincrby,
  run(ctx, argv) {
    zaddGeneric(ctx, argv, INCR);
  },
});

export const zrem = defineCommand({
  ...M.zrem,
  run(ctx, argv) {
    const key = argv[1]!;
    const z = writeZset(ctx.db, key);
    if (z === undefined) {
      ctx.reply.integer(0);
      return;
    }
    let deleted = 0;
    for (let j = 2; j < argv.length; j++) {
      if (z.remove(argv[j]!)) deleted++;
      if (z.size === 0) break;
    }
    if (deleted > 0) {
      ctx.modified(key, 'zrem', 'z');
      deleteIfEmpty(ctx, key, z);
    }
    ctx.reply.integer(deleted);
  },
});

export const zcard = defineCommand({
  ...M.zcard,
  run(ctx, argv) {
    const z = readZset(ctx.db, argv[1]!);
    ctx.reply.integer(z === undefined ? 0 : z.size);
  },
});

export const zscore = defineCommand({
  ...M.zscore,
  run(ctx, argv) {
    const z = readZset(ctx.db, argv[1]!);
    const s = z?.score(argv[2]!);
    if (s === undefined) ctx.reply.null();
    else ctx.reply.double(s);
  },
});

export const zmscore = defineCommand({
  ...M.zmscore,
  run(ctx, argv) {
    const z = readZset(ctx.db, argv[1]!);
    const reply = ctx.reply;
    reply.array(argv.length - 2);
    for (let j = 2; j < argv.length; j++) {
      const s = z?.score(argv[j]!);
      if (s === undefined) reply.null();
      else reply.double(s);
    }
  },
});

function zrankGeneric(ctx: CommandContext, argv: string[], reverse: boolean): void {
  const z = readZset(ctx.db, argv[1]!);
  const r = z === undefined ? -1 : z.rank(argv[2]!, reverse);
  if (r === -1) ctx.reply.null();
  else ctx.reply.integer(r);
}

export const zrank = defineCommand({
  ...M.zrank,
  run(ctx, argv) {
    zrankGeneric(ctx, argv, false);
  },
});

export const zrevrank = defineCommand({
  ...M.zrevrank,
  run(ctx, argv) {
    zrankGeneric(ctx, argv, true);
  },
});

export const zcount = defineCommand({
  ...M.zcount,
  run(ctx, argv) {
    const range = parseScoreRange(argv[2]!, argv[3]!);
    const z = readZset(ctx.db, argv[1]!);
    ctx.reply.integer(z === undefined ? 0 : z.countByScore(range));
  },
});

export const zlexcount = defineCommand({
  ...M.zlexcount,
  run(ctx, argv) {
    const range = parseLexRange(argv[2]!, argv[3]!);
    const z = readZset(ctx.db, argv[1]!);
    ctx.reply.integer(z === undefined ? 0 : z.countByLex(range));
  },
});

export const BASIC_COMMANDS = [zadd, zincrby, zrem, zcard, zscore, zmscore, zrank, zrevrank, zcount, zlexcount];
