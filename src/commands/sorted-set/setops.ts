// ZUNION, ZINTER, ZDIFF, their *STORE forms and ZINTERCARD: Redis 7.0's
// zunionInterDiffGenericCommand. Plain sets are inputs with score 1 each;
// weights multiply, inf*0 (NaN) counts as 0, AGGREGATE SUM|MIN|MAX.

import { RedisError, SYNTAX, WRONGTYPE } from '../../errors.js';
import { Dict } from '../../keyspace/dict.js';
import { parseInt64 } from '../../util/int64.js';
import { SetValue } from '../../types/set-value.js';
import { ZSetValue } from '../../types/zset-value.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';
import { longArg } from '../args.js';
import { doubleArg, isWord, replyElements, storeResult, zsetLimits } from './common.js';
import * as M from './meta-setops.js';

const WEIGHT_NOT_FLOAT = new RedisError('ERR weight value is not a float');
const LIMIT_NEGATIVE = new RedisError("ERR LIMIT can't be negative");

type Op = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** One input: a sorted set, a plain set (scores 1), or a missing key (empty). */
interface Source {
  z: ZSetValue | null;
  s: SetValue | null;
  weight: number;
}

function sourceSize(src: Source): number {
  return src.z !== null ? src.z.size : src.s !== null ? src.s.size : 0;
}

function sourceScore(src: Source, member: string): number | undefined {
  if (src.z !== null) return src.z.score(member);
  if (src.s !== null) return src.s.has(member) ? 1 : undefined;
  return undefined;
}

function sourceForEach(src: Source, visit: (m: string, s: number) => void): void {
  if (src.z !== null) src.z.forEach(visit);
  else if (src.s !== null) src.s.forEach((m) => visit(m, 1));
}

/** zunionInterAggregate. */
function aggregate(target: number, value: number, how: Aggregate): number {
  if (how === 'sum') {
    const r = target + value;
    // The sum of +inf and -inf is NaN: Redis stores 0.
    return Number.isNaN(r) ? 0 : r;
  }
  if (how === 'min') return value < target ? value : target;
  return value > target ? value : target;
}

function setopGeneric(ctx: CommandContext, argv: string[], dstKey: string | null, numkeysIdx: number, op: Op, cardOnly: boolean): void {
  const numkeys = longArg(argv[numkeysIdx]!);
  const name = argv[0]!.toLowerCase();
  if (numkeys < 1) throw new RedisError(`ERR at least 1 input key is needed for '${name}' command`);
  if (numkeys > argv.length - (numkeysIdx + 1)) throw SYNTAX;
  const db = ctx.db;
  const srcs: Source[] = [];
  let j = numkeysIdx + 1;
  for (let i = 0; i < numkeys; i++, j++) {
    const v = dstKey !== null ? db.lookupWrite(argv[j]!) : db.lookupRead(argv[j]!);
    if (v === undefined) srcs.push({ z: null, s: null, weight: 1 });
    else if (v instanceof ZSetValue) srcs.push({ z: v, s: null, weight: 1 });
    else if (v instanceof SetValue) srcs.push({ z: null, s: v, weight: 1 });
    else throw WRONGTYPE;
  }
  let how: Aggregate = 'sum';
  let withScores = false;
  let limit = 0;
  while (j < argv.length) {
    const remaining = argv.length - j;
    const opt = argv[j]!;
    if (op !== 'diff' && !cardOnly && remaining >= numkeys + 1 && isWord(opt, 'weights')) {
      j++;
      for (let i = 0; i < numkeys; i++, j++) {
        const w = argv[j]!;
        try {
          srcs[i]!.weight = doubleArg(w);
        } catch {
          throw WEIGHT_NOT_FLOAT;
        }
      }
    } else if (op !== 'diff' && !cardOnly && remaining >= 2 && isWord(opt, 'aggregate')) {
      const a = argv[j + 1]!;
      if (isWord(a, 'sum')) how = 'sum';
      else if (isWord(a, 'min')) how = 'min';
      else if (isWord(a, 'max')) how = 'max';
      else throw SYNTAX;
      j += 2;
    } else if (dstKey === null && !cardOnly && isWord(opt, 'withscores')) {
      withScores = true;
      j++;
    } else if (cardOnly && remaining >= 2 && isWord(opt, 'limit')) {
      const l = parseInt64(argv[j + 1]!);
      if (l === null || l < 0) throw LIMIT_NEGATIVE;
      limit = l;
      j += 2;
    } else {
      throw SYNTAX;
    }
  }

  const result = new Dict<number>(0);
  if (op === 'inter') {
    // Smallest input first: fewer probes, as Redis sorts by cardinality.
    const order = [...srcs].sort((a, b) => sourceSize(a) - sourceSize(b));
    const first = order[0]!;
    if (sourceSize(first) > 0) {
      let stop = false;
      sourceForEach(first, (m, s) => {
        if (stop) return;
        let score = first.weight * s;
        if (Number.isNaN(score)) score = 0;
        for (let k = 1; k < order.length; k++) {
          const other = order[k]!;
          const v = sourceScore(other, m);
          if (v === undefined) return;
          score = aggregate(score, v * other.weight, how);
        }
        result.insertNew(m, score);
        if (cardOnly && limit > 0 && result.size >= limit) stop = true;
      });
    }
  } else if (op === 'union') {
    // Same stable smallest-first order as Redis (glibc's qsort is a merge sort): it decides float sum rounding.
    for (const src of [...srcs].sort((a, b) => sourceSize(a) - sourceSize(b))) {
      sourceForEach(src, (m, s) => {
        let score = src.weight * s;
        if (Number.isNaN(score)) score = 0;
        const e = result.find(m);
        if (e === -1) result.insertNew(m, score);
        else result.setValueAt(e, aggregate(result.valueAt(e), score, how));
      });
    }
  } else {
    const first = srcs[0]!;
    sourceForEach(first, (m, s) => {
      for (let k = 1; k < srcs.length; k++) if (sourceScore(srcs[k]!, m) !== undefined) return;
      result.insertNew(m, s);
    });
  }

  if (cardOnly) {
    ctx.reply.integer(result.size);
    return;
  }
  const dst = ZSetValue.skiplist();
  const limits = zsetLimits(ctx);
  let maxLen = 0;
  result.forEach((e) => {
    const m = result.keyAt(e);
    if (m.length > maxLen) maxLen = m.length;
    dst.set(m, result.valueAt(e), limits);
  });
  if (dstKey !== null) {
    if (dst.size > 0) dst.convertToListpackIfFits(limits, maxLen);
    storeResult(ctx, dstKey, dst, `z${op}store`);
    ctx.reply.integer(dst.size);
    return;
  }
  const items: (string | number)[] = [];
  dst.forEach((m, s) => { items.push(m, s); });
  replyElements(ctx.reply, items, withScores);
}

export const zunion = defineCommand({ ...M.zunion, run: (ctx, argv) => setopGeneric(ctx, argv, null, 1, 'union', false) });
export const zinter = defineCommand({ ...M.zinter, run: (ctx, argv) => setopGeneric(ctx, argv, null, 1, 'inter', false) });
export const zdiff = defineCommand({ ...M.zdiff, run: (ctx, argv) => setopGeneric(ctx, argv, null, 1, 'diff', false) });
export const zunionstore = defineCommand({ ...M.zunionstore, run: (ctx, argv) => setopGeneric(ctx, argv, argv[1]!, 2, 'union', false) });
export const zinterstore = defineCommand({ ...M.zinterstore, run: (ctx, argv) => setopGeneric(ctx, argv, argv[1]!, 2, 'inter', false) });
export const zdiffstore = defineCommand({ ...M.zdiffstore, run: (ctx, argv) => setopGeneric(ctx, argv, argv[1]!, 2, 'diff', false) });
export const zintercard = defineCommand({ ...M.zintercard, run: (ctx, argv) => setopGeneric(ctx, argv, null, 1, 'inter', true) });

export const SETOP_COMMANDS = [zunion, zinter, zdiff, zunionstore, zinterstore, zdiffstore, zintercard];
