// ioredis (which opens with HELLO 3, falling back to RESP2) against respite:
// everyday commands, pipelines and binary buffers.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { startRespite } from '../helpers/servers.js';
import type { RunningServer } from '../../src/index.js';

for (const protocol of [2, 3] as const) {
  describe(`ioredis with protocol ${protocol}`, () => {
    let srv: RunningServer;
    let redis: Redis;
    before(async () => {
      srv = await startRespite();
      redis = new Redis({ port: srv.port, host: '127.0.0.1', protocol, lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
    });
    after(async () => {
      redis?.disconnect();
      await srv?.close();
    });

    it('set, get, incr, del, mget', async () => {
      assert.equal(await redis.set('k', 'välue'), 'OK');
      assert.equal(await redis.get('k'), 'välue');
      assert.equal(await redis.incr('n'), 1);
      assert.equal(await redis.incrby('n', 41), 42);
      assert.deepEqual(await redis.mget('k', 'n', 'missing'), ['välue', '42', null]);
      assert.equal(await redis.del('k', 'n', 'missing'), 2);
      assert.equal(await redis.get('k'), null);
    });

    it('errors reach the caller as ReplyError with the Redis text', async () => {
      await redis.set('s', 'abc');
      await assert.rejects(redis.incr('s'), { message: 'ERR value is not an integer or out of range' });
    });

    it('a pipeline of 500 commands', async () => {
      const p = redis.pipeline();
      for (let i = 0; i < 250; i++) p.set(`p${i}`, String(i)).incr(`p${i}`);
      const results = await p.exec();
      assert.equal(results!.length, 500);
      for (let i = 0; i < 250; i++) {
        assert.deepEqual(results![2 * i], [null, 'OK']);
        assert.deepEqual(results![2 * i + 1], [null, i + 1]);
      }
    });

    it('binary keys and values as Buffers', async () => {
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      await redis.set(all, all);
      assert.deepEqual(await redis.getBuffer(all), all);
      assert.deepEqual(await redis.mgetBuffer(all, 'nope'), [all, null]);
    });
  });
}
