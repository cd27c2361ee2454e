// HSET, HMSET, HSETNX, HDEL, HINCRBY, HINCRBYFLOAT (Redis 7.0 t_hash.c).

import { HASH_NOT_FLOAT, HASH_NOT_INTEGER, HSET_VALUE_NAN_OR_INF, NAN_OR_INF, NOT_FLOAT, OVERFLOW, wrongArity } from '../../errors.js';
import { hashTryConvert } from '../../types/hash-value.js';
import { parseLongDouble } from '../../util/float-parse.js';
import { INT64_MAX, INT64_MIN, string2ll } from '../../util/int64.js';
import { ldAdd, ldFormatHuman, ldFromBigInt } from '../../util/long-double.js';
import type { CommandContext } from '../context.js';
import { longLongArg } from '../args.js';
import { defineCommand, type Argv } from '../spec.js';
import { asHash, hashLimits, hashSet, writeHashOrCreate } from './common.js';
import { hdelMeta, hincrbyfloatMeta, hincrbyMeta, hmsetMeta, hsetMeta, hsetnxMeta } from './meta.js';

function setPairs(ctx: CommandContext, argv: Argv): number {
  if (argv.length % 2 === 1) throw wrongArity(argv[0]!.toLowerCase());
  const key = argv[1]!;
  const h = writeHashOrCreate(ctx, key);
  const lim = hashLimits(ctx);
  hashTryConvert(h, argv, 2, argv.length - 1, lim.value);
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) {
    if (hashSet(h, argv[i]!, argv[i + 1]!, lim)) created++;
  }
  ctx.modified(key, 'hset', 'h');
  return created;
}

export const hset = defineCommand({
  ...hsetMeta,
  run(ctx, argv) {
    ctx.reply.integer(setPairs(ctx, argv));
  },
});

export const hmset = defineCommand({
  ...hmsetMeta,
  run(ctx, argv) {
    setPairs(ctx, argv);
    ctx.reply.ok();
  },
});

export const hsetnx = defineCommand({
  ...hsetnxMeta,
  run(ctx, argv) {
    const key = argv[1]!;
    const h = writeHashOrCreate(ctx, key);
    if (h.has(argv[2]!)) {
      ctx.reply.integer(0);
      return;
    }
    const lim = hashLimits(ctx);
    hashTryConvert(h, argv, 2, 3, lim.value);
    hashSet(h, argv[2]!, argv[3]!, lim);
    ctx.modified(key, 'hset', 'h');
    ctx.reply.integer(1);
  },
});

export const hdel = defineCommand({
  ...hdelMeta,
  run(ctx, argv) {
    const key = argv[1]!;
    const h = asHash(ctx.db.lookupWrite(key));
    if (h === undefined) {
      ctx.reply.integer(0);
      return;
    }
    let deleted = 0;
    let keyRemoved = false;
    for (let i = 2; i < argv.length; i++) {
      if (h.delete(argv[i]!)) {
        deleted++;
        if (h.size === 0) {
          ctx.db.delete(key);
          keyRemoved = true;
          break;
        }
      }
    }
    if (deleted > 0) {
      ctx.modified(key, 'hdel', 'h');
      if (keyRemoved) ctx.notify('g', 'del', key);
    }
    ctx.reply.integer(deleted);
  },
});

export const hincrby = defineCommand({
  ...hincrbyMeta,
  run(ctx, argv) {
    const key = argv[1]!;
    const field = argv[2]!;
    const incr = longLongArg(argv[3]!);
    const h = writeHashOrCreate(ctx, key);
    const lim = hashLimits(ctx);
    hashTryConvert(h, argv, 2, 3, lim.value);
    let value = 0n;
    const cur = h.get(field);
    if (cur !== undefined) {
      const v = string2ll(cur);
      if (v === null) throw HASH_NOT_INTEGER;
      value = v;
    }
    if ((incr < 0n && value < 0n && incr < INT64_MIN - value) || (incr > 0n && value > 0n && incr > INT64_MAX - value)) {
      throw OVERFLOW;
    }
    const text = String(value + incr);
    hashSet(h, field, text, lim);
    ctx.modified(key, 'hincrby', 'h');
    ctx.reply.integer(value + incr);
  },
});

export const hincrbyfloat = defineCommand({
  ...hincrbyfloatMeta,
  run(ctx, argv) {
    const key = argv[1]!;
    const field = argv[2]!;
    const incr = parseLongDouble(argv[3]!);
    if (incr === null) throw NOT_FLOAT;
    if (incr.kind !== 'finite') throw HSET_VALUE_NAN_OR_INF;
    const h = writeHashOrCreate(ctx, key);
    const lim = hashLimits(ctx);
    hashTryConvert(h, argv, 2, 3, lim.value);
    let value = ldFromBigInt(0n);
    const cur = h.get(field);
    if (cur !== undefined) {
      const v = parseLongDouble(cur);
      if (v === null) throw HASH_NOT_FLOAT;
      value = v;
    }
    const sum = ldAdd(value, incr);
    if (sum.kind !== 'finite') throw NAN_OR_INF;
    const text = ldFormatHuman(sum);
    hashSet(h, field, text, lim);
    ctx.modified(key, 'hincrbyfloat', 'h');
    ctx.reply.bulk(text);
    // Replicas and the AOF get the result, not the float arithmetic.
    ctx.propagateAs(['HSET', key, field, text]);
  },
});

export const HASH_WRITE_COMMANDS = [hset, hsetnx, hmset, hdel, hincrby, hincrbyfloat];
