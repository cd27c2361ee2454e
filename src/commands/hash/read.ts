// HGET, HMGET, HLEN, HSTRLEN, HEXISTS, HKEYS, HVALS, HGETALL (Redis 7.0 t_hash.c).

import { defineCommand } from '../spec.js';
import { readHash } from './common.js';
import {
  hexistsMeta, hgetallMeta, hgetMeta, hkeysMeta, hlenMeta, hmgetMeta, hstrlenMeta, hvalsMeta,
} from './meta.js';

export const hget = defineCommand({
  ...hgetMeta,
  run(ctx, argv) {
    const v = readHash(ctx, argv[1]!)?.get(argv[2]!);
    if (v === undefined) ctx.reply.null();
    else ctx.reply.bulk(v);
  },
});

export const hmget = defineCommand({
  ...hmgetMeta,
  run(ctx, argv) {
    const h = readHash(ctx, argv[1]!);
    ctx.reply.array(argv.length - 2);
    for (let i = 2; i < argv.length; i++) {
      const v = h?.get(argv[i]!);
      if (v === undefined) ctx.reply.null();
      else ctx.reply.bulk(v);
    }
  },
});

export const hlen = defineCommand({
  ...hlenMeta,
  run(ctx, argv) {
    ctx.reply.integer(readHash(ctx, argv[1]!)?.size ?? 0);
  },
});

export const hstrlen = defineCommand({
  ...hstrlenMeta,
  run(ctx, argv) {
    ctx.reply.integer(readHash(ctx, argv[1]!)?.get(argv[2]!)?.length ?? 0);
  },
});

export const hexists = defineCommand({
  ...hexistsMeta,
  run(ctx, argv) {
    ctx.reply.integer(readHash(ctx, argv[1]!)?.has(argv[2]!) === true ? 1 : 0);
  },
});

/** genericHgetallCommand: keys, values, or both (a map in RESP3). */
function hgetall(ctx: Parameters<typeof hget.run>[0], key: string, keys: boolean, vals: boolean): void {
  const h = readHash(ctx, key);
  if (h === undefined) {
    if (keys && vals) ctx.reply.map(0);
    else ctx.reply.array(0);
    return;
  }
  const n = h.size;
  if (keys && vals) ctx.reply.map(n);
  else ctx.reply.array(n);
  h.forEach((f, v) => {
    if (keys) ctx.reply.bulk(f);
    if (vals) ctx.reply.bulk(v);
  });
}

export const hkeys = defineCommand({
  ...hkeysMeta,
  run(ctx, argv) {
    hgetall(ctx, argv[1]!, true, false);
  },
});

export const hvals = defineCommand({
  ...hvalsMeta,
  run(ctx, argv) {
    hgetall(ctx, argv[1]!, false, true);
  },
});

export const hgetallCommand = defineCommand({
  ...hgetallMeta,
  run(ctx, argv) {
    hgetall(ctx, argv[1]!, true, true);
  },
});

export const HASH_READ_COMMANDS = [hget, hmget, hlen, hstrlen, hexists, hkeys, hvals, hgetallCommand];
