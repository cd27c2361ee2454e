// SINTER, SINTERCARD, SINTERSTORE, SUNION, SUNIONSTORE, SDIFF, SDIFFSTORE and
// SMEMBERS, as Redis 7.0's sinterGenericCommand / sunionDiffGenericCommand:
// same lookup order and early exits, same result encodings (results start as
// an intset), and the cost-based choice between the two SDIFF algorithms.

import { SET_LIMIT_NEGATIVE, SET_NUMKEYS_NOT_POSITIVE, SET_NUMKEYS_TOO_MANY, SYNTAX } from '../../errors.js';
import { SetValue } from '../../types/set-value.js';
import { parseInt64 } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';
import { asSet, maxIntset, replySet } from './common.js';
import {
  sdiffMeta, sdiffstoreMeta, sinterMeta, sintercardMeta, sinterstoreMeta, smembersMeta, sunionMeta, sunionstoreMeta,
} from './meta.js';

function lookup(ctx: CommandContext, key: string, write: boolean): SetValue | undefined {
  return asSet(write ? ctx.db.lookupWrite(key) : ctx.db.lookupRead(key));
}

/** Stores `result` at dst (or deletes dst when empty) and replies its size. */
function store(ctx: CommandContext, dst: string, result: SetValue, event: string): void {
  if (result.size > 0) {
    ctx.db.setKey(dst, result);
    ctx.modified(dst, event, 's');
  } else if (ctx.db.lookupWrite(dst) !== undefined) {
    ctx.db.delete(dst);
    ctx.modified(dst, 'del', 'g');
  }
  ctx.reply.integer(result.size);
}

function sinterGeneric(ctx: CommandContext, keys: readonly string[], dst: string | null, limit: number, cardOnly: boolean): void {
  // Every key is type-checked before a missing one empties the result.
  const sets: SetValue[] = [];
  let missing = false;
  for (const key of keys) {
    const s = lookup(ctx, key, dst !== null);
    if (s === undefined) missing = true;
    else sets.push(s);
  }
  if (missing) {
    if (dst !== null) {
      if (ctx.db.lookupWrite(dst) !== undefined) {
        ctx.db.delete(dst);
        ctx.modified(dst, 'del', 'g');
      }
      ctx.reply.integer(0);
    } else if (cardOnly) {
      ctx.reply.integer(0);
    } else {
      replySet(ctx, []);
    }
    return;
  }
  // Smallest first (a stable sort, as glibc's qsort merge sort for small arrays).
  const order = sets.map((s, i) => ({ s, i, n: s.size }));
  order.sort((a, b) => a.n - b.n || a.i - b.i);
  const first = order[0]!.s;
  const out: string[] = [];
  first.forEach((m) => {
    if (limit !== 0 && out.length >= limit) return;
    for (let j = 1; j < order.length; j++) {
      const s = order[j]!.s;
      if (s === first) continue;
      if (!s.has(m)) return;
    }
    out.push(m);
  });
  if (cardOnly) {
    ctx.reply.integer(out.length);
    return;
  }
  if (dst === null) {
    replySet(ctx, out);
    return;
  }
  const result = new SetValue(true);
  const max = maxIntset(ctx);
  for (const m of out) result.add(m, max);
  store(ctx, dst, result, 'sinterstore');
}

function sunionDiffGeneric(ctx: CommandContext, keys: readonly string[], dst: string | null, diff: boolean): void {
  const sets: (SetValue | undefined)[] = keys.map((k) => lookup(ctx, k, dst !== null));
  const max = maxIntset(ctx);
  const result = new SetValue(true);
  if (!diff) {
    for (const s of sets) s?.forEach((m) => result.add(m, max));
  } else if (sets[0] !== undefined) {
    const first = sets[0];
    let work1 = 0;
    let work2 = 0;
    for (const s of sets) {
      if (s === undefined) continue;
      work1 += first.size;
      work2 += s.size;
    }
    work1 = Math.floor(work1 / 2);
    if (work1 <= work2) {
      // Algorithm 1: each member of the first set not found in the others (biggest first).
      const others = sets.slice(1).map((s, i) => ({ s, i, n: s?.size ?? 0 }));
      others.sort((a, b) => b.n - a.n || a.i - b.i);
      first.forEach((m) => {
        for (const o of others) {
          if (o.s === undefined) continue;
          if (o.s === first || o.s.has(m)) return;
        }
        result.add(m, max);
      });
    } else {
      // Algorithm 2: the first set, minus every member of the others.
      first.forEach((m) => result.add(m, max));
      for (let j = 1; j < sets.length && result.size > 0; j++) {
        sets[j]?.forEach((m) => result.remove(m));
      }
    }
  }
  if (dst === null) replySet(ctx, result.members());
  else store(ctx, dst, result, diff ? 'sdiffstore' : 'sunionstore');
}

export const smembers = defineCommand({
  ...smembersMeta,
  run(ctx, argv) {
    sinterGeneric(ctx, [argv[1]!], null, 0, false);
  },
});

export const sinter = defineCommand({
  ...sinterMeta,
  run(ctx, argv) {
    sinterGeneric(ctx, argv.slice(1), null, 0, false);
  },
});

export const sinterstore = defineCommand({
  ...sinterstoreMeta,
  run(ctx, argv) {
    sinterGeneric(ctx, argv.slice(2), argv[1]!, 0, false);
  },
});

export const sintercard = defineCommand({
  ...sintercardMeta,
  run(ctx, argv) {
    const numkeys = parseInt64(argv[1]!);
    if (numkeys === null || numkeys < 1) throw SET_NUMKEYS_NOT_POSITIVE;
    if (numkeys > argv.length - 2) throw SET_NUMKEYS_TOO_MANY;
    let limit = 0;
    for (let j = 2 + numkeys; j < argv.length; j++) {
      if (argv[j]!.toLowerCase() === 'limit' && j + 1 < argv.length) {
        const l = parseInt64(argv[++j]!);
        if (l === null || l < 0) throw SET_LIMIT_NEGATIVE;
        limit = l;
      } else {
        throw SYNTAX;
      }
    }
    sinterGeneric(ctx, argv.slice(2, 2 + numkeys), null, limit, true);
  },
});

export const sunion = defineCommand({
  ...sunionMeta,
  run(ctx, argv) {
    sunionDiffGeneric(ctx, argv.slice(1), null, false);
  },
});

export const sunionstore = defineCommand({
  ...sunionstoreMeta,
  run(ctx, argv) {
    sunionDiffGeneric(ctx, argv.slice(2), argv[1]!, false);
  },
});

export const sdiff = defineCommand({
  ...sdiffMeta,
  run(ctx, argv) {
    sunionDiffGeneric(ctx, argv.slice(1), null, true);
  },
});

export const sdiffstore = defineCommand({
  ...sdiffstoreMeta,
  run(ctx, argv) {
    sunionDiffGeneric(ctx, argv.slice(2), argv[1]!, true);
  },
});

export const SET_ALGEBRA_COMMANDS = [smembers, sinter, sintercard, sinterstore, sunion, sunionstore, sdiff, sdiffstore];
