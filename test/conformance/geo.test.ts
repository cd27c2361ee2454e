// Geo commands side by side with redis-server, RESP2 and RESP3: GEOADD scores
// (compared through ZRANGE WITHSCORES), GEODIST/GEOHASH/GEOPOS formats, every
// GEOSEARCH/GEORADIUS option, errors, STORE/STOREDIST, and seeded random
// searches over real-world and random points (replies compared byte for byte).

import { conformanceSuite, type Step } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const SICILY = ['GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'];
const CITIES = ['GEOADD', 'c', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania',
  '12.758489', '38.788135', 'edge1', '17.241510', '38.788135', 'edge2', '2.3522', '48.8566', 'Paris',
  '-0.1276', '51.5072', 'London', '-74.006', '40.7128', 'NYC', '139.6917', '35.6895', 'Tokyo',
  '151.2093', '-33.8688', 'Sydney', '-179.99', '0.5', 'west', '179.99', '0.5', 'east', '0', '85.05', 'north'];

/** Random points around a centre, plus random searches; the same seed on both servers. */
function randomCase(seed: number, spread: number): { name: string; steps: (string[] | Step)[] } {
  const r = new SeededRandom(seed);
  const clon = r.next() * 340 - 170, clat = r.next() * 160 - 80;
  const add = ['GEOADD', 'r'];
  for (let i = 0; i < 120; i++) {
    const lon = Math.max(-180, Math.min(180, clon + (r.next() - 0.5) * spread * 2));
    const lat = Math.max(-85, Math.min(85, clat + (r.next() - 0.5) * spread));
    add.push(lon.toFixed(6), lat.toFixed(6), `p${i}`);
  }
  const steps: (string[] | Step)[] = [add, ['ZRANGE', 'r', '0', '-1', 'WITHSCORES']];
  const units = ['m', 'km', 'ft', 'mi'] as const;
  const conv = { m: 1, km: 1000, ft: 0.3048, mi: 1609.34 };
  for (let q = 0; q < 40; q++) {
    const u = units[q % 4]!;
    const rad = ((r.next() * spread * 111000) / conv[u]).toFixed(3);
    const lon = Math.max(-180, Math.min(180, clon + (r.next() - 0.5) * spread)).toFixed(5);
    const lat = Math.max(-85, Math.min(85, clat + (r.next() - 0.5) * spread * 0.5)).toFixed(5);
    const opts: string[] = [];
    if (r.chance(0.5)) opts.push('WITHDIST');
    if (r.chance(0.3)) opts.push('WITHCOORD');
    if (r.chance(0.3)) opts.push('WITHHASH');
    const o = r.next();
    if (o < 0.3) opts.push('ASC'); else if (o < 0.5) opts.push('DESC');
    if (r.chance(0.3)) {
      opts.push('COUNT', String(r.int(1, 20)));
      if (r.chance(0.4)) opts.push('ANY');
    }
    if (q % 3 === 0) steps.push(['GEOSEARCH', 'r', 'FROMLONLAT', lon, lat, 'BYRADIUS', rad, u, ...opts]);
    else if (q % 3 === 1) steps.push(['GEOSEARCH', 'r', 'FROMLONLAT', lon, lat, 'BYBOX', rad, ((r.next() * spread * 111000) / conv[u]).toFixed(2), u, ...opts]);
    else steps.push(['GEORADIUSBYMEMBER', 'r', `p${r.int(0, 119)}`, rad, u, ...opts]);
    steps.push(['GEODIST', 'r', `p${r.int(0, 119)}`, `p${r.int(0, 119)}`, u]);
  }
  steps.push(['GEOPOS', 'r', 'p0', 'p1', 'p2', 'p3', 'nope'], ['GEOHASH', 'r', 'p0', 'p1', 'p2', 'p3', 'nope']);
  return { name: `random points seed ${seed} spread ${spread}`, steps };
}

conformanceSuite('geo commands', [
  { name: 'GEOADD stores Redis scores; NX XX CH; errors', steps: [
    SICILY, ['ZRANGE', 'Sicily', '0', '-1', 'WITHSCORES'], ['GEOADD', 'Sicily', 'CH', '13.361389', '38.115556', 'Palermo', '15', '37', 'Catania', '1', '1', 'new'],
    ['GEOADD', 'Sicily', 'NX', '0', '0', 'Palermo', '2', '2', 'nx'], ['GEOADD', 'Sicily', 'XX', 'CH', '3', '3', 'Palermo', '4', '4', 'xx'],
    ['ZRANGE', 'Sicily', '0', '-1', 'WITHSCORES'], ['GEOADD', 'Sicily', 'NX', 'XX', '1', '1', 'a'], ['GEOADD', 'Sicily', '1', '100', 'a'],
    ['GEOADD', 'Sicily', '-181', '0', 'a'], ['GEOADD', 'Sicily', '1e300', '-1e300', 'a'], ['GEOADD', 'Sicily', 'x', '1', 'a'],
    ['GEOADD', 'Sicily', '1', '2'], ['GEOADD', 'Sicily', '1', '2', 'a', '3'], ['GEOADD', 'Sicily', 'CH', 'CH', 'CH'], ['GEOADD', 'Sicily', 'GT', '1', '2', 'a'],
    ['GEOADD', 'e', '180', '85.05112878', 'c1', '-180', '-85.05112878', 'c2', '0', '0', 'zero', '-0.0000001', '0.0000001', 'tiny'],
    ['ZRANGE', 'e', '0', '-1', 'WITHSCORES'], ['GEOPOS', 'e', 'c1', 'c2', 'zero', 'tiny'], ['GEOHASH', 'e', 'c1', 'c2', 'zero', 'tiny'],
    ['GEOADD', 'e', '1', '85.05112879', 'x'], ['SET', 'str', 'v'], ['GEOADD', 'str', '1', '1', 'a'], ['GEOADD', 'big', ...Array.from({ length: 200 }, (_, i) => [String(i * 0.5 - 50), String(i * 0.3 - 30), `m${i}`]).flat()],
    ['OBJECT', 'ENCODING', 'big'], ['ZCARD', 'big'], ['ZRANGE', 'big', '0', '5', 'WITHSCORES'],
  ] },
  { name: 'GEODIST GEOHASH GEOPOS', steps: [
    SICILY, ['GEODIST', 'Sicily', 'Palermo', 'Catania'], ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'km'], ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'MI'],
    ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'ft'], ['GEODIST', 'Sicily', 'Palermo', 'Palermo'], ['GEODIST', 'Sicily', 'Palermo', 'nope'],
    ['GEODIST', 'nokey', 'a', 'b'], ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'yd'], ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'km', 'x'],
    ['GEODIST', 'nokey', 'a', 'b', 'yd'], ['GEODIST', 'Sicily', 'a'], ['GEOHASH', 'Sicily', 'Palermo', 'Catania', 'nope'], ['GEOHASH', 'nokey', 'a'],
    ['GEOHASH', 'Sicily'], ['GEOPOS', 'Sicily', 'Palermo', 'nope', 'Catania'], ['GEOPOS', 'nokey', 'a', 'b'], ['GEOPOS', 'Sicily'],
    ['GEOADD', 'v', '10', '20', 'a', '10', '40', 'b', '10', '-30', 'c'], ['GEODIST', 'v', 'a', 'b'], ['GEODIST', 'v', 'b', 'c', 'km'],
    ['ZADD', 'v', '0', 'z0', '4503599627370496', 'big', '-1', 'neg'], ['GEOPOS', 'v', 'z0', 'big'], ['GEOHASH', 'v', 'z0', 'big'],
    ['SET', 'str', 'v'], ['GEOPOS', 'str', 'a'], ['GEOHASH', 'str', 'a'], ['GEODIST', 'str', 'a', 'b'],
  ] },
  { name: 'GEORADIUS and GEORADIUSBYMEMBER options', steps: [
    CITIES, ['GEORADIUS', 'c', '15', '37', '200', 'km'], ['GEORADIUS', 'c', '15', '37', '200', 'km', 'WITHDIST', 'WITHCOORD', 'WITHHASH'],
    ['GEORADIUS', 'c', '15', '37', '200', 'km', 'ASC', 'WITHDIST'], ['GEORADIUS', 'c', '15', '37', '200', 'km', 'DESC', 'WITHDIST'],
    ['GEORADIUS', 'c', '15', '37', '200', 'km', 'COUNT', '1'], ['GEORADIUS', 'c', '15', '37', '200', 'km', 'COUNT', '2', 'DESC'],
    ['GEORADIUS', 'c', '15', '37', '200', 'km', 'COUNT', '1', 'ANY'], ['GEORADIUS', 'c', '15', '37', '20000', 'km', 'withdist'],
    ['GEORADIUS', 'c', '0', '0', '0', 'm'], ['GEORADIUS', 'c', '15', '37', '100', 'mi', 'withdist', 'asc'], ['GEORADIUS', 'c', '15', '37', '500000', 'ft', 'withdist', 'desc'],
    ['GEORADIUSBYMEMBER', 'c', 'Palermo', '500', 'km', 'WITHDIST', 'ASC'], ['GEORADIUSBYMEMBER', 'c', 'Paris', '1000', 'km', 'WITHCOORD'],
    ['GEORADIUSBYMEMBER', 'c', 'west', '100', 'km', 'WITHDIST'], ['GEORADIUSBYMEMBER', 'c', 'east', '100', 'km', 'WITHDIST', 'DESC'],
    ['GEORADIUSBYMEMBER', 'c', 'north', '500', 'km'], ['GEORADIUSBYMEMBER', 'c', 'nope', '1', 'km'],
    ['GEORADIUS_RO', 'c', '15', '37', '200', 'km', 'WITHDIST'], ['GEORADIUSBYMEMBER_RO', 'c', 'Palermo', '200', 'km', 'COUNT', '3', 'ASC'],
    ['GEORADIUS', 'c', '15', '37', '200', 'km', 'STORE', 'dst'], ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'dst'],
    ['GEORADIUS', 'c', '15', '37', '200', 'km', 'STOREDIST', 'dst'], ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
    ['GEORADIUSBYMEMBER', 'c', 'Palermo', '200', 'km', 'COUNT', '1', 'STOREDIST', 'dst2'], ['ZRANGE', 'dst2', '0', '-1', 'WITHSCORES'],
    ['GEORADIUS', 'c', '0', '0', '1', 'km', 'STORE', 'dst2'], ['EXISTS', 'dst2'], ['GEORADIUS', 'nokey', '0', '0', '1', 'km', 'STORE', 'dst'], ['EXISTS', 'dst'],
    ['GEORADIUSBYMEMBER', 'nokey', 'a', 'x', 'bad'], ['GEORADIUSBYMEMBER', 'nokey', 'a', '1', 'km', 'STORE', 'x'],
  ] },
  { name: 'GEORADIUS errors', steps: [
    CITIES, ['GEORADIUS', 'c', '15', '37', '200', 'yd'], ['GEORADIUS', 'c', '15', '37', 'x', 'km'], ['GEORADIUS', 'c', '15', '37', '-1', 'km'],
    ['GEORADIUS', 'c', '200', '37', '1', 'km'], ['GEORADIUS', 'c', 'a', '37', '1', 'km'], ['GEORADIUS', 'c', '15', '37', '1', 'km', 'COUNT', '0'],
    ['GEORADIUS', 'c', '15', '37', '1', 'km', 'COUNT', 'x'], ['GEORADIUS', 'c', '15', '37', '1', 'km', 'COUNT'], ['GEORADIUS', 'c', '15', '37', '1', 'km', 'ANY'],
    ['GEORADIUS', 'c', '15', '37', '1', 'km', 'STORE', 'd', 'WITHDIST'], ['GEORADIUS_RO', 'c', '15', '37', '1', 'km', 'STORE', 'd'],
    ['GEORADIUSBYMEMBER_RO', 'c', 'Palermo', '1', 'km', 'STOREDIST', 'd'], ['GEORADIUS', 'c', '15', '37', '1', 'km', 'FROMLONLAT', '1', '1'],
    ['GEORADIUS', 'c', '15', '37', '1', 'km', 'foo'], ['GEORADIUS', 'c', '15', '37', '1'], ['SET', 'str', 'v'], ['GEORADIUS', 'str', '15', '37', '1', 'km'],
    ['GEORADIUS', 'nokey', '15', '37', '1', 'km', 'COUNT', '-3'], ['GEORADIUS', 'c', '15', '37', '1', 'km', 'COUNT', '-3', 'STORE', 'x', 'WITHHASH'],
  ] },
  { name: 'GEOSEARCH and GEOSEARCHSTORE', steps: [
    CITIES, ['GEOSEARCH', 'c', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC'], ['GEOSEARCH', 'c', 'FROMMEMBER', 'Palermo', 'BYBOX', '400', '400', 'km', 'ASC', 'WITHCOORD', 'WITHDIST', 'WITHHASH'],
    ['GEOSEARCH', 'c', 'FROMLONLAT', '15', '37', 'BYBOX', '400', '400', 'km'], ['GEOSEARCH', 'c', 'FROMLONLAT', '15', '37', 'BYBOX', '40', '4000', 'km', 'DESC', 'WITHDIST'],
    ['GEOSEARCH', 'c', 'FROMLONLAT', '0', '50', 'BYBOX', '2000', '1000', 'mi', 'WITHDIST'], ['GEOSEARCH', 'c', 'FROMLONLAT', '180', '0', 'BYBOX', '300', '300', 'km', 'WITHDIST'],
    ['GEOSEARCH', 'c', 'FROMMEMBER', 'north', 'BYRADIUS', '1000', 'km'], ['GEOSEARCH', 'c', 'FROMLONLAT', '15', '37', 'BYRADIUS', '20000', 'km', 'COUNT', '3'],
    ['GEOSEARCH', 'c', 'FROMLONLAT', '15', '37', 'BYRADIUS', '2000', 'km', 'COUNT', '2', 'ANY'], ['GEOSEARCH', 'c', 'FROMLONLAT', '15', '37', 'BYRADIUS', '2000', 'km', 'COUNT', '2', 'ANY', 'DESC'],
    ['GEOSEARCH', 'nokey', 'FROMMEMBER', 'x', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'c', 'FROMMEMBER', 'x', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCH', 'c', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1'], ['geosearch', 'c', 'FROMLONLAT', '1', '1', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'BYBOX', '1', '1', 'km'], ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1', 'BYBOX', '-1', '1', 'km'],
    ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1', 'BYBOX', 'w', '1', 'km'], ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1', 'BYBOX', '1', 'h', 'km'],
    ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1', 'BYBOX', '1', '1', 'yd'], ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'STORE', 'x'],
    ['GEOSEARCH', 'c', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'STOREDIST'], ['GeoSearch', 'c', 'FROMLONLAT', '1', '1'],
    ['GEOSEARCHSTORE', 'd', 'c', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'], ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'],
    ['GEOSEARCHSTORE', 'd', 'c', 'FROMLONLAT', '15', '37', 'BYBOX', '400', '400', 'km', 'STOREDIST', 'COUNT', '2'], ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'],
    ['GEOSEARCHSTORE', 'd', 'c', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'WITHDIST'], ['geosearchstore', 'd', 'c', 'BYRADIUS', '200', 'km'],
    ['GEOSEARCHSTORE', 'd', 'c', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km'], ['EXISTS', 'd'], ['GEOSEARCHSTORE', 'd', 'nokey', 'FROMMEMBER', 'a', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCHSTORE', 'd', 'c', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STORE', 'x'],
  ] },
  randomCase(11, 0.01), randomCase(12, 0.5), randomCase(13, 5), randomCase(14, 60),
]);
