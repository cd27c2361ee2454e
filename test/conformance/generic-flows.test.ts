// Side-by-side flows the case table cannot express: full SCAN iterations
// (cursors differ between the two hash tables, the key sets must not),
// DUMP on one server RESTOREd on the other, TTLs that pass during the test,
// and random glob patterns for KEYS.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from './harness.js';
import type { RawClient } from '../helpers/raw-client.js';
import { decodeReply, type Decoded } from '../helpers/resp-reader.js';
import { redisSkipReason } from '../helpers/servers.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function decode(raw: string): Decoded {
  return decodeReply(Buffer.from(raw, 'latin1'))[0];
}

/** Every key a full SCAN returns (a multiset, sorted), and the number of calls it took. */
async function fullScan(c: RawClient, options: string[]): Promise<{ keys: string[]; calls: number }> {
  const keys: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const reply = decode(await c.call('SCAN', cursor, ...options));
    assert.ok(Array.isArray(reply) && reply.length === 2, `SCAN reply shape: ${JSON.stringify(reply)}`);
    cursor = reply[0] as string;
    for (const k of reply[1] as string[]) keys.push(k);
    assert.ok(++calls < 100000, 'SCAN terminates');
  } while (cursor !== '0');
  return { keys: keys.sort(), calls };
}

function latin1(buf: Buffer): string {
  return buf.toString('latin1');
}

describe('generic flows side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  it('a full SCAN returns the same keys with MATCH, COUNT and TYPE', async () => {
    const { redis, respite } = await sbs.connect(2);
    try {
      for (const c of [redis, respite]) {
        for (let batch = 0; batch < 5; batch++) {
          const args: string[] = [];
          for (let i = batch * 400; i < (batch + 1) * 400; i++) args.push(i % 3 === 0 ? `user:${i}` : `item:${i}`, String(i));
          await c.call('MSET', ...args);
        }
        await c.call('SET', '', 'empty');
      }
      for (const options of [[], ['COUNT', '1'], ['COUNT', '1000'], ['MATCH', 'user:*'], ['MATCH', 'item:1?'], ['MATCH', '*', 'COUNT', '3'],
        ['TYPE', 'string'], ['TYPE', 'hash'], ['MATCH', 'nothing*', 'COUNT', '5'], ['MATCH', '*[05]', 'TYPE', 'STRING']]) {
        const [a, b] = await Promise.all([fullScan(redis, options), fullScan(respite, options)]);
        // Every key once: no key was added or removed during these scans.
        assert.deepEqual(b.keys, a.keys, `SCAN ${options.join(' ')}`);
        assert.equal(new Set(b.keys).size, b.keys.length, `SCAN ${options.join(' ')} returned a key twice`);
      }
    } finally {
      redis.close();
      respite.close();
    }
  });

  it('SCAN returns every key present throughout while others come and go', async () => {
    const { respite } = await sbs.connect(2);
    try {
      const stable = new Set<string>();
      const args: string[] = [];
      for (let i = 0; i < 300; i++) {
        args.push(`stable:${i}`, 'v');
        stable.add(`stable:${i}`);
      }
      await respite.call('MSET', ...args);
      const rnd = new SeededRandom(9);
      const seen = new Set<string>();
      let cursor = '0';
      let next = 0;
      let step = 0;
      do {
        const reply = decode(await respite.call('SCAN', cursor, 'COUNT', '7')) as Decoded[];
        cursor = reply[0] as string;
        for (const k of reply[1] as string[]) seen.add(k);
        // Grow past several resizes, then shrink back.
        if (step++ % 40 < 20) {
          const batch: string[] = [];
          for (let i = rnd.int(20, 200); i > 0; i--) batch.push(`tmp:${next++}`, 'x');
          await respite.call('MSET', ...batch);
        } else if (next > 0) {
          const dels: string[] = [];
          for (let i = rnd.int(20, 300); i > 0; i--) dels.push(`tmp:${rnd.int(0, next - 1)}`);
          await respite.call('DEL', ...dels);
        }
      } while (cursor !== '0');
      for (const k of stable) assert.ok(seen.has(k), `${k} was present throughout the scan but not returned`);
    } finally {
      respite.close();
    }
  });

  it('values DUMPed by Redis RESTORE on respite and the other way round', async () => {
    const { redis, respite } = await sbs.connect(2);
    try {
      const rnd = new SeededRandom(31);
      const values: string[] = ['', '0', '-1', '255', '65535', '4294967296', '-9223372036854775808', '12345678901', '007', 'hello'];
      for (let i = 0; i < 40; i++) {
        const len = rnd.pick([1, 11, 20, 21, 22, 63, 64, 100, 1000, 16383, 16384, 20000]);
        let s = '';
        const repetitive = i % 2 === 0;
        for (let j = 0; j < len; j++) s += String.fromCharCode(repetitive ? 97 + (j % 5) : rnd.int(0, 255));
        values.push(s);
      }
      for (const [i, value] of values.entries()) {
        await redis.call('SET', `v${i}`, value);
        await respite.call('SET', `v${i}`, value);
        const fromRedis = decode(await redis.call('DUMP', `v${i}`)) as string;
        const fromRespite = decode(await respite.call('DUMP', `v${i}`)) as string;
        assert.equal(fromRespite, fromRedis, `DUMP of value #${i} (length ${value.length})`);
        assert.equal(await respite.call('RESTORE', `x${i}`, '0', Buffer.from(fromRedis, 'latin1')), '+OK\r\n');
        assert.equal(await redis.call('RESTORE', `x${i}`, '0', Buffer.from(fromRespite, 'latin1')), '+OK\r\n');
        const [a, b] = await Promise.all([redis.call('GET', `x${i}`), respite.call('GET', `x${i}`)]);
        assert.equal(b, a);
        assert.equal(latin1(Buffer.from(decode(b) as string, 'latin1')), value);
      }
    } finally {
      redis.close();
      respite.close();
    }
  });

  it('keys whose TTL passes are gone for every command', async () => {
    const { redis, respite } = await sbs.connect(3);
    try {
      const setup = [['SET', 'a', '1', 'PX', '5'], ['SET', 'b', '2'], ['PEXPIRE', 'b', '5'], ['SET', 'c', '3'], ['PEXPIREAT', 'c', '1'],
        ['SET', 'keep', 'v'], ['SET', 'd', '4', 'PX', '5']];
      const after = [['GET', 'a'], ['EXISTS', 'b'], ['TTL', 'b'], ['PTTL', 'a'], ['TYPE', 'c'], ['RENAME', 'a', 'z'], ['MOVE', 'b', '1'],
        ['COPY', 'd', 'e'], ['DUMP', 'd'], ['OBJECT', 'ENCODING', 'a'], ['PERSIST', 'b'], ['EXPIRE', 'b', '100'], ['KEYS', '*'],
        ['RANDOMKEY'], ['SCAN', '0'], ['DBSIZE'], ['TOUCH', 'a', 'keep'], ['DEL', 'a', 'b', 'c', 'd', 'keep']];
      for (const cmd of setup) assert.equal(await respite.call(...cmd), await redis.call(...cmd), cmd.join(' '));
      await sleep(30);
      for (const cmd of after) {
        const [a, b] = await Promise.all([redis.call(...cmd), respite.call(...cmd)]);
        assert.equal(b, a, cmd.join(' '));
      }
    } finally {
      redis.close();
      respite.close();
    }
  });

  it('KEYS agrees on random glob patterns over random keys', async () => {
    const { redis, respite } = await sbs.connect(2);
    try {
      const rnd = new SeededRandom(77);
      const keyChars = ['a', 'b', 'c', '-', ']', '[', '*', '\\', '\xff', '\x00', 'A'];
      const keys = new Set<string>();
      while (keys.size < 150) {
        let k = '';
        for (let n = rnd.int(0, 6); n > 0; n--) k += rnd.pick(keyChars);
        keys.add(k);
      }
      const args = [...keys].flatMap((k) => [k, '1']);
      await Promise.all([redis.call('MSET', ...args), respite.call('MSET', ...args)]);
      const patChars = ['a', 'b', '*', '?', '[', ']', '^', '-', '\\', 'c', '\xff', 'A'];
      for (let i = 0; i < 400; i++) {
        let p = '';
        for (let n = rnd.int(0, 7); n > 0; n--) p += rnd.pick(patChars);
        const [a, b] = await Promise.all([redis.call('KEYS', p), respite.call('KEYS', p)]);
        const sortKeys = (raw: string) => (decode(raw) as string[]).slice().sort();
        assert.deepEqual(sortKeys(b), sortKeys(a), `KEYS ${JSON.stringify(p)}`);
      }
    } finally {
      redis.close();
      respite.close();
    }
  });
});
