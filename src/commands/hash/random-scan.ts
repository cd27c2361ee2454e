// HRANDFIELD (hrandfieldWithCountCommand's cases) and HSCAN (Redis 7.0).

import { HSET_VALUE_OUT_OF_RANGE, NOT_INTEGER, SYNTAX, valueOutOfRange } from '../../errors.js';
import type { HashValue } from '../../types/hash-value.js';
import { string2ll } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { parseScanCursor, parseScanOptions } from '../args.js';
import { defineCommand } from '../spec.js';
import { readHash, replyScan } from './common.js';
import { hrandfieldMeta, hscanMeta } from './meta.js';

const LONG_MAX = 9223372036854775807n;

/** Replies `pairs` ([field, value] list) in HRANDFIELD's shape. */
function replyPairs(ctx: CommandContext, pairs: [string, string][], withValues: boolean): void {
  if (withValues && ctx.reply.resp === 2) ctx.reply.array(pairs.length * 2);
  else ctx.reply.array(pairs.length);
  for (const [f, v] of pairs) {
    if (withValues && ctx.reply.resp === 3) ctx.reply.array(2);
    ctx.reply.bulk(f);
    if (withValues) ctx.reply.bulk(v);
  }
}

function randomWithCount(ctx: CommandContext, h: HashValue | undefined, l: bigint, withValues: boolean): void {
  if (h === undefined || l === 0n) {
    ctx.reply.array(0);
    return;
  }
  const random = ctx.keyspace.random;
  const size = h.size;
  // CASE 1: negative count, repetitions allowed (replied as picked: the count may be huge).
  if (l < 0n) {
    const count = Number(-l);
    const flat = withValues && ctx.reply.resp === 2;
    ctx.reply.array(flat ? count * 2 : count);
    const items = h.lp !== null ? h.entries() : null;
    for (let i = 0; i < count; i++) {
      let f: string;
      let v: string;
      if (items !== null) {
        const j = Math.floor(random() * size) * 2;
        f = items[j]!;
        v = items[j + 1]!;
      } else {
        [f, v] = h.randomPair(random);
      }
      if (withValues && !flat) ctx.reply.array(2);
      ctx.reply.bulk(f);
      if (withValues) ctx.reply.bulk(v);
    }
    return;
  }
  const count = Number(l);
  const all = h.entries();
  const toPairs = (idx: number[]): [string, string][] => idx.map((i) => [all[i * 2]!, all[i * 2 + 1]!]);
  // CASE 2: the whole hash, in its order.
  if (count >= size) {
    replyPairs(ctx, toPairs([...Array(size).keys()]), withValues);
    return;
  }
  // CASE 2.5 (listpack) and CASE 3: unique picks. The listpack keeps its order
  // (lpRandomPairsUnique); a hashtable's pick order is random, as Redis's dict.
  if (h.lp !== null || count * 3 > size) {
    // Choose `count` of `size` positions (selection sampling keeps order).
    const chosen: number[] = [];
    let need = count;
    for (let i = 0; i < size && need > 0; i++) {
      if (random() * (size - i) < need) {
        chosen.push(i);
        need--;
      }
    }
    if (h.lp === null) shuffle(chosen, random);
    replyPairs(ctx, toPairs(chosen), withValues);
    return;
  }
  // CASE 4: random picks until `count` distinct fields (count*3 <= size).
  const seen = new Map<string, string>();
  while (seen.size < count) {
    const [f, v] = h.randomPair(random);
    if (!seen.has(f)) seen.set(f, v);
  }
  replyPairs(ctx, [...seen], withValues);
}

function shuffle(a: number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

export const hrandfield = defineCommand({
  ...hrandfieldMeta,
  run(ctx, argv) {
    if (argv.length >= 3) {
      let withValues = false;
      if (argv.length === 4 && argv[3]!.toLowerCase() === 'withvalues') withValues = true;
      else if (argv.length >= 4) throw SYNTAX;
      const l = string2ll(argv[2]!);
      if (l === null) throw NOT_INTEGER;
      if (l < -LONG_MAX) throw valueOutOfRange(-LONG_MAX, LONG_MAX);
      // Redis refuses counts whose WITHVALUES reply length would overflow.
      if (withValues && l < -LONG_MAX / 2n) throw HSET_VALUE_OUT_OF_RANGE;
      randomWithCount(ctx, readHash(ctx, argv[1]!), l, withValues);
      return;
    }
    const h = readHash(ctx, argv[1]!);
    if (h === undefined) {
      ctx.reply.null();
      return;
    }
    ctx.reply.bulk(h.randomPair(ctx.keyspace.random)[0]);
  },
});

export const hscan = defineCommand({
  ...hscanMeta,
  run(ctx, argv) {
    let cursor = parseScanCursor(argv[2]!);
    const h = readHash(ctx, argv[1]!);
    if (h === undefined) {
      ctx.reply.array(2);
      ctx.reply.bulk('0');
      ctx.reply.array(0);
      return;
    }
    const { count, match } = parseScanOptions(argv, 3);
    let items: string[];
    if (h.lp !== null) {
      // A listpack is returned whole in one call.
      items = h.entries();
      cursor = 0;
    } else {
      items = [];
      // Redis doubles COUNT for field/value replies and steps at most 10*COUNT times.
      cursor = h.ht!.scan(cursor, count, count * 20, (f, v) => {
        items.push(f, v);
      });
    }
    replyScan(ctx, cursor, items, match, true);
  },
});

export const HASH_RANDOM_SCAN_COMMANDS = [hrandfield, hscan];
