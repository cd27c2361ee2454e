// Helpers shared by the hash commands: typed lookups, creation, setting a
// field with Redis's listpack → hashtable conversion rules, and the
// *SCAN reply shared with SSCAN.

import { WRONGTYPE } from '../../errors.js';
import { HashValue } from '../../types/hash-value.js';
import type { RedisValue } from '../../types/value.js';
import type { Matcher } from '../../util/glob.js';
import type { CommandContext } from '../context.js';

export function asHash(v: RedisValue | undefined): HashValue | undefined {
  if (v === undefined) return undefined;
  if (v instanceof HashValue) return v;
  throw WRONGTYPE;
}

export function readHash(ctx: CommandContext, key: string): HashValue | undefined {
  return asHash(ctx.db.lookupRead(key));
}

/** hashTypeLookupWriteOrCreate: the hash at `key`, created (and added) when missing. */
export function writeHashOrCreate(ctx: CommandContext, key: string): HashValue {
  const h = asHash(ctx.db.lookupWrite(key));
  if (h !== undefined) return h;
  const created = new HashValue();
  ctx.db.add(key, created);
  return created;
}

export function hashLimits(ctx: CommandContext): { entries: number; value: number } {
  const cfg = ctx.server.config;
  return { entries: cfg.num('hash-max-listpack-entries'), value: cfg.num('hash-max-listpack-value') };
}

/** hashTypeSet: converts for a too-long field or value, then past the entry limit. */
export function hashSet(h: HashValue, field: string, value: string, lim: { entries: number; value: number }): boolean {
  if (h.lp !== null && (field.length > lim.value || value.length > lim.value)) h.convert();
  const added = h.set(field, value);
  if (h.lp !== null && h.size > lim.entries) h.convert();
  return added;
}

/** The reply of HSCAN/SSCAN: [cursor, items]; `pairs` filters field/value pairs on the field. */
export function replyScan(ctx: CommandContext, cursor: number, items: string[], match: Matcher | null, pairs: boolean): void {
  let out = items;
  if (match !== null) {
    out = [];
    const step = pairs ? 2 : 1;
    for (let i = 0; i < items.length; i += step) {
      if (!match(items[i]!)) continue;
      out.push(items[i]!);
      if (pairs) out.push(items[i + 1]!);
    }
  }
  ctx.reply.array(2);
  ctx.reply.bulk(String(cursor));
  ctx.reply.bulkArray(out);
}
