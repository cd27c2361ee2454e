// Sorted-set algebra side by side with redis-server (RESP2 and RESP3):
// ZUNION/ZINTER/ZDIFF and their STORE forms with WEIGHTS, AGGREGATE, inf*0,
// plain sets as inputs; ZINTERCARD; ZRANDMEMBER shapes; ZSCAN.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { conformanceSuite, SideBySide } from './harness.js';
import { decodeReply as decodeAt, type Decoded } from '../helpers/resp-reader.js';
import { redisSkipReason } from '../helpers/servers.js';


const A = ['ZADD', 'a', '1', 'x', '2', 'y', '3', 'z', 'inf', 'i', '-inf', 'n'];
const B = ['ZADD', 'b', '10', 'y', '20', 'z', '30', 'w', '0', 'i', 'inf', 'n'];
const BIG: string[] = ['ZADD', 'big'];
for (let i = 0; i < 150; i++) BIG.push(String(i), `m${i}`);

conformanceSuite('sorted set algebra', [
  { name: 'ZUNION, ZINTER, ZDIFF', steps: [
    A, B, ['ZUNION', '2', 'a', 'b'], ['ZUNION', '2', 'a', 'b', 'WITHSCORES'], ['ZINTER', '2', 'a', 'b', 'WITHSCORES'],
    ['ZDIFF', '2', 'a', 'b', 'WITHSCORES'], ['ZDIFF', '2', 'b', 'a'], ['ZUNION', '1', 'nokey'], ['ZINTER', '2', 'a', 'nokey'],
    ['ZDIFF', '1', 'a', 'WITHSCORES'], ['ZDIFF', '2', 'nokey', 'a'], ['ZUNION', '3', 'a', 'b', 'a', 'withscores'],
  ] },
  { name: 'WEIGHTS and AGGREGATE, inf*0 and inf-inf', steps: [
    A, B, ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '2', '0', 'WITHSCORES'], ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '0', '0', 'WITHSCORES'],
    ['ZUNION', '2', 'a', 'b', 'AGGREGATE', 'MIN', 'WITHSCORES'], ['ZUNION', '2', 'a', 'b', 'AGGREGATE', 'max', 'WITHSCORES'],
    ['ZINTER', '2', 'a', 'b', 'WEIGHTS', '1', '-1', 'WITHSCORES'], ['ZINTER', '2', 'a', 'b', 'WEIGHTS', '0', '1', 'AGGREGATE', 'MIN', 'WITHSCORES'],
    ['ZINTER', '2', 'a', 'b', 'WEIGHTS', '1', '0', 'AGGREGATE', 'MAX', 'WITHSCORES'], ['ZINTER', '2', 'a', 'b', 'WEIGHTS', 'inf', '-inf', 'WITHSCORES'],
    ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1.5', '0.1', 'WITHSCORES'], ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1'],
    ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', 'x'], ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', 'nan'], ['ZUNION', '2', 'a', 'b', 'AGGREGATE', 'avg'],
    ['ZUNION', '2', 'a', 'b', 'AGGREGATE'], ['ZDIFF', '2', 'a', 'b', 'WEIGHTS', '1', '1'], ['ZDIFF', '2', 'a', 'b', 'AGGREGATE', 'SUM'],
    ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', '2', 'WEIGHTS', '3', '4', 'WITHSCORES'],
  ] },
  { name: 'numkeys and type errors', steps: [
    A, ['ZUNION', '0', 'a'], ['ZINTER', '-1', 'a'], ['ZDIFF', 'x', 'a'], ['ZUNION', '3', 'a', 'b'], ['ZUNIONSTORE', 'd', '0', 'a'],
    ['ZINTERSTORE', 'd', '3', 'a'], ['ZDIFFSTORE', 'd', 'x', 'a'], ['SET', 's', 'v'], ['ZUNION', '2', 'a', 's'],
    ['ZINTERSTORE', 'd', '2', 's', 'a', 'WEIGHTS', 'x'], ['ZUNIONSTORE', 'd', '1', 'a', 'WITHSCORES'], ['ZUNION', '1', 'a', 'foo'],
    ['ZINTERCARD', '0', 'a'], ['ZINTERCARD', '2', 'a'], ['ZINTERCARD', '1', 's'], ['ZINTERCARD', 'x', 'a'], ['ZUNION'],
  ] },
  { name: 'STORE forms, destinations and encodings', steps: [
    A, B, ['ZUNIONSTORE', 'd', '2', 'a', 'b'], ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'd'],
    ['ZINTERSTORE', 'd', '2', 'a', 'b', 'AGGREGATE', 'MAX'], ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'],
    ['ZDIFFSTORE', 'd', '2', 'a', 'b'], ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'], ['ZINTERSTORE', 'd', '2', 'a', 'nokey'],
    ['EXISTS', 'd'], ['SET', 'd', 'str'], ['ZUNIONSTORE', 'd', '1', 'a'], ['TYPE', 'd'], ['ZUNIONSTORE', 'a', '2', 'a', 'b'],
    ['ZRANGE', 'a', '0', '-1', 'WITHSCORES'], BIG, ['ZUNIONSTORE', 'd', '1', 'big'], ['OBJECT', 'ENCODING', 'd'],
    ['ZINTERSTORE', 'd', '2', 'big', 'b'], ['OBJECT', 'ENCODING', 'd'], ['ZADD', 'long', '1', 'x'.repeat(80)],
    ['ZUNIONSTORE', 'd', '1', 'long'], ['OBJECT', 'ENCODING', 'd'], ['ZDIFFSTORE', 'd', '1', 'big'], ['OBJECT', 'ENCODING', 'd'],
  ] },
  { name: 'plain sets as inputs score 1', steps: [
    A, ['SADD', 'set', 'x', 'q', 'z'], ['ZUNION', '2', 'a', 'set', 'WITHSCORES'], ['ZINTER', '2', 'set', 'a', 'WITHSCORES'],
    ['ZDIFF', '2', 'set', 'a', 'WITHSCORES'], ['ZINTERCARD', '2', 'a', 'set'], ['ZUNIONSTORE', 'd', '1', 'set', 'WEIGHTS', '5'],
    ['ZRANGE', 'd', '0', '-1', 'WITHSCORES'], ['SADD', 'iset', '1', '2', '3'], ['ZUNION', '2', 'iset', 'set', 'WITHSCORES'],
  ] },
  { name: 'ZINTERCARD with LIMIT', steps: [
    A, B, ['ZINTERCARD', '2', 'a', 'b'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '2'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '0'],
    ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '-1'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', 'x'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT'],
    ['ZINTERCARD', '1', 'nokey'], ['ZINTERCARD', '2', 'a', 'b', 'WEIGHTS', '1', '1'], ['ZINTERCARD', '2', 'a', 'b', 'WITHSCORES'],
  ] },
  { name: 'ZRANDMEMBER deterministic cases and errors', steps: [
    ['ZADD', 'one', '1.5', 'x'], ['ZRANDMEMBER', 'one'], ['ZRANDMEMBER', 'one', '1'], ['ZRANDMEMBER', 'one', '-3', 'WITHSCORES'],
    ['ZRANDMEMBER', 'one', '5', 'WITHSCORES'], ['ZRANDMEMBER', 'nokey'], ['ZRANDMEMBER', 'nokey', '3'], ['ZRANDMEMBER', 'one', '0'],
    ['ZRANDMEMBER', 'one', 'x'], ['ZRANDMEMBER', 'one', '1', 'foo'], ['ZRANDMEMBER', 'one', '1', 'WITHSCORES', 'x'],
    ['ZRANDMEMBER', 'one', '-9223372036854775808'], ['ZRANDMEMBER', 'one', '-9223372036854775808', 'WITHSCORES'],
    ['ZRANDMEMBER', 'one', '4611686018427387904', 'WITHSCORES'], ['ZRANDMEMBER', 'one', '-4611686018427387904', 'WITHSCORES'],
    A, ['ZRANDMEMBER', 'a', '5', 'WITHSCORES'], ['ZRANDMEMBER', 'a', '50'], ['SET', 's', 'v'], ['ZRANDMEMBER', 's'],
    ['ZRANDMEMBER', 's', '0'],
  ] },
  { name: 'ZSCAN on small sets and errors', steps: [
    A, ['ZSCAN', 'a', '0'], ['ZSCAN', 'a', '0', 'MATCH', '*y*'], ['ZSCAN', 'a', '0', 'COUNT', '1'], ['ZSCAN', 'a', 'x'],
    ['ZSCAN', 'a', '0', 'COUNT', '0'], ['ZSCAN', 'a', '0', 'COUNT'], ['ZSCAN', 'a', '0', 'TYPE', 'zset'], ['ZSCAN', 'nokey', '0'],
    ['ZSCAN', 'nokey', '0', 'foo'], ['ZSCAN', 'nokey', 'x'], ['ZADD', 'f', '1.1', 'm', '-0', 'n', '1e300', 'o'], ['ZSCAN', 'f', '0'],
    ['SET', 's', 'v'], ['ZSCAN', 's', '0'],
  ] },
], { config: { 'zset-max-listpack-entries': '128', 'zset-max-listpack-value': '64' } });

const decodeReply = (raw: string): Decoded => decodeAt(Buffer.from(raw, 'latin1'))[0];

function flat(d: Decoded): Decoded[] {
  if (!Array.isArray(d)) return [d];
  return d.flatMap(flat);
}

describe('ZRANDMEMBER and ZSCAN on large sets (decoded)', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());
  for (const resp of [2, 3] as const) {
    it(`shapes, counts and distinctness [RESP${resp}]`, async () => {
      const { redis, respite } = await sbs.connect(resp);
      try {
        for (const c of [redis, respite]) await c.call(...BIG);
        for (const args of [['10'], ['-10'], ['100'], ['149'], ['-300', 'WITHSCORES'], ['7', 'WITHSCORES'], ['140', 'WITHSCORES']]) {
          const [r, o] = await Promise.all([redis.call('ZRANDMEMBER', 'big', ...args), respite.call('ZRANDMEMBER', 'big', ...args)]);
          const dr = decodeReply(r);
          const dO = decodeReply(o);
          assert.ok(Array.isArray(dr) && Array.isArray(dO));
          assert.equal(dO.length, dr.length, `length ${args.join(' ')}`);
          // Same nesting: compare the shape of the first element.
          assert.equal(Array.isArray(dO[0]), Array.isArray(dr[0]));
          const members = flat(dO).filter((_, i) => !args.includes('WITHSCORES') || i % 2 === 0).map(String);
          for (const m of members) assert.match(m, /^m\d+$/);
          if (!args[0]!.startsWith('-')) assert.equal(new Set(members).size, members.length, 'distinct');
        }
        // ZSCAN over a skiplist: a full iteration returns every member once with its score.
        const seen = new Map<string, string>();
        let cursor = '0';
        for (let n = 0; n < 1000; n++) {
          const d = decodeReply(await respite.call('ZSCAN', 'big', cursor, 'COUNT', '20'));
          assert.ok(Array.isArray(d));
          cursor = String(d[0]);
          const items = d[1] as Decoded[];
          for (let i = 0; i < items.length; i += 2) seen.set(String(items[i]), String(items[i + 1]));
          if (cursor === '0') break;
        }
        assert.equal(seen.size, 150);
        assert.equal(seen.get('m42'), '42');
      } finally {
        redis.close();
        respite.close();
      }
    });
  }
});

describe('sorted set DUMP/RESTORE interchange', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());
  const dumpOf = (raw: string): string => {
    const d = decodeReply(raw);
    assert.equal(typeof d, 'string', raw);
    return d as string;
  };
  it('listpack and skiplist payloads restore on the other server with equal contents', async () => {
    const { redis, respite } = await sbs.connect(2);
    try {
      const fills: string[][] = [
        ['ZADD', 'small', '1', 'a', '1.1', 'b', '-inf', 'c', 'inf', 'd', '-0', 'e', '123456789', 'f', '2.5e-300', '\x00\xff'],
        BIG,
        ['ZADD', 'long', '1', 'x'.repeat(100), '2', 'y'],
      ];
      for (const fill of fills) {
        const key = fill[1]!;
        for (const c of [redis, respite]) await c.call(...fill);
        const [fromRedis, fromUs] = [dumpOf(await redis.call('DUMP', key)), dumpOf(await respite.call('DUMP', key))];
        assert.equal(Buffer.from(fromUs, 'latin1').toString('hex'), Buffer.from(fromRedis, 'latin1').toString('hex'), `DUMP ${key}`);
        for (const [c, payload] of [[respite, fromRedis], [redis, fromUs]] as const) {
          assert.equal(await c.call('RESTORE', `${key}:copy`, '0', Buffer.from(payload, 'latin1')), '+OK\r\n');
        }
        for (const cmd of [['ZRANGE', `${key}:copy`, '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', `${key}:copy`]]) {
          assert.equal(await respite.call(...cmd), await redis.call(...cmd), cmd.join(' '));
        }
      }
    } finally {
      redis.close();
      respite.close();
    }
  });
});
