// Start-up loading of a large AOF or RDB file: the port is open, clients get
// -LOADING and INFO shows the progress until the data is in, then the data
// is served.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RawClient } from '../helpers/raw-client.js';
import { freePort } from '../helpers/servers.js';
import { spawnServer, TempDirs } from '../helpers/server-process.js';
import { AofManifest } from '../../src/persistence/aof/manifest.js';
import { encodeCommand } from '../../src/persistence/aof/rewrite-commands.js';
import { serializeRdb } from '../../src/persistence/rdb/file.js';
import { Keyspace } from '../../src/keyspace/keyspace.js';
import { systemClock } from '../../src/keyspace/clock.js';

const temp = new TempDirs('respite-loading-');
after(() => temp.removeAll());

const KEYS = 300_000;

/** Polls PING from process start: expects some -LOADING (with INFO loading:1), then PONG and the data. */
async function expectLoadingThenData(dir: string, args: string[]): Promise<void> {
  const port = await freePort();
  const child = spawnServer('respite', dir, args, port);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  const seen = new Set<string>();
  let infoWhileLoading = '';
  try {
    const deadline = Date.now() + 60000;
    for (;;) {
      assert.ok(Date.now() < deadline, `no PONG: ${out}`);
      let c: RawClient;
      try {
        c = await RawClient.connect(port);
      } catch {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      const reply = await c.call('PING');
      seen.add(reply);
      if (reply.startsWith('-LOADING') && infoWhileLoading === '') infoWhileLoading = await c.call('INFO', 'persistence');
      if (reply === '+PONG\r\n') {
        assert.equal(await c.call('DBSIZE'), `:${KEYS}\r\n`);
        assert.equal(await c.call('GET', `key:${KEYS - 1}`), `$12\r\nvalue-${KEYS - 1}\r\n`);
        c.close();
        break;
      }
      c.close();
    }
    assert.ok(seen.has('-LOADING Redis is loading the dataset in memory\r\n'), [...seen].join(' | '));
    assert.match(infoWhileLoading, /loading:1\r\n/);
    assert.match(infoWhileLoading, /loading_loaded_perc:\d+\.\d\d\r\n/);
  } finally {
    child.kill('SIGKILL');
  }
}

describe('start-up loading', { timeout: 120000 }, () => {
  it('answers -LOADING while a large AOF loads, then serves the data', async () => {
    const dir = temp.make();
    const aofDir = join(dir, 'appendonlydir');
    mkdirSync(aofDir);
    const m = new AofManifest('appendonly.aof');
    const incr = m.newIncr();
    const parts: string[] = [];
    for (let i = 0; i < KEYS; i++) parts.push(encodeCommand(['SET', `key:${i}`, `value-${i}`]));
    writeFileSync(join(aofDir, incr.name), Buffer.from(parts.join(''), 'latin1'));
    m.persist(aofDir);
    await expectLoadingThenData(dir, ['--appendonly', 'yes']);
  });

  it('answers -LOADING while a large RDB loads, then serves the data', async () => {
    const dir = temp.make();
    const ks = new Keyspace(systemClock);
    const db = ks.db(0);
    for (let i = 0; i < KEYS; i++) db.setKey(`key:${i}`, `value-${i}`);
    writeFileSync(join(dir, 'dump.rdb'), serializeRdb(ks, {
      compress: true, checksum: true, nowMs: Date.now(), usedMem: 0, redisVersion: '7.0.15', saveIdle: false,
    }));
    await expectLoadingThenData(dir, []);
  });
});
