// ZRANDMEMBER (count, negative count = repeats allowed, WITHSCORES) and ZSCAN.

import { NOT_INTEGER, RedisError, SYNTAX, valueOutOfRange } from '../../errors.js';
import { formatG } from '../../util/float-format.js';
import { string2ll } from '../../util/int64.js';
import { parseScanCursor, parseScanOptions } from '../args.js';
import { defineCommand } from '../spec.js';
import { isWord, readZset } from './common.js';
import * as M from './meta-basic.js';

const LONG_MAX = 9223372036854775807n;
const RANDMEMBER_RANGE = new RedisError('ERR value is out of range');

export const zrandmember = defineCommand({
  ...M.zrandmember,
  run(ctx, argv) {
    const reply = ctx.reply;
    const random = ctx.keyspace.random;
    if (argv.length < 3) {
      const z = readZset(ctx.db, argv[1]!);
      if (z === undefined) reply.null();
      else z.random(random, (m) => reply.bulk(m));
      return;
    }
    const big = string2ll(argv[2]!);
    if (big === null) throw NOT_INTEGER;
    // getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX): only LONG_MIN is out of range.
    if (big < -LONG_MAX) throw valueOutOfRange(-LONG_MAX, LONG_MAX);
    if (argv.length > 4 || (argv.length === 4 && !isWord(argv[3]!, 'withscores'))) throw SYNTAX;
    const withScores = argv.length === 4;
    if (withScores && (big < -LONG_MAX / 2n || big > LONG_MAX / 2n)) throw RANDMEMBER_RANGE;
    const l = Number(big);
    const z = readZset(ctx.db, argv[1]!);
    if (z === undefined || l === 0) {
      reply.array(0);
      return;
    }
    const nested = withScores && reply.resp === 3;
    const emit = (m: string, s: number): void => {
      if (nested) reply.array(2);
      reply.bulk(m);
      if (withScores) reply.double(s);
    };
    const size = z.size;
    const count = Math.abs(l);
    if (l < 0 || count === 1) {
      // Repetitions allowed (or a single element): independent uniform picks.
      reply.array(withScores && !nested ? count * 2 : count);
      for (let i = 0; i < count; i++) z.random(random, emit);
      return;
    }
    const n = Math.min(count, size);
    reply.array(withScores && !nested ? n * 2 : n);
    if (count >= size) {
      // The whole set, highest score first (Redis 7.0 replies with a full reverse range here).
      z.rangeByRank(0, size - 1, true, emit);
      return;
    }
    if (count * 3 > size) {
      // Many of the elements: a partial Fisher-Yates shuffle of all ranks.
      const ranks = Array.from({ length: size }, (_, i) => i);
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random() * (size - i));
        const t = ranks[i]!;
        ranks[i] = ranks[j]!;
        ranks[j] = t;
        z.at(ranks[i]!, emit);
      }
      return;
    }
    const picked = new Set<number>();
    while (picked.size < count) {
      const r = Math.floor(random() * size);
      if (picked.has(r)) continue;
      picked.add(r);
      z.at(r, emit);
    }
  },
});

export const zscan = defineCommand({
  ...M.zscan,
  run(ctx, argv) {
    let cursor = parseScanCursor(argv[2]!);
    const z = readZset(ctx.db, argv[1]!);
    const reply = ctx.reply;
    if (z === undefined) {
      reply.array(2);
      reply.bulk('0');
      reply.array(0);
      return;
    }
    const { count, match } = parseScanOptions(argv, 3);
    const found: (string | number)[] = [];
    const collect = (m: string, s: number): void => { found.push(m, s); };
    if (z.isListpack) {
      cursor = z.scan(cursor, collect);
    } else {
      // At most 10*COUNT steps, so a sparse table cannot stall the server.
      let maxIterations = count * 10;
      do {
        cursor = z.scan(cursor, collect);
      } while (cursor !== 0 && maxIterations-- !== 0 && found.length / 2 < count);
    }
    const out: string[] = [];
    for (let i = 0; i < found.length; i += 2) {
      const m = found[i] as string;
      if (match !== null && !match(m)) continue;
      out.push(m, formatG(found[i + 1] as number));
    }
    reply.array(2);
    reply.bulk(String(cursor));
    reply.bulkArray(out);
  },
});

export const RANDOM_SCAN_COMMANDS = [zrandmember, zscan];
