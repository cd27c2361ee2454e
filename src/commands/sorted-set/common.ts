// Shared pieces of the sorted-set commands: key lookup with type checks,
// Redis's range argument parsing (zslParseRange / zslParseLexRange), the
// listpack limits from config, and score replies.

import { RedisError, WRONGTYPE } from '../../errors.js';
import type { Database } from '../../keyspace/database.js';
import type { ReplyWriter } from '../../protocol/reply-writer.js';
import { parseDouble, scanFloat } from '../../util/float-parse.js';
import type { LexBound, LexRange, ScoreRange } from '../../types/skiplist.js';
import { ZSetValue, type ZSetLimits } from '../../types/zset-value.js';
import type { CommandContext } from '../context.js';
import type { CommandSpec } from '../spec.js';

export type CommandMeta = Omit<CommandSpec, 'run'>;

export const MIN_MAX_NOT_FLOAT = new RedisError('ERR min or max is not a float');
export const MIN_MAX_NOT_LEX = new RedisError('ERR min or max not valid string range item');
export const NOT_A_FLOAT = new RedisError('ERR value is not a valid float');

/** The sorted set at `key` for reading (lookupKeyRead), or undefined; WRONGTYPE for other types. */
export function readZset(db: Database, key: string): ZSetValue | undefined {
  const v = db.lookupRead(key);
  if (v === undefined) return undefined;
  if (v instanceof ZSetValue) return v;
  throw WRONGTYPE;
}

export function writeZset(db: Database, key: string): ZSetValue | undefined {
  const v = db.lookupWrite(key);
  if (v === undefined) return undefined;
  if (v instanceof ZSetValue) return v;
  throw WRONGTYPE;
}

export function zsetLimits(ctx: CommandContext): ZSetLimits {
  const config = ctx.server.config;
  return { entries: config.num('zset-max-listpack-entries'), value: config.num('zset-max-listpack-value') };
}

/** getDoubleFromObjectOrReply (string2d rules): ZADD scores, WEIGHTS, ZINCRBY. */
export function doubleArg(s: string): number {
  const v = parseDouble(s);
  if (v === null) throw NOT_A_FLOAT;
  return v;
}

/**
 * C's strtod as zslParseRange uses it: the text up to the first NUL, leading
 * whitespace skipped, fully consumed; overflow gives ±inf, NaN is refused.
 * The empty string is 0 (strtod consumes nothing and stops at the NUL).
 */
function strtodWhole(s: string): number | null {
  const nul = s.indexOf('\0');
  if (nul !== -1) s = s.slice(0, nul);
  if (s.length === 0) return 0;
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  const f = scanFloat(t);
  if (f === null || f.kind === 'nan') return null;
  if (f.kind === 'inf') return f.neg ? -Infinity : Infinity;
  if (f.kind === 'dec') return Number(t);
  return parseDouble(t);
}

function scoreBound(s: string): { v: number; ex: boolean } {
  const ex = s.charCodeAt(0) === 40; // '('
  const v = strtodWhole(ex ? s.slice(1) : s);
  if (v === null) throw MIN_MAX_NOT_FLOAT;
  return { v, ex };
}

/** zslParseRange: "1", "(1", "-inf", "+inf". */
export function parseScoreRange(min: string, max: string): ScoreRange {
  const a = scoreBound(min);
  const b = scoreBound(max);
  return { min: a.v, minex: a.ex, max: b.v, maxex: b.ex };
}

function lexBound(s: string): LexBound {
  const c = s.charCodeAt(0);
  // '+' and '-' stand alone (C compares the next byte with the terminating NUL).
  if ((c === 43 || c === 45) && (s.length === 1 || s.charCodeAt(1) === 0)) return { kind: c === 43 ? 1 : -1, value: '', ex: true };
  if (c === 40 || c === 91) return { kind: 0, value: s.slice(1), ex: c === 40 };
  throw MIN_MAX_NOT_LEX;
}

/** zslParseLexRange: "[a", "(a", "-", "+". */
export function parseLexRange(min: string, max: string): LexRange {
  return { min: lexBound(min), max: lexBound(max) };
}

/** Redis's rank-range normalisation: [start, end] within the set, or null when empty. */
export function clampRanks(start: number, end: number, size: number): [number, number] | null {
  if (start < 0) start += size;
  if (end < 0) end += size;
  if (start < 0) start = 0;
  if (start > end || start >= size) return null;
  if (end >= size) end = size - 1;
  return [start, end];
}

/**
 * Writes (member, score) pairs as Redis's zrange result handler does:
 * RESP2 flat [m, s, m, s], RESP3 nested [[m, s], ...] when withscores.
 */
export function replyElements(reply: ReplyWriter, items: (string | number)[], withScores: boolean): void {
  const n = items.length >>> 1;
  if (!withScores) {
    reply.array(n);
    for (let i = 0; i < items.length; i += 2) reply.bulk(items[i] as string);
    return;
  }
  const nested = reply.resp === 3;
  reply.array(nested ? n : n * 2);
  for (let i = 0; i < items.length; i += 2) {
    if (nested) reply.array(2);
    reply.bulk(items[i] as string);
    reply.double(items[i + 1] as number);
  }
}

/** Case-insensitive keyword test for option parsing. */
export function isWord(arg: string, word: string): boolean {
  return arg.length === word.length && arg.toLowerCase() === word;
}

/** Stores `dst` at `key` (replacing anything there) or deletes the key when empty: ZRANGESTORE/Z*STORE. */
export function storeResult(ctx: CommandContext, key: string, dst: ZSetValue, event: string): void {
  const db = ctx.db;
  if (dst.size > 0) {
    db.setKey(key, dst);
    ctx.modified(key, event, 'z');
  } else if (db.delete(key)) {
    ctx.modified(key, 'del', 'g');
  }
}

/** Removes `key` when its set became empty (after a ZREM-like write). */
export function deleteIfEmpty(ctx: CommandContext, key: string, z: ZSetValue): void {
  if (z.size === 0) {
    ctx.db.delete(key);
    ctx.notify('g', 'del', key);
  }
}
