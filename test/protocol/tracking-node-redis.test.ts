// node-redis 6's client-side cache (RESP3, CLIENT TRACKING ON) against
// respite: a cached GET is served locally, then reloaded after another
// client's SET or a FLUSHALL invalidates it; and the raw push events.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BasicClientSideCache, createClient } from 'redis';
import { startRespite } from '../helpers/servers.js';
import type { RunningServer } from '../../src/index.js';

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('node-redis client-side caching', () => {
  let srv: RunningServer;
  let cache: BasicClientSideCache;
  let cached: ReturnType<typeof createClient>;
  let writer: ReturnType<typeof createClient>;

  before(async () => {
    srv = await startRespite();
    const socket = { port: srv.port, host: '127.0.0.1', reconnectStrategy: false as const };
    cache = new BasicClientSideCache({ ttl: 0, maxEntries: 100 });
    cached = createClient({ socket, RESP: 3, clientSideCache: cache });
    writer = createClient({ socket, RESP: 3 });
    cached.on('error', () => {});
    writer.on('error', () => {});
    await cached.connect();
    await writer.connect();
  });
  after(async () => {
    if (cached?.isOpen) cached.destroy();
    if (writer?.isOpen) writer.destroy();
    await srv?.close();
  });

  it('a cached GET is invalidated by another client\'s SET', async () => {
    await writer.set('k', 'v1');
    assert.equal(await cached.get('k'), 'v1');
    assert.equal(await cached.get('k'), 'v1');
    assert.equal(cache.stats().hitCount, 1);
    assert.equal(cache.size(), 1);
    await writer.set('k', 'v2');
    await until(() => cache.size() === 0);
    assert.equal(await cached.get('k'), 'v2');
    assert.equal(cache.stats().missCount, 2);
    const info = await writer.info('stats');
    assert.match(info, /tracking_total_keys:1\r\n/);
  });

  it('FLUSHALL invalidates every cached key', async () => {
    await writer.mSet({ a: '1', b: '2' });
    assert.equal(await cached.get('a'), '1');
    assert.equal(await cached.get('b'), '2');
    assert.ok(cache.size() >= 2);
    await writer.flushAll();
    await until(() => cache.size() === 0);
    assert.equal(await cached.get('a'), null);
  });

  it('the server reports the client as tracking', async () => {
    const list = await writer.sendCommand(['CLIENT', 'LIST']) as string;
    assert.match(list, / flags=t .* redir=0 resp=3/);
    assert.match(await writer.info('clients'), /tracking_clients:1\r\n/);
  });
});
