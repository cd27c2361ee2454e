// node-redis (RESP2 and RESP3) against respite: everyday commands,
// pipelines (multi-command batches) and binary buffers.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, RESP_TYPES } from 'redis';
import { startRespite } from '../helpers/servers.js';
import type { RunningServer } from '../../src/index.js';

for (const RESP of [2, 3] as const) {
  describe(`node-redis with RESP${RESP}`, () => {
    let srv: RunningServer;
    let client: ReturnType<typeof createClient>;
    before(async () => {
      srv = await startRespite();
      client = createClient({ socket: { port: srv.port, host: '127.0.0.1', reconnectStrategy: false }, RESP });
      client.on('error', () => {});
      await client.connect();
    });
    after(async () => {
      if (client?.isOpen) client.destroy();
      await srv?.close();
    });

    it('set, get, incr, del, mget', async () => {
      assert.equal(await client.set('k', 'välue'), 'OK');
      assert.equal(await client.get('k'), 'välue');
      assert.equal(await client.incr('n'), 1);
      assert.equal(await client.incrBy('n', 41), 42);
      assert.deepEqual(await client.mGet(['k', 'n', 'missing']), ['välue', '42', null]);
      assert.equal(await client.del(['k', 'n', 'missing']), 2);
      assert.equal(await client.get('k'), null);
    });

    it('errors reach the caller with the Redis text', async () => {
      await client.set('s', 'abc');
      await assert.rejects(client.incr('s'), { message: 'ERR value is not an integer or out of range' });
    });

    it('a pipeline of 500 commands', async () => {
      const batch = client.multi();
      for (let i = 0; i < 250; i++) batch.set(`p${i}`, String(i)).incr(`p${i}`);
      const results = await batch.execAsPipeline();
      assert.equal(results.length, 500);
      for (let i = 0; i < 250; i++) {
        assert.equal(results[2 * i], 'OK');
        assert.equal(results[2 * i + 1], i + 1);
      }
    });

    it('binary keys and values as Buffers', async () => {
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      await client.set(all, all);
      const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      assert.deepEqual(await binary.get(all), all);
      assert.deepEqual(await binary.mGet([all, 'nope']), [all, null]);
    });
  });
}
