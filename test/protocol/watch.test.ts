// ioredis transactions against respite, RESP2 and RESP3: multi().exec()
// results, run-time errors inside EXEC, EXECABORT, and WATCH-based optimistic
// locking under concurrent clients (the counter must come out exact).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { startRespite } from '../helpers/servers.js';
import type { RunningServer } from '../../src/index.js';

for (const protocol of [2, 3] as const) {
  describe(`ioredis transactions with protocol ${protocol}`, () => {
    let srv: RunningServer;
    const clients: Redis[] = [];
    const open = async (): Promise<Redis> => {
      const r = new Redis({ port: srv.port, host: '127.0.0.1', protocol, lazyConnect: true, maxRetriesPerRequest: 1 });
      await r.connect();
      clients.push(r);
      return r;
    };
    before(async () => {
      srv = await startRespite();
    });
    after(async () => {
      for (const c of clients) c.disconnect();
      await srv?.close();
    });

    it('multi().exec() returns each command\'s [error, result]', async () => {
      const r = await open();
      await r.flushall();
      const res = await r.multi().set('a', '1').incr('a').get('a').exec();
      assert.deepEqual(res, [[null, 'OK'], [null, 2], [null, '2']]);
    });

    it('a run-time error inside EXEC is one element, the others still run', async () => {
      const r = await open();
      await r.set('s', 'abc');
      const res = await r.multi().incr('s').set('t', 'x').append('s', 'd').exec();
      assert.ok(res !== null);
      assert.equal((res[0]![0] as Error).message, 'ERR value is not an integer or out of range');
      assert.deepEqual(res.slice(1), [[null, 'OK'], [null, 4]]);
      assert.equal(await r.get('s'), 'abcd');
    });

    it('a queueing error makes exec() reject with EXECABORT and nothing runs', async () => {
      const r = await open();
      await r.del('q');
      const tx = r.multi().set('q', '1');
      (tx as unknown as { call(...args: string[]): unknown }).call('nosuchcommand', 'x');
      await assert.rejects(tx.exec(), (err: Error) => err.message.includes('EXECABORT Transaction discarded because of previous errors.'));
      assert.equal(await r.get('q'), null);
      assert.equal(await r.ping(), 'PONG');
    });

    it('exec() resolves to null when another client touched a WATCHed key', async () => {
      const [r, other] = await Promise.all([open(), open()]);
      await r.set('w', '1');
      await r.watch('w');
      await other.set('w', '2');
      assert.equal(await r.multi().set('w', '3').exec(), null);
      assert.equal(await r.get('w'), '2');
      // The failed EXEC unwatched everything: the next transaction runs.
      assert.deepEqual(await r.multi().set('w', '3').exec(), [[null, 'OK']]);
    });

    it('WATCH/MULTI optimistic locking gives an exact counter under concurrency', async () => {
      const workers = await Promise.all(Array.from({ length: 6 }, () => open()));
      await workers[0]!.set('counter', '0');
      const perWorker = 25;
      let retries = 0;
      await Promise.all(workers.map(async (c) => {
        for (let done = 0; done < perWorker;) {
          await c.watch('counter');
          const v = Number(await c.get('counter'));
          const res = await c.multi().set('counter', String(v + 1)).exec();
          if (res === null) retries++;
          else done++;
          if (retries > 10000) throw new Error('too many retries');
        }
      }));
      assert.equal(await workers[0]!.get('counter'), String(6 * perWorker));
      assert.ok(retries > 0, 'concurrent clients conflicted at least once');
    });

    it('unwatch() and discard() clear a touched WATCH', async () => {
      const [r, other] = await Promise.all([open(), open()]);
      await r.watch('u');
      await other.set('u', 'x');
      assert.equal(await r.unwatch(), 'OK');
      assert.deepEqual(await r.multi().get('u').exec(), [[null, 'x']]);
      await r.watch('u');
      await other.set('u', 'y');
      // Without pipelining, MULTI/GET/DISCARD go to the server one by one.
      assert.equal(await r.multi({ pipeline: false }), 'OK');
      assert.equal(await r.get('u'), 'QUEUED');
      assert.equal(await r.discard(), 'OK');
      assert.deepEqual(await r.multi().get('u').exec(), [[null, 'y']]);
    });
  });
}
