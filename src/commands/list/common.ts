// Shared pieces of the list commands: typed lookups, LEFT/RIGHT parsing,
// Redis's index normalisation, blocking timeouts, and the push/pop helpers
// that report keyspace events exactly as t_list.c does.

import { RedisError, SYNTAX, WRONGTYPE } from '../../errors.js';
import { ListValue } from '../../types/list-value.js';
import type { RedisValue } from '../../types/value.js';
import { parseDouble, MAX_LONG_DOUBLE_CHARS } from '../../util/float-parse.js';
import type { CommandContext } from '../context.js';

export const TIMEOUT_NOT_FLOAT = new RedisError('ERR timeout is not a float or out of range');
export const TIMEOUT_NEGATIVE = new RedisError('ERR timeout is negative');
export const TIMEOUT_OUT_OF_RANGE = new RedisError('ERR timeout is out of range');
export const COUNT_NOT_POSITIVE = new RedisError('ERR value is out of range, must be positive');

export type Where = 'left' | 'right';

/** The value under `key` as a list, undefined when missing; WRONGTYPE for other types. */
export function asList(v: RedisValue | undefined): ListValue | undefined {
  if (v === undefined) return undefined;
  if (v instanceof ListValue) return v;
  throw WRONGTYPE;
}

export function readList(ctx: CommandContext, key: string): ListValue | undefined {
  return asList(ctx.db.lookupRead(key));
}

export function writeList(ctx: CommandContext, key: string): ListValue | undefined {
  return asList(ctx.db.lookupWrite(key));
}

/** getListPositionFromObjectOrReply. */
export function parseWhere(s: string): Where {
  const w = s.toLowerCase();
  if (w === 'left') return 'left';
  if (w === 'right') return 'right';
  throw SYNTAX;
}

/**
 * getTimeoutFromObjectOrReply in seconds: a long double times 1000 cast to
 * long long (truncation; values past int64 become LLONG_MIN, hence
 * "negative" for inf or huge numbers, as on x86), 0 = forever. Returns
 * the absolute deadline in ms, or 0.
 */
export function parseTimeout(ctx: CommandContext, s: string): number {
  if (s.length === 0 || s.length >= MAX_LONG_DOUBLE_CHARS) throw TIMEOUT_NOT_FLOAT;
  const hex = /^[ ]*[-+]?0[xX]/.test(s) ? Number.parseFloat(s) : null;
  let seconds = hex === null ? parseDouble(s) : parseHexFloat(s);
  if (seconds === null) {
    // strtold reaches past double's range: those overflow the cast anyway.
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) throw TIMEOUT_NOT_FLOAT;
    seconds = s.startsWith('-') ? -Infinity : Infinity;
  }
  const ms = seconds * 1000;
  const t = !Number.isFinite(ms) || ms >= 2 ** 63 || ms < -(2 ** 63) ? -(2 ** 63) : Math.trunc(ms);
  if (t < 0) throw TIMEOUT_NEGATIVE;
  if (t === 0) return 0;
  const now = ctx.keyspace.clock.now();
  if (BigInt(t) > 2n ** 63n - 1n - BigInt(now)) throw TIMEOUT_OUT_OF_RANGE;
  return t + now;
}

function parseHexFloat(s: string): number | null {
  const m = /^([-+]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?$/.exec(s);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  let v = 0;
  for (const c of m[2]!) v = v * 16 + Number.parseInt(c, 16);
  let scale = 1 / 16;
  for (const c of m[3] ?? '') {
    v += Number.parseInt(c, 16) * scale;
    scale /= 16;
  }
  if (m[4] !== undefined) v *= 2 ** Number(m[4]);
  return m[1] === '-' ? -v : v;
}

/** Pushes `value` on `key` (creating the list), reporting the lpush/rpush event. */
export function pushOne(ctx: CommandContext, key: string, list: ListValue | undefined, value: string, where: Where): void {
  if (list === undefined) {
    list = new ListValue();
    ctx.db.add(key, list);
  }
  if (where === 'left') list.pushHead(value);
  else list.pushTail(value);
  ctx.modified(key, where === 'left' ? 'lpush' : 'rpush', 'l');
}

/** Pops up to `count` elements from `key`'s list (non-empty), reporting lpop/rpop and the deletion of an emptied key. */
export function popMany(ctx: CommandContext, key: string, list: ListValue, where: Where, count: number): string[] {
  const n = Math.min(count, list.length);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = (where === 'left' ? list.popHead() : list.popTail())!;
  afterPop(ctx, key, list, where, n);
  return out;
}

/** Events after popping `n` elements: lpop/rpop, then del if the list is now empty. */
export function afterPop(ctx: CommandContext, key: string, list: ListValue, where: Where, n: number): void {
  ctx.keyspace.dirty += n - 1;
  ctx.modified(key, where === 'left' ? 'lpop' : 'rpop', 'l');
  deleteIfEmpty(ctx, key, list);
}

export function deleteIfEmpty(ctx: CommandContext, key: string, list: ListValue): void {
  if (list.length !== 0) return;
  ctx.db.delete(key);
  ctx.notify('g', 'del', key);
}
