// Shared pieces of the geo commands (geo.c): coordinate, distance, box and
// unit arguments with Redis's exact error replies, and the distance/coordinate
// reply formats.

import { RedisError } from '../../errors.js';
import type { ReplyWriter } from '../../protocol/reply-writer.js';
import { parseDouble } from '../../util/float-parse.js';
import { formatFixed, formatHuman, GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN } from '../../util/geohash.js';

export const NOT_A_FLOAT = new RedisError('ERR value is not a valid float');
export const BAD_UNIT = new RedisError('ERR unsupported unit provided. please use M, KM, FT, MI');
export const CANT_DECODE_MEMBER = new RedisError('ERR could not decode requested zset member');

/** strcasecmp(arg, word): C compares up to the first NUL of the argument. */
export function isOpt(arg: string, word: string): boolean {
  const nul = arg.indexOf('\0');
  const a = nul === -1 ? arg : arg.slice(0, nul);
  return a.length === word.length && a.toLowerCase() === word;
}

/** getDoubleFromObjectOrReply: string2d rules, with an optional custom error text. */
export function doubleOrError(s: string, err: RedisError = NOT_A_FLOAT): number {
  const v = parseDouble(s);
  if (v === null) throw err;
  return v;
}

/** extractLongLatOrReply: [longitude, latitude] from two arguments. */
export function extractLongLat(lonArg: string, latArg: string): [number, number] {
  const lon = doubleOrError(lonArg);
  const lat = doubleOrError(latArg);
  if (lon < GEO_LONG_MIN || lon > GEO_LONG_MAX || lat < GEO_LAT_MIN || lat > GEO_LAT_MAX) {
    throw new RedisError(`ERR invalid longitude,latitude pair ${formatFixed(lon, 6)},${formatFixed(lat, 6)}`);
  }
  return [lon, lat];
}

/** extractUnitOrReply: meters per unit. */
export function extractUnit(arg: string): number {
  if (isOpt(arg, 'm')) return 1;
  if (isOpt(arg, 'km')) return 1000;
  if (isOpt(arg, 'ft')) return 0.3048;
  if (isOpt(arg, 'mi')) return 1609.34;
  throw BAD_UNIT;
}

const NEED_RADIUS = new RedisError('ERR need numeric radius');
const NEGATIVE_RADIUS = new RedisError('ERR radius cannot be negative');
const NEED_WIDTH = new RedisError('ERR need numeric width');
const NEED_HEIGHT = new RedisError('ERR need numeric height');
const NEGATIVE_BOX = new RedisError('ERR height or width cannot be negative');

/** extractDistanceOrReply: [radius, conversion]. */
export function extractDistance(radiusArg: string, unitArg: string): [number, number] {
  const r = doubleOrError(radiusArg, NEED_RADIUS);
  if (r < 0) throw NEGATIVE_RADIUS;
  return [r, extractUnit(unitArg)];
}

/** extractBoxOrReply: [width, height, conversion]. */
export function extractBox(wArg: string, hArg: string, unitArg: string): [number, number, number] {
  const w = doubleOrError(wArg, NEED_WIDTH);
  const h = doubleOrError(hArg, NEED_HEIGHT);
  if (h < 0 || w < 0) throw NEGATIVE_BOX;
  return [w, h, extractUnit(unitArg)];
}

/** addReplyDoubleDistance: a bulk string "%.4f" (in both protocols). */
export function replyDistance(reply: ReplyWriter, d: number): void {
  reply.bulk(formatFixed(d, 4));
}

/** GEOPOS / WITHCOORD pair: addReplyHumanLongDouble twice. */
export function replyCoords(reply: ReplyWriter, lon: number, lat: number): void {
  reply.array(2);
  reply.doubleText(formatHuman(lon));
  reply.doubleText(formatHuman(lat));
}
