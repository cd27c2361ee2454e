// DUMP/RESTORE of hashes and sets interchangeable with redis-server 7.0:
// listpack hashes and intsets DUMP byte for byte as Redis; every encoding's
// payload restores on the other server with the same contents and encoding.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { conformanceSuite, SideBySide } from './harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import type { RawClient } from '../helpers/raw-client.js';

conformanceSuite('hash and set DUMP payloads', [
  { name: 'listpack hashes and intsets dump as Redis', steps: [
    ['HSET', 'h', 'a', '1', 'bb', '-200', 'c', 'x'.repeat(64), '12345678901', 'v', 'neg', '-9223372036854775808'],
    ['DUMP', 'h'], ['SADD', 's', '1', '2', '3'], ['DUMP', 's'], ['SADD', 's4', '1', '100000'], ['DUMP', 's4'],
    ['SADD', 's8', '-1', '9223372036854775807'], ['DUMP', 's8'], ['HSET', 'one', '', ''], ['DUMP', 'one'],
    ['DUMP', 'h'], ['RESTORE', 'h2', '0', '\x10\x05\x05\x00\x00\x00\xff\x0a\x00junk0000'],
  ] },
]);

function bulk(raw: string): string {
  assert.ok(raw.startsWith('$'), raw);
  const nl = raw.indexOf('\r\n');
  return raw.slice(nl + 2, nl + 2 + Number(raw.slice(1, nl)));
}

describe('hash and set DUMP/RESTORE across servers', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  async function contents(c: RawClient, key: string, type: string): Promise<string[]> {
    const raw = type === 'hash' ? await c.call('HGETALL', key) : await c.call('SMEMBERS', key);
    const lines = raw.split('\r\n').filter((l, i) => i > 0 && !l.startsWith('$') && l !== '');
    const items = [...lines];
    if (type === 'hash') {
      const pairs: string[] = [];
      for (let i = 0; i < items.length; i += 2) pairs.push(`${items[i]}=${items[i + 1]}`);
      return pairs.sort();
    }
    return items.sort();
  }

  it('payloads restore on the other server with the same contents and encoding', async () => {
    const { redis, respite } = await sbs.connect(2);
    try {
      const build: string[][] = [
        ['HSET', 'lp', 'f1', 'v1', 'f2', '2', 'f3', '-77'],
        ['HSET', 'ht', 'long', 'y'.repeat(100), 'a', '1'],
        ['SADD', 'is', '5', '-3', '70000', '9000000000'],
        ['SADD', 'hs', 'x', 'y', '1'],
      ];
      for (let i = 0; i < 600; i++) build.push(['SADD', 'bigint', String(i * 7)], ['HSET', 'bighash', `k${i}`, String(i)]);
      for (const cmd of build) {
        await redis.call(...cmd);
        await respite.call(...cmd);
      }
      const keys: [string, string][] = [
        ['lp', 'hash'], ['ht', 'hash'], ['is', 'set'], ['hs', 'set'], ['bigint', 'set'], ['bighash', 'hash'],
      ];
      for (const [key, type] of keys) {
        for (const [from, to] of [[redis, respite], [respite, redis]] as const) {
          const payload = bulk(await from.call('DUMP', key));
          assert.equal(await to.call('RESTORE', `${key}:copy`, '0', Buffer.from(payload, 'latin1')), '+OK\r\n', key);
          assert.deepEqual(await contents(to, `${key}:copy`, type), await contents(from, key, type), key);
          assert.equal(await to.call('OBJECT', 'ENCODING', `${key}:copy`), await from.call('OBJECT', 'ENCODING', key), key);
          await to.call('DEL', `${key}:copy`);
        }
      }
    } finally {
      redis.close();
      respite.close();
    }
  });
});
