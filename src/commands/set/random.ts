// SRANDMEMBER and SPOP with Redis 7.0's strategies (srandmemberWithCountCommand,
// spopWithCountCommand): whole set, subtract random members, or pick random
// members — O(1) per sampled member. SPOP propagates as SREM (or DEL).

import { NOT_INTEGER, SET_COUNT_NOT_POSITIVE, SYNTAX, valueOutOfRange } from '../../errors.js';
import { SetValue } from '../../types/set-value.js';
import { INT64_MAX, parseInt64, string2ll } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';
import { maxIntset, readSet, replySet, writeSet } from './common.js';
import { spopMeta, srandmemberMeta } from './meta.js';

/** getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX): negating the count must not overflow. */
function parseCount(arg: string): number {
  const l = string2ll(arg);
  if (l === null) throw NOT_INTEGER;
  if (l < -INT64_MAX) throw valueOutOfRange(-INT64_MAX, INT64_MAX);
  return Number(l);
}

/** Chooses `count` distinct members out of the set's `size`, removing random ones from a copy (CASE 3). */
function subtractRandom(set: SetValue, count: number, random: () => number): string[] {
  const all = set.members();
  // Partial Fisher-Yates: the kept members end up at the front, in random order.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (all.length - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  all.length = count;
  return all;
}

function pickDistinct(set: SetValue, count: number, random: () => number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) seen.add(set.random(random));
  return [...seen];
}

export const srandmember = defineCommand({
  ...srandmemberMeta,
  run(ctx, argv) {
    if (argv.length > 3) throw SYNTAX;
    const random = ctx.keyspace.random;
    if (argv.length === 2) {
      const set = readSet(ctx, argv[1]!);
      if (set === undefined) ctx.reply.null();
      else ctx.reply.bulk(set.random(random));
      return;
    }
    const l = parseCount(argv[2]!);
    const set = readSet(ctx, argv[1]!);
    // SRANDMEMBER's count forms reply arrays in RESP3 too.
    if (set === undefined || l === 0) {
      ctx.reply.array(0);
      return;
    }
    if (l < 0) {
      // CASE 1: repetitions allowed (an array: a set can't repeat members).
      const count = -l;
      ctx.reply.array(count);
      for (let i = 0; i < count; i++) ctx.reply.bulk(set.random(random));
      return;
    }
    const size = set.size;
    let out: string[];
    if (l >= size) out = set.members();
    else if (l * 3 > size) out = subtractRandom(set, l, random);
    else out = pickDistinct(set, l, random);
    ctx.reply.bulkArray(out);
  },
});

function popOne(ctx: CommandContext, key: string, set: SetValue): string {
  const member = set.random(ctx.keyspace.random);
  set.remove(member);
  return member;
}

export const spop = defineCommand({
  ...spopMeta,
  run(ctx, argv) {
    if (argv.length > 3) throw SYNTAX;
    const key = argv[1]!;
    if (argv.length === 2) {
      const set = writeSet(ctx, key);
      if (set === undefined) {
        ctx.reply.null();
        return;
      }
      const member = popOne(ctx, key, set);
      ctx.modified(key, 'spop', 's');
      if (set.size === 0) {
        ctx.db.delete(key);
        ctx.notify('g', 'del', key);
      }
      ctx.propagateAs(['SREM', key, member]);
      ctx.reply.bulk(member);
      return;
    }
    const count = parseInt64(argv[2]!);
    if (count === null || count < 0) throw SET_COUNT_NOT_POSITIVE;
    const set = writeSet(ctx, key);
    if (set === undefined || count === 0) {
      replySet(ctx, []);
      return;
    }
    const size = set.size;
    if (count >= size) {
      // CASE 1: the whole set; the key goes, propagated as DEL.
      replySet(ctx, set.members());
      ctx.modified(key, 'spop', 's');
      ctx.db.delete(key);
      ctx.notify('g', 'del', key);
      ctx.propagateAs(['DEL', key]);
      return;
    }
    let popped: string[];
    const remaining = size - count;
    if (remaining * 5 > count) {
      // CASE 2: pop random members one by one.
      popped = [];
      for (let i = 0; i < count; i++) popped.push(popOne(ctx, key, set));
    } else {
      // CASE 3: move `remaining` random members to a new set; the old set's rest is the reply.
      const random = ctx.keyspace.random;
      const max = maxIntset(ctx);
      let next: SetValue | null = null;
      for (let i = 0; i < remaining; i++) {
        const m = set.random(random);
        if (next === null) next = SetValue.forMember(m);
        next.add(m, max);
        set.remove(m);
      }
      popped = set.members();
      ctx.db.overwrite(key, next!);
    }
    ctx.modified(key, 'spop', 's');
    ctx.propagateAs(...popped.map((m) => ['SREM', key, m]));
    replySet(ctx, popped);
  },
});

export const SET_RANDOM_COMMANDS = [srandmember, spop];
