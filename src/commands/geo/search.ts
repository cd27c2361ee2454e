// GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and the _RO forms:
// Redis 7.0's georadiusGeneric — option parsing in Redis's order, the 9-cell
// neighbour scan (cells in Redis's order, members in score order), sorting,
// replies and STORE/STOREDIST.

import { NOT_INTEGER, RedisError, SYNTAX } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import { cellScoreRange, decodeScore, distanceIfWithin, type GeoShape, searchAreas } from '../../util/geohash.js';
import type { ZSetValue } from '../../types/zset-value.js';
import { ZSetValue as ZSet } from '../../types/zset-value.js';
import { readZset, storeResult, zsetLimits } from '../sorted-set/common.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';
import { CANT_DECODE_MEMBER, extractBox, extractDistance, extractLongLat, isOpt, replyCoords, replyDistance } from './common.js';
import * as M from './meta.js';

const RADIUS_COORDS = 1, RADIUS_MEMBER = 2, RADIUS_NOSTORE = 4, GEOSEARCH = 8, GEOSEARCHSTORE = 16;

const COUNT_POSITIVE = new RedisError('ERR COUNT must be > 0');
const ANY_NEEDS_COUNT = new RedisError('ERR the ANY argument requires COUNT argument');

interface GeoPoint {
  lon: number;
  lat: number;
  dist: number;
  score: number;
  member: string;
}

/** Thrown out of a zset range walk once COUNT ANY has enough results. */
const STOP = Symbol('stop');

/** membersOfAllNeighbors: scan each useful cell once, appending the members inside the shape. */
function membersOfAllNeighbors(z: ZSetValue, shape: GeoShape, limit: number): GeoPoint[] {
  const cells = searchAreas(shape);
  const out: GeoPoint[] = [];
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.step === 0 && cell.bits === 0n) continue;
    // With huge radii adjacent cells can coincide: skip a cell equal to the previous one scanned.
    if (last > 0 && cell.bits === cells[last]!.bits && cell.step === cells[last]!.step) continue;
    if (out.length > 0 && limit > 0 && out.length >= limit) break;
    const [min, max] = cellScoreRange(cell);
    try {
      z.rangeByScore({ min, minex: false, max, maxex: true }, false, 0, -1, (member, score) => {
        const [lon, lat] = decodeScore(score);
        const dist = distanceIfWithin(shape, lon, lat);
        if (dist >= 0) out.push({ lon, lat, dist, score, member });
        if (out.length > 0 && limit > 0 && out.length >= limit) throw STOP;
      });
    } catch (e) {
      if (e !== STOP) throw e;
    }
    last = i;
  }
  return out;
}

function georadiusGeneric(ctx: CommandContext, argv: string[], srcKeyIndex: number, flags: number): void {
  let storeKey: string | null = null;
  let storeDist = false;
  const z = readZset(ctx.db, argv[srcKeyIndex]!);
  const shape: GeoShape = { lon: 0, lat: 0, box: false, radius: 0, width: 0, height: 0, conversion: 1 };
  let baseArgs: number;
  if (flags & RADIUS_COORDS) {
    baseArgs = 6;
    [shape.lon, shape.lat] = extractLongLat(argv[2]!, argv[3]!);
    [shape.radius, shape.conversion] = extractDistance(argv[4]!, argv[5]!);
  } else if ((flags & RADIUS_MEMBER) && z === undefined) {
    // No source key: parse the options anyway, to know which empty reply to give.
    baseArgs = 5;
  } else if (flags & RADIUS_MEMBER) {
    baseArgs = 5;
    const s = z!.score(argv[2]!);
    if (s === undefined) throw CANT_DECODE_MEMBER;
    [shape.lon, shape.lat] = decodeScore(s);
    [shape.radius, shape.conversion] = extractDistance(argv[3]!, argv[4]!);
  } else {
    baseArgs = 2;
    if (flags & GEOSEARCHSTORE) {
      baseArgs = 3;
      storeKey = argv[1]!;
    }
  }

  let withDist = false, withHash = false, withCoords = false;
  let fromMember = false, fromLoc = false, byRadius = false, byBox = false;
  let sort = 0; // 0 none, 1 asc, 2 desc
  let any = false;
  let count = 0;
  const remaining = argv.length - baseArgs;
  for (let i = 0; i < remaining; i++) {
    const arg = argv[baseArgs + i]!;
    const at = (k: number): string => argv[baseArgs + i + k]!;
    if (isOpt(arg, 'withdist')) withDist = true;
    else if (isOpt(arg, 'withhash')) withHash = true;
    else if (isOpt(arg, 'withcoord')) withCoords = true;
    else if (isOpt(arg, 'any')) any = true;
    else if (isOpt(arg, 'asc')) sort = 1;
    else if (isOpt(arg, 'desc')) sort = 2;
    else if (isOpt(arg, 'count') && i + 1 < remaining) {
      const c = parseInt64(at(1));
      if (c === null) throw NOT_INTEGER;
      if (c <= 0) throw COUNT_POSITIVE;
      count = c;
      i++;
    } else if (isOpt(arg, 'store') && i + 1 < remaining && !(flags & RADIUS_NOSTORE) && !(flags & GEOSEARCH)) {
      storeKey = at(1);
      storeDist = false;
      i++;
    } else if (isOpt(arg, 'storedist') && i + 1 < remaining && !(flags & RADIUS_NOSTORE) && !(flags & GEOSEARCH)) {
      storeKey = at(1);
      storeDist = true;
      i++;
    } else if (isOpt(arg, 'storedist') && (flags & GEOSEARCH) && (flags & GEOSEARCHSTORE)) {
      storeDist = true;
    } else if (isOpt(arg, 'frommember') && i + 1 < remaining && (flags & GEOSEARCH) && !fromLoc) {
      if (z !== undefined) {
        const s = z.score(at(1));
        if (s === undefined) throw CANT_DECODE_MEMBER;
        [shape.lon, shape.lat] = decodeScore(s);
      }
      fromMember = true;
      i++;
    } else if (isOpt(arg, 'fromlonlat') && i + 2 < remaining && (flags & GEOSEARCH) && !fromMember) {
      [shape.lon, shape.lat] = extractLongLat(at(1), at(2));
      fromLoc = true;
      i += 2;
    } else if (isOpt(arg, 'byradius') && i + 2 < remaining && (flags & GEOSEARCH) && !byBox) {
      [shape.radius, shape.conversion] = extractDistance(at(1), at(2));
      shape.box = false;
      byRadius = true;
      i += 2;
    } else if (isOpt(arg, 'bybox') && i + 3 < remaining && (flags & GEOSEARCH) && !byRadius) {
      [shape.width, shape.height, shape.conversion] = extractBox(at(1), at(2), at(3));
      shape.box = true;
      byBox = true;
      i += 3;
    } else {
      throw SYNTAX;
    }
  }

  if (storeKey !== null && (withDist || withHash || withCoords)) {
    const what = flags & GEOSEARCHSTORE ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS';
    throw new RedisError(`ERR ${what} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  }
  if ((flags & GEOSEARCH) && !(fromMember || fromLoc)) {
    throw new RedisError(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${argv[0]!}`);
  }
  if ((flags & GEOSEARCH) && !(byRadius || byBox)) {
    throw new RedisError(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${argv[0]!}`);
  }
  if (any && count === 0) throw ANY_NEEDS_COUNT;

  if (z === undefined) {
    if (storeKey !== null) {
      if (ctx.db.delete(storeKey)) ctx.modified(storeKey, 'del', 'g');
      ctx.reply.integer(0);
    } else {
      ctx.reply.array(0);
    }
    return;
  }

  // COUNT without ordering implies ASC (the closest N), except with ANY.
  if (count !== 0 && sort === 0 && !any) sort = 1;
  const ga = membersOfAllNeighbors(z, shape, any ? count : 0);
  if (ga.length === 0 && storeKey === null) {
    ctx.reply.array(0);
    return;
  }
  const returned = count === 0 || ga.length < count ? ga.length : count;
  if (sort === 1) ga.sort((a, b) => (a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1));
  else if (sort === 2) ga.sort((a, b) => (a.dist < b.dist ? 1 : a.dist === b.dist ? 0 : -1));

  const reply = ctx.reply;
  if (storeKey === null) {
    const options = (withDist ? 1 : 0) + (withCoords ? 1 : 0) + (withHash ? 1 : 0);
    reply.array(returned);
    for (let i = 0; i < returned; i++) {
      const gp = ga[i]!;
      if (options > 0) reply.array(options + 1);
      reply.bulk(gp.member);
      if (withDist) replyDistance(reply, gp.dist / shape.conversion);
      if (withHash) reply.integer(Math.trunc(gp.score));
      if (withCoords) replyCoords(reply, gp.lon, gp.lat);
    }
    return;
  }
  const dst = ZSet.skiplist();
  const limits = zsetLimits(ctx);
  let maxLen = 0;
  for (let i = 0; i < returned; i++) {
    const gp = ga[i]!;
    if (gp.member.length > maxLen) maxLen = gp.member.length;
    dst.set(gp.member, storeDist ? gp.dist / shape.conversion : gp.score, limits);
  }
  if (returned > 0) dst.convertToListpackIfFits(limits, maxLen);
  storeResult(ctx, storeKey, dst, flags & GEOSEARCH ? 'geosearchstore' : 'georadiusstore');
  reply.integer(returned);
}

export const georadius = defineCommand({ ...M.georadius, getKeys: georadiusKeys, run: (ctx, argv) => georadiusGeneric(ctx, argv, 1, RADIUS_COORDS) });
export const georadiusbymember = defineCommand({ ...M.georadiusbymember, getKeys: georadiusKeys, run: (ctx, argv) => georadiusGeneric(ctx, argv, 1, RADIUS_MEMBER) });
export const georadius_ro = defineCommand({ ...M.georadius_ro, run: (ctx, argv) => georadiusGeneric(ctx, argv, 1, RADIUS_COORDS | RADIUS_NOSTORE) });
export const georadiusbymember_ro = defineCommand({ ...M.georadiusbymember_ro, run: (ctx, argv) => georadiusGeneric(ctx, argv, 1, RADIUS_MEMBER | RADIUS_NOSTORE) });
export const geosearch = defineCommand({ ...M.geosearch, run: (ctx, argv) => georadiusGeneric(ctx, argv, 1, GEOSEARCH) });
export const geosearchstore = defineCommand({ ...M.geosearchstore, run: (ctx, argv) => georadiusGeneric(ctx, argv, 2, GEOSEARCH | GEOSEARCHSTORE) });

/** georadiusGetKeys: the source key, and the last STORE/STOREDIST key if any. */
function georadiusKeys(argv: string[]): number[] {
  let stored = -1;
  for (let i = 5; i < argv.length; i++) {
    if ((isOpt(argv[i]!, 'store') || isOpt(argv[i]!, 'storedist')) && i + 1 < argv.length) {
      stored = i + 1;
      i++;
    }
  }
  return stored === -1 ? [1] : [1, stored];
}
