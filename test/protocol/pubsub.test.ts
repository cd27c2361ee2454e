// Pub/sub with real client libraries (ioredis, node-redis; RESP2 and RESP3)
// across connections, and client-output-buffer-limit: a subscriber that never
// reads is closed at the hard limit (soft limit after its seconds), so the
// server's memory stays bounded; the same machinery limits normal clients.

import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { RawClient, encodeCommand } from '../helpers/raw-client.js';
import { startRespite } from '../helpers/servers.js';
import { ManualClock, type RunningServer } from '../../src/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

for (const protocol of [2, 3] as const) {
  describe(`pub/sub with ioredis, protocol ${protocol}`, () => {
    let srv: RunningServer;
    let sub: Redis;
    let pub: Redis;
    before(async () => {
      srv = await startRespite();
      sub = new Redis({ port: srv.port, host: '127.0.0.1', protocol, lazyConnect: true, maxRetriesPerRequest: 1 });
      pub = new Redis({ port: srv.port, host: '127.0.0.1', protocol, lazyConnect: true, maxRetriesPerRequest: 1 });
      await sub.connect();
      await pub.connect();
    });
    after(async () => {
      sub?.disconnect();
      pub?.disconnect();
      await srv?.close();
    });

    it('message and pmessage in order, counts, binary payloads', { timeout: 15000 }, async () => {
      const got: string[] = [];
      sub.on('message', (ch: string, msg: string) => got.push(`message ${ch} ${msg}`));
      sub.on('pmessage', (p: string, ch: string, msg: string) => got.push(`pmessage ${p} ${ch} ${msg}`));
      const binary: Buffer[] = [];
      sub.on('messageBuffer', (_ch: Buffer, msg: Buffer) => binary.push(msg));
      assert.equal(await sub.subscribe('news', 'bin'), 2);
      assert.equal(await sub.psubscribe('n*'), 3);
      for (let i = 0; i < 50; i++) assert.equal(await pub.publish('news', `m${i}`), 2);
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      assert.equal(await pub.publish('bin', all), 1);
      assert.equal(await pub.publish('nothing-here', 'x'), 1);
      await until(() => got.length === 50 * 2 + 2);
      for (let i = 0; i < 50; i++) {
        assert.equal(got[2 * i], `message news m${i}`);
        assert.equal(got[2 * i + 1], `pmessage n* news m${i}`);
      }
      assert.equal(got[101], 'pmessage n* nothing-here x');
      assert.ok(binary.some((b) => b.equals(all)));
      assert.deepEqual(await pub.pubsub('NUMSUB', 'news', 'bin', 'none'), ['news', 1, 'bin', 1, 'none', 0]);
      assert.equal(await pub.pubsub('NUMPAT'), 1);
      // (ioredis's argument-less unsubscribe never resolves, against redis-server too: name them.)
      assert.equal(await sub.unsubscribe('news', 'bin'), 1);
      assert.equal(await sub.punsubscribe('n*'), 0);
      assert.equal(await pub.publish('news', 'late'), 0);
    });
  });

  describe(`pub/sub with node-redis, RESP${protocol}`, () => {
    let srv: RunningServer;
    let client: ReturnType<typeof createClient>;
    let sub: ReturnType<typeof createClient>;
    before(async () => {
      srv = await startRespite();
      client = createClient({ socket: { port: srv.port, host: '127.0.0.1', reconnectStrategy: false }, RESP: protocol });
      client.on('error', () => {});
      await client.connect();
      sub = client.duplicate();
      sub.on('error', () => {});
      await sub.connect();
    });
    after(async () => {
      if (sub?.isOpen) sub.destroy();
      if (client?.isOpen) client.destroy();
      await srv?.close();
    });

    it('subscribe, pSubscribe and sSubscribe across connections', { timeout: 15000 }, async () => {
      const got: string[] = [];
      await sub.subscribe('orders', (msg, ch) => got.push(`${ch}:${msg}`));
      await sub.pSubscribe('ord*', (msg, ch) => got.push(`p ${ch}:${msg}`));
      await sub.sSubscribe('shard', (msg, ch) => got.push(`s ${ch}:${msg}`));
      assert.equal(await client.publish('orders', 'o1'), 2);
      assert.equal(await client.sPublish('shard', 's1'), 1);
      assert.equal(await client.publish('ordinal', 'o2'), 1);
      await until(() => got.length === 4);
      assert.deepEqual(got, ['orders:o1', 'p orders:o1', 's shard:s1', 'p ordinal:o2']);
      assert.deepEqual(await client.pubSubChannels(), ['orders']);
      assert.deepEqual(await client.pubSubShardChannels(), ['shard']);
      await sub.unsubscribe('orders');
      await sub.pUnsubscribe();
      await sub.sUnsubscribe();
      assert.equal(await client.publish('orders', 'o3'), 0);
      assert.ok([...srv.server.clients.values()].every((c) => !c.isPubSub), 'no client left in pub/sub mode');
    });
  });
}

/** A raw socket that subscribes and then never reads again. */
async function stalledSubscriber(port: number, channel: string): Promise<Socket> {
  const s = connect({ port, host: '127.0.0.1' });
  await new Promise<void>((resolve) => s.once('connect', () => resolve()));
  s.write(encodeCommand(['SUBSCRIBE', channel]));
  await new Promise<void>((resolve) => s.once('data', () => resolve()));
  s.pause();
  return s;
}

describe('client-output-buffer-limit', () => {
  let srv: RunningServer;
  const clock = new ManualClock();
  const warnings: string[] = [];
  before(async () => {
    srv = await startRespite({ clock });
    srv.server.logger.warning = (msg: string) => { warnings.push(msg); };
  });
  after(async () => {
    await srv?.close();
  });

  it('a subscriber that never reads is closed at the pubsub hard limit (default 32mb)', { timeout: 30000 }, async () => {
    const stalled = await stalledSubscriber(srv.port, 'firehose');
    const reader = await RawClient.connect(srv.port);
    assert.equal(await reader.call('SUBSCRIBE', 'firehose'), '*3\r\n$9\r\nsubscribe\r\n$8\r\nfirehose\r\n:1\r\n');
    let readerFrames = 0;
    const pub = await RawClient.connect(srv.port);
    const payload = 'x'.repeat(64 * 1024);
    let peak = 0;
    // Up to 80 MB offered: the stalled client must be gone well before.
    for (let i = 0; i < 1280 && srv.server.pubsub.numsub('firehose') === 2; i++) {
      await pub.call('PUBLISH', 'firehose', payload);
      for (const c of srv.server.clients.values()) peak = Math.max(peak, c.transport?.outputBytes ?? 0);
      await reader.nextReply();
      readerFrames++;
    }
    assert.equal(srv.server.pubsub.numsub('firehose'), 1, 'the stalled subscriber was closed');
    assert.ok(peak < 32 * 1024 * 1024 + 2 * payload.length, `output buffered per client stays bounded (peak ${peak})`);
    assert.ok(readerFrames > 100);
    assert.ok(warnings.some((w) => /^Client id=\d+ addr=.* flags=P .*sub=1 .* scheduled to be closed ASAP for overcoming of output buffer limits\.$/.test(w)),
      warnings.join('\n'));
    // The reading subscriber is unaffected.
    assert.equal(await pub.call('PUBLISH', 'firehose', 'tail'), ':1\r\n');
    stalled.destroy();
    reader.close();
    pub.close();
  });

  it('the soft limit closes a subscriber over it for longer than its seconds', { timeout: 15000 }, async () => {
    const admin = await RawClient.connect(srv.port);
    assert.equal(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 0 1mb 10'), '+OK\r\n');
    const stalled = await stalledSubscriber(srv.port, 'soft');
    const payload = 'y'.repeat(256 * 1024);
    // Over the soft limit: the timer starts.
    for (let i = 0; i < 64 && srv.server.pubsub.numsub('soft') === 1; i++) {
      await admin.call('PUBLISH', 'soft', payload);
      const c = [...srv.server.clients.values()].find((x) => x.isPubSub);
      if (c && c.obufSoftLimitReachedSec !== 0) break;
    }
    assert.equal(srv.server.pubsub.numsub('soft'), 1, 'not closed when first over the soft limit');
    clock.advance(10_000);
    assert.equal(await admin.call('PUBLISH', 'soft', 'z'), ':1\r\n');
    assert.equal(srv.server.pubsub.numsub('soft'), 1, 'not closed at exactly the soft seconds');
    clock.advance(1_000);
    assert.equal(await admin.call('PUBLISH', 'soft', 'z'), ':1\r\n');
    assert.equal(srv.server.pubsub.numsub('soft'), 0, 'closed once over the soft limit for longer than 10 s');
    assert.equal(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 32mb 8mb 60'), '+OK\r\n');
    stalled.destroy();
    admin.close();
  });

  it('normal clients obey the normal class limit (unlimited by default)', { timeout: 30000 }, async () => {
    const admin = await RawClient.connect(srv.port);
    await admin.call('SET', 'big', 'v'.repeat(512 * 1024));
    assert.equal(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 4mb 0 0'), '+OK\r\n');
    const before = srv.server.clients.size;
    const s = connect({ port: srv.port, host: '127.0.0.1' });
    await new Promise<void>((resolve) => s.once('connect', () => resolve()));
    s.pause();
    const closed = new Promise<void>((resolve) => s.once('close', () => resolve()));
    const batch = Buffer.concat(Array.from({ length: 64 }, () => encodeCommand(['GET', 'big'])));
    s.write(batch);
    await until(() => srv.server.clients.size === before, 10000);
    s.resume();
    await closed;
    assert.equal(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0'), '+OK\r\n');
    admin.close();
  });
});
