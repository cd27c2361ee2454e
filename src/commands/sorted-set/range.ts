// ZRANGE (BYSCORE BYLEX REV LIMIT WITHSCORES), ZRANGESTORE, the legacy
// ZREVRANGE / Z[REV]RANGEBYSCORE / Z[REV]RANGEBYLEX, and ZREMRANGEBYRANK /
// BYSCORE / BYLEX: Redis 7.0's zrangeGenericCommand and zremrangeGenericCommand.

import { RedisError, SYNTAX } from '../../errors.js';
import type { LexRange, ScoreRange } from '../../types/skiplist.js';
import { ZSetValue } from '../../types/zset-value.js';
import type { CommandContext } from '../context.js';
import { longArg } from '../args.js';
import { defineCommand } from '../spec.js';
import {
  clampRanks, deleteIfEmpty, isWord, parseLexRange, parseScoreRange, readZset, replyElements, storeResult,
  writeZset, zsetLimits,
} from './common.js';
import * as M from './meta-range.js';

const LIMIT_NEEDS_BY = new RedisError('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
const WITHSCORES_BYLEX = new RedisError('ERR syntax error, WITHSCORES not supported in combination with BYLEX');

type RangeType = 'auto' | 'rank' | 'score' | 'lex';
type Direction = 'auto' | 'forward' | 'reverse';

/**
 * zrangeGenericCommand: `keyIdx` is the source key's index, `store` the
 * destination key (ZRANGESTORE) or null for a client reply.
 */
function zrangeGeneric(ctx: CommandContext, argv: string[], keyIdx: number, store: string | null, type: RangeType, dir: Direction): void {
  let minIdx = keyIdx + 1;
  let maxIdx = keyIdx + 2;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = keyIdx + 3; j < argv.length; j++) {
    const opt = argv[j]!;
    const left = argv.length - j - 1;
    if (store === null && isWord(opt, 'withscores')) withScores = true;
    else if (isWord(opt, 'limit') && left >= 2) {
      offset = longArg(argv[j + 1]!);
      limit = longArg(argv[j + 2]!);
      j += 2;
    } else if (dir === 'auto' && isWord(opt, 'rev')) dir = 'reverse';
    else if (type === 'auto' && isWord(opt, 'bylex')) type = 'lex';
    else if (type === 'auto' && isWord(opt, 'byscore')) type = 'score';
    else throw SYNTAX;
  }
  if (dir === 'auto') dir = 'forward';
  if (type === 'auto') type = 'rank';
  if (limit !== -1 && type === 'rank') throw LIMIT_NEEDS_BY;
  if (withScores && type === 'lex') throw WITHSCORES_BYLEX;
  const reverse = dir === 'reverse';
  // Reverse score and lex ranges are written max first.
  if (reverse && type !== 'rank') [minIdx, maxIdx] = [maxIdx, minIdx];

  let start = 0, end = 0;
  let scoreRange: ScoreRange | null = null;
  let lexRange: LexRange | null = null;
  if (type === 'rank') {
    start = longArg(argv[minIdx]!);
    end = longArg(argv[maxIdx]!);
  } else if (type === 'score') {
    scoreRange = parseScoreRange(argv[minIdx]!, argv[maxIdx]!);
  } else {
    lexRange = parseLexRange(argv[minIdx]!, argv[maxIdx]!);
  }

  const z = readZset(ctx.db, argv[keyIdx]!);
  const items: (string | number)[] = [];
  if (z !== undefined) {
    const push = (m: string, s: number) => { items.push(m, s); };
    if (type === 'rank') {
      const r = clampRanks(start, end, z.size);
      if (r !== null) z.rangeByRank(r[0], r[1], reverse, push);
    } else if (offset >= 0 && !(offset > 0 && offset >= z.size)) {
      // A negative offset skips everything in Redis (its skip loop never reaches 0).
      if (scoreRange !== null) z.rangeByScore(scoreRange, reverse, offset, limit, push);
      else z.rangeByLex(lexRange!, reverse, offset, limit, push);
    }
  }
  if (store === null) {
    replyElements(ctx.reply, items, withScores);
    return;
  }
  const dst = new ZSetValue();
  const limits = zsetLimits(ctx);
  for (let i = 0; i < items.length; i += 2) dst.set(items[i] as string, items[i + 1] as number, limits);
  storeResult(ctx, store, dst, 'zrangestore');
  ctx.reply.integer(dst.size);
}

function def(meta: typeof M.zrange, keyIdx: number, store: boolean, type: RangeType, dir: Direction) {
  return defineCommand({
    ...meta,
    run(ctx, argv) {
      zrangeGeneric(ctx, argv, keyIdx, store ? argv[1]! : null, type, dir);
    },
  });
}

export const zrange = def(M.zrange, 1, false, 'auto', 'auto');
export const zrangestore = def(M.zrangestore, 2, true, 'auto', 'auto');
export const zrangebyscore = def(M.zrangebyscore, 1, false, 'score', 'forward');
export const zrevrangebyscore = def(M.zrevrangebyscore, 1, false, 'score', 'reverse');
export const zrangebylex = def(M.zrangebylex, 1, false, 'lex', 'forward');
export const zrevrangebylex = def(M.zrevrangebylex, 1, false, 'lex', 'reverse');
export const zrevrange = def(M.zrevrange, 1, false, 'rank', 'reverse');

/** zremrangeGenericCommand. */
function zremrange(ctx: CommandContext, argv: string[], type: 'rank' | 'score' | 'lex'): void {
  const key = argv[1]!;
  let start = 0, end = 0;
  let scoreRange: ScoreRange | null = null;
  let lexRange: LexRange | null = null;
  if (type === 'rank') {
    start = longArg(argv[2]!);
    end = longArg(argv[3]!);
  } else if (type === 'score') {
    scoreRange = parseScoreRange(argv[2]!, argv[3]!);
  } else {
    lexRange = parseLexRange(argv[2]!, argv[3]!);
  }
  const z = writeZset(ctx.db, key);
  if (z === undefined) {
    ctx.reply.integer(0);
    return;
  }
  let deleted = 0;
  if (type === 'rank') {
    const r = clampRanks(start, end, z.size);
    if (r !== null) deleted = z.removeRangeByRank(r[0], r[1]);
  } else if (type === 'score') {
    deleted = z.removeRangeByScore(scoreRange!);
  } else {
    deleted = z.removeRangeByLex(lexRange!);
  }
  if (deleted > 0) {
    ctx.modified(key, `zremrangeby${type}`, 'z');
    deleteIfEmpty(ctx, key, z);
  }
  ctx.reply.integer(deleted);
}

export const zremrangebyrank = defineCommand({ ...M.zremrangebyrank, run: (ctx, argv) => zremrange(ctx, argv, 'rank') });
export const zremrangebyscore = defineCommand({ ...M.zremrangebyscore, run: (ctx, argv) => zremrange(ctx, argv, 'score') });
export const zremrangebylex = defineCommand({ ...M.zremrangebylex, run: (ctx, argv) => zremrange(ctx, argv, 'lex') });

export const RANGE_COMMANDS = [
  zrange, zrangestore, zrangebyscore, zrevrangebyscore, zrangebylex, zrevrangebylex, zrevrange,
  zremrangebyrank, zremrangebyscore, zremrangebylex,
];
