// GEOADD (rewritten into ZADD of geohash scores, as Redis does), GEODIST,
// GEOHASH and GEOPOS.

import { SYNTAX } from '../../errors.js';
import { decodeScore, encodeScore, geoDistance, geohashString } from '../../util/geohash.js';
import { zadd } from '../sorted-set/basic.js';
import { readZset } from '../sorted-set/common.js';
import { defineCommand } from '../spec.js';
import { extractLongLat, extractUnit, isOpt, replyCoords, replyDistance } from './common.js';
import * as M from './meta.js';

export const geoadd = defineCommand({
  ...M.geoadd,
  run(ctx, argv) {
    let xx = false, nx = false, longIdx = 2;
    for (; longIdx < argv.length; longIdx++) {
      const opt = argv[longIdx]!;
      if (isOpt(opt, 'nx')) nx = true;
      else if (isOpt(opt, 'xx')) xx = true;
      else if (!isOpt(opt, 'ch')) break; // CH is left to ZADD
    }
    if ((argv.length - longIdx) % 3 !== 0 || (xx && nx)) throw SYNTAX;
    const elements = (argv.length - longIdx) / 3;
    const zargv = ['zadd', ...argv.slice(1, longIdx)];
    for (let i = 0; i < elements; i++) {
      const j = longIdx + i * 3;
      const [lon, lat] = extractLongLat(argv[j]!, argv[j + 1]!);
      zargv.push(encodeScore(lon, lat).toString(), argv[j + 2]!);
    }
    // Redis replaces the command vector and runs ZADD: replies, events and propagation are ZADD's.
    const dirty = ctx.keyspace.dirty;
    zadd.run(ctx, zargv);
    if (ctx.keyspace.dirty !== dirty) ctx.propagateAs(zargv);
  },
});

export const geodist = defineCommand({
  ...M.geodist,
  run(ctx, argv) {
    let toMeter = 1;
    if (argv.length === 5) toMeter = extractUnit(argv[4]!);
    else if (argv.length > 5) throw SYNTAX;
    const z = readZset(ctx.db, argv[1]!);
    const s1 = z?.score(argv[2]!);
    const s2 = z?.score(argv[3]!);
    if (s1 === undefined || s2 === undefined) {
      ctx.reply.null();
      return;
    }
    const [x1, y1] = decodeScore(s1);
    const [x2, y2] = decodeScore(s2);
    replyDistance(ctx.reply, geoDistance(x1, y1, x2, y2) / toMeter);
  },
});

export const geohash = defineCommand({
  ...M.geohash,
  run(ctx, argv) {
    const z = readZset(ctx.db, argv[1]!);
    ctx.reply.array(argv.length - 2);
    for (let j = 2; j < argv.length; j++) {
      const score = z?.score(argv[j]!);
      if (score === undefined) ctx.reply.null();
      else ctx.reply.bulk(geohashString(score));
    }
  },
});

export const geopos = defineCommand({
  ...M.geopos,
  run(ctx, argv) {
    const z = readZset(ctx.db, argv[1]!);
    ctx.reply.array(argv.length - 2);
    for (let j = 2; j < argv.length; j++) {
      const score = z?.score(argv[j]!);
      if (score === undefined) {
        ctx.reply.nullArray();
      } else {
        const [lon, lat] = decodeScore(score);
        replyCoords(ctx.reply, lon, lat);
      }
    }
  },
});
