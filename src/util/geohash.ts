// Redis's geohash (geohash.c / geohash_helper.c): 52-bit interleaved scores
// (latitude in the even bits, longitude in the odd ones), decoding, the
// 9-area neighbour search plan, haversine distances and printf-style formats.

export const GEO_STEP_MAX = 26;
export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;
const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
const D_R = Math.PI / 180.0;

const degRad = (ang: number): number => ang * D_R;
const radDeg = (ang: number): number => ang / D_R;

/** A geohash cell: `bits` (2*step significant bits) at precision `step`; step 0 = "zeroed" (GZERO). */
export interface HashBits {
  bits: bigint;
  step: number;
}

interface Range {
  min: number;
  max: number;
}

/** A decoded cell: its longitude and latitude intervals. */
interface Area {
  lon: Range;
  lat: Range;
}

const LONG_RANGE: Range = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
const LAT_RANGE: Range = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };
const STD_LAT_RANGE: Range = { min: -90, max: 90 };

/** Spreads the low 16 bits of x onto the even bits of a 32-bit result. */
function spread16(x: number): number {
  x &= 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

/** Gathers the even bits of a 32-bit x into 16 bits. */
function squash16(x: number): number {
  x &= 0x55555555;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  x = (x | (x >>> 8)) & 0x0000ffff;
  return x;
}

/** interleave64(lat, lon): lat on the even bits, lon on the odd bits (both uint32). */
function interleave(lat: number, lon: number): bigint {
  const lo = (spread16(lat) | (spread16(lon) << 1)) >>> 0;
  const hi = (spread16(lat >>> 16) | (spread16(lon >>> 16) << 1)) >>> 0;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** geohashEncode: null when outside the WGS84 limits or the given ranges. */
function encode(lonR: Range, latR: Range, lon: number, lat: number, step: number): HashBits | null {
  if (lon > GEO_LONG_MAX || lon < GEO_LONG_MIN || lat > GEO_LAT_MAX || lat < GEO_LAT_MIN) return null;
  if (lat < latR.min || lat > latR.max || lon < lonR.min || lon > lonR.max) return null;
  const scale = 2 ** step;
  // C converts the doubles to uint32_t by truncation.
  const latOff = Math.trunc(((lat - latR.min) / (latR.max - latR.min)) * scale) >>> 0;
  const lonOff = Math.trunc(((lon - lonR.min) / (lonR.max - lonR.min)) * scale) >>> 0;
  return { bits: interleave(latOff, lonOff), step };
}

/** geohashDecode of the uint32 cell coordinates at `step`. */
function decodeCell(lonR: Range, latR: Range, ilat: number, ilon: number, step: number): Area {
  const div = 2 ** step;
  const latScale = latR.max - latR.min;
  const lonScale = lonR.max - lonR.min;
  // (ilato + 1) is uint32 arithmetic in C.
  const ilat1 = (ilat + 1) >>> 0;
  const ilon1 = (ilon + 1) >>> 0;
  return {
    lat: { min: latR.min + (ilat / div) * latScale, max: latR.min + (ilat1 / div) * latScale },
    lon: { min: lonR.min + (ilon / div) * lonScale, max: lonR.min + (ilon1 / div) * lonScale },
  };
}

function decodeBits(h: HashBits): Area {
  const lo = Number(h.bits & 0xffffffffn);
  const hi = Number((h.bits >> 32n) & 0xffffffffn);
  const ilat = (squash16(lo) | (squash16(hi) << 16)) >>> 0;
  const ilon = (squash16(lo >>> 1) | (squash16(hi >>> 1) << 16)) >>> 0;
  return decodeCell(LONG_RANGE, LAT_RANGE, ilat, ilon, h.step);
}

/** The sorted-set score GEOADD stores for a valid pair (geohashEncodeWGS84 at step 26, aligned to 52 bits). */
export function encodeScore(lon: number, lat: number): bigint {
  const h = encode(LONG_RANGE, LAT_RANGE, lon, lat, GEO_STEP_MAX);
  return h === null ? 0n : h.bits;
}

/** (uint64_t)score as x86-64 C converts it: truncation, negative values wrap. */
function scoreToU64(score: number): [number, number] {
  if (score >= 0 && score < 2 ** 53) {
    const t = Math.trunc(score);
    const hi = Math.floor(t / 4294967296);
    return [hi >>> 0, (t - hi * 4294967296) >>> 0];
  }
  if (!Number.isFinite(score) || Math.abs(score) >= 2 ** 64) return [0, 0];
  const u = BigInt(Math.trunc(score)) & 0xffffffffffffffffn;
  return [Number(u >> 32n), Number(u & 0xffffffffn)];
}

/** decodeGeohash: the [longitude, latitude] centre of the step-26 cell of a score, clamped to the limits. */
export function decodeScore(score: number): [number, number] {
  const [hi, lo] = scoreToU64(score);
  const ilat = (squash16(lo) | (squash16(hi) << 16)) >>> 0;
  const ilon = (squash16(lo >>> 1) | (squash16(hi >>> 1) << 16)) >>> 0;
  const a = decodeCell(LONG_RANGE, LAT_RANGE, ilat, ilon, GEO_STEP_MAX);
  let x = (a.lon.min + a.lon.max) / 2;
  if (x > GEO_LONG_MAX) x = GEO_LONG_MAX;
  if (x < GEO_LONG_MIN) x = GEO_LONG_MIN;
  let y = (a.lat.min + a.lat.max) / 2;
  if (y > GEO_LAT_MAX) y = GEO_LAT_MAX;
  if (y < GEO_LAT_MIN) y = GEO_LAT_MIN;
  return [x, y];
}

const GEOALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/** GEOHASH's 11-character string: the decoded point re-encoded with latitude range [-90, 90]. */
export function geohashString(score: number): string {
  const [lon, lat] = decodeScore(score);
  const h = encode(LONG_RANGE, STD_LAT_RANGE, lon, lat, GEO_STEP_MAX);
  const bits = h === null ? 0n : h.bits;
  let s = '';
  for (let i = 0; i < 10; i++) s += GEOALPHABET[Number((bits >> BigInt(52 - (i + 1) * 5)) & 31n)];
  // 52 bits make ten characters; Redis pads the historical 11th with '0'.
  return s + '0';
}

/** geohashGetDistance (Redis 7.0): haversine on Redis's earth radius, in meters. */
export function geoDistance(lon1d: number, lat1d: number, lon2d: number, lat2d: number): number {
  const lat1r = degRad(lat1d);
  const lon1r = degRad(lon1d);
  const lat2r = degRad(lat2d);
  const lon2r = degRad(lon2d);
  const u = Math.sin((lat2r - lat1r) / 2);
  const v = Math.sin((lon2r - lon1r) / 2);
  return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v));
}

/** A search shape (GeoShape): centre, radius or box (in `unit`s), and the unit's size in meters. */
export interface GeoShape {
  lon: number;
  lat: number;
  box: boolean;
  radius: number;
  width: number;
  height: number;
  conversion: number;
}

/** geoWithinShape: the distance in meters of (lon, lat) from the centre, or -1 when outside. */
export function distanceIfWithin(shape: GeoShape, lon: number, lat: number): number {
  if (!shape.box) {
    const d = geoDistance(shape.lon, shape.lat, lon, lat);
    return d > shape.radius * shape.conversion ? -1 : d;
  }
  const lonDistance = geoDistance(lon, lat, shape.lon, lat);
  const latDistance = geoDistance(lon, lat, lon, shape.lat);
  if (lonDistance > (shape.width * shape.conversion) / 2 || latDistance > (shape.height * shape.conversion) / 2) return -1;
  return geoDistance(shape.lon, shape.lat, lon, lat);
}

function estimateSteps(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  if (step < 1) step = 1;
  if (step > 26) step = 26;
  return step;
}

/** geohashBoundingBox: [minLon, minLat, maxLon, maxLat]. */
function boundingBox(s: GeoShape): [number, number, number, number] {
  const height = s.conversion * (s.box ? s.height / 2 : s.radius);
  const width = s.conversion * (s.box ? s.width / 2 : s.radius);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const longDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(s.lat + latDelta)));
  const longDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(s.lat - latDelta)));
  const south = s.lat < 0;
  return [
    south ? s.lon - longDeltaBottom : s.lon - longDeltaTop,
    s.lat - latDelta,
    south ? s.lon + longDeltaBottom : s.lon + longDeltaTop,
    s.lat + latDelta,
  ];
}

const EVEN = 0x5555555555555555n;
const ODD = 0xaaaaaaaaaaaaaaaan;
const MASK64 = 0xffffffffffffffffn;

/** geohash_move_x / geohash_move_y: one cell east/west (odd bits) or north/south (even bits). */
function move(h: HashBits, dx: number, dy: number): HashBits {
  let bits = h.bits;
  const shift = BigInt(64 - h.step * 2);
  if (dx !== 0) {
    let x = bits & ODD;
    const y = bits & EVEN;
    const zz = EVEN >> shift;
    if (dx > 0) x = (x + (zz + 1n)) & MASK64;
    else x = ((x | zz) - (zz + 1n)) & MASK64;
    x &= ODD >> shift;
    bits = x | y;
  }
  if (dy !== 0) {
    const x = bits & ODD;
    let y = bits & EVEN;
    const zz = ODD >> shift;
    if (dy > 0) y = (y + (zz + 1n)) & MASK64;
    else y = ((y | zz) - (zz + 1n)) & MASK64;
    y &= EVEN >> shift;
    bits = x | y;
  }
  return { bits, step: h.step };
}

const ZERO: HashBits = { bits: 0n, step: 0 };

/**
 * geohashCalculateAreasByShapeWGS84 + membersOfAllNeighbors' order: the cells
 * to scan, [centre, N, S, E, W, NE, NW, SE, SW], zeroed ones with step 0.
 */
export function searchAreas(shape: GeoShape): HashBits[] {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(shape);
  const radiusMeters = (shape.box ? Math.sqrt((shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2)) : shape.radius) * shape.conversion;
  let steps = estimateSteps(radiusMeters, shape.lat);
  const plan = (st: number): HashBits[] => {
    const h = encode(LONG_RANGE, LAT_RANGE, shape.lon, shape.lat, st) ?? { bits: 0n, step: st };
    return [h, move(h, 0, 1), move(h, 0, -1), move(h, 1, 0), move(h, -1, 0), move(h, 1, 1), move(h, -1, 1), move(h, 1, -1), move(h, -1, -1)];
  };
  let cells = plan(steps);
  const north = decodeBits(cells[1]!);
  const south = decodeBits(cells[2]!);
  const east = decodeBits(cells[3]!);
  const west = decodeBits(cells[4]!);
  const decrease = north.lat.max < maxLat || south.lat.min > minLat || east.lon.max < maxLon || west.lon.min > minLon;
  if (steps > 1 && decrease) {
    steps--;
    cells = plan(steps);
  }
  if (steps >= 2) {
    const area = decodeBits(cells[0]!);
    // Indexes: 1 N, 2 S, 3 E, 4 W, 5 NE, 6 NW, 7 SE, 8 SW.
    const zero = (...idx: number[]): void => { for (const i of idx) cells[i] = ZERO; };
    if (area.lat.min < minLat) zero(2, 8, 7);
    if (area.lat.max > maxLat) zero(1, 5, 6);
    if (area.lon.min < minLon) zero(4, 8, 6);
    if (area.lon.max > maxLon) zero(3, 7, 5);
  }
  return cells;
}

/** scoresOfGeoHashBox: the [min, max) score interval of a cell. */
export function cellScoreRange(h: HashBits): [number, number] {
  const shift = BigInt(52 - h.step * 2);
  return [Number((h.bits << shift) & MASK64), Number(((h.bits + 1n) << shift) & MASK64)];
}

/**
 * printf("%.<digits>f", x): exact decimal rounding with ties to even (what
 * glibc does); toFixed rounds ties away from zero, so exact ties are fixed up.
 */
export function formatFixed(x: number, digits: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isNaN(x)) return x < 0 ? '-nan' : 'nan';
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let s: string;
  if (a >= 1e21) {
    s = BigInt(a).toString() + (digits > 0 ? '.' + '0'.repeat(digits) : '');
  } else {
    s = a.toFixed(digits);
    // An exact tie has its expansion end with a single 5 right after `digits` decimals.
    const exact = a.toFixed(Math.min(100, digits + 60));
    const tail = exact.slice(exact.indexOf('.') + 1 + digits);
    if (/^50*$/.test(tail)) {
      const down = exact.slice(0, exact.indexOf('.') + 1 + digits).replace(/\.$/, '');
      const lastDigit = down.charCodeAt(down.length - 1) - 48;
      if (lastDigit % 2 === 0) s = down;
    }
  }
  return neg ? '-' + s : s;
}

/** ld2string(LD_STR_HUMAN): "%.17Lf" without trailing zeros (and "-0" as "0"). */
export function formatHuman(x: number): string {
  let s = formatFixed(x, 17);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return s;
}
