// The dataset as RESP commands (Redis's rewriteAppendOnlyFileRio), the BASE
// format when aof-use-rdb-preamble is no: per database a SELECT, then SET /
// RPUSH / SADD / ZADD / HMSET with at most 64 items per command, and
// PEXPIREAT for keys with a TTL.

import type { Keyspace } from '../../keyspace/keyspace.js';
import { HashValue } from '../../types/hash-value.js';
import { ListValue } from '../../types/list-value.js';
import { SetValue } from '../../types/set-value.js';
import { ZSetValue } from '../../types/zset-value.js';
import { formatG } from '../../util/float-format.js';
import { isStringValue, stringValueToLatin1, type RedisValue } from '../../types/value.js';

/** Redis's AOF_REWRITE_ITEMS_PER_CMD */
const ITEMS_PER_CMD = 64;

/** RESP text of one command (latin1: one char per byte). */
export function encodeCommand(argv: readonly string[]): string {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}

export function rewriteAsCommands(keyspace: Keyspace, nowMs: number): Buffer {
  const parts: string[] = [];
  for (const db of keyspace.dbs) {
    if (db.size === 0) continue;
    parts.push(selectCommand(db.id));
    const dict = db.dict;
    dict.forEach((e) => {
      const key = dict.keyAt(e);
      const value = dict.valueAt(e);
      if (value !== undefined) parts.push(keyAsCommands(key, value, db.expires.get(key) ?? -1, nowMs));
    });
  }
  return Buffer.from(parts.join(''), 'latin1');
}

export function selectCommand(dbId: number): string {
  return encodeCommand(['SELECT', String(dbId)]);
}

/**
 * The commands that rebuild one key (`expireAt` -1: no TTL), as RESP text;
 * empty for a key whose time had passed at `nowMs`, which Redis's rewrite leaves out.
 */
export function keyAsCommands(key: string, value: RedisValue, expireAt: number, nowMs: number): string {
  if (expireAt !== -1 && expireAt < nowMs) return '';
  const parts: string[] = [];
  if (value instanceof ListValue) {
    emitBatched(parts, 'RPUSH', key, value.length, (push) => value.forEach((v) => { push(v); }));
  } else if (value instanceof SetValue) {
    emitBatched(parts, 'SADD', key, value.size, (push) => value.forEach((m) => push(m)));
  } else if (value instanceof ZSetValue) {
    emitBatched(parts, 'ZADD', key, value.size, (push) => value.forEach((m, s) => push(formatG(s), m)));
  } else if (value instanceof HashValue) {
    emitBatched(parts, 'HMSET', key, value.size, (push) => value.forEach((f, v) => push(f, v)));
  } else if (isStringValue(value)) {
    parts.push(encodeCommand(['SET', key, stringValueToLatin1(value)]));
  } else {
    throw new Error(`AOF rewrite: no command form for a ${value.type} value`);
  }
  if (expireAt !== -1) parts.push(encodeCommand(['PEXPIREAT', key, String(expireAt)]));
  return parts.join('');
}

/** Emits `cmd key item...` commands of at most ITEMS_PER_CMD items each. */
function emitBatched(parts: string[], cmd: string, key: string, items: number,
  each: (push: (...args: string[]) => void) => void): void {
  let args: string[] = [];
  let inCmd = 0;
  let left = items;
  each((...item) => {
    if (inCmd === 0) args = [cmd, key];
    args.push(...item);
    inCmd++;
    left--;
    if (inCmd === ITEMS_PER_CMD || left === 0) {
      parts.push(encodeCommand(args));
      inCmd = 0;
    }
  });
}
