// RDB files across respite and the real Redis 7.0: respite's dump.rdb passes
// redis-check-rdb and loads into redis-server with the same data; Redis's
// dump.rdb loads into respite; SAVE + restart; corrupt and unsupported files.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RawClient } from '../helpers/raw-client.js';
import { redisSkipReason } from '../helpers/servers.js';
import { ExitError, exited, startServerProcess, TempDirs } from '../helpers/server-process.js';
import { canonical, populate } from '../helpers/dataset.js';

const temp = new TempDirs('respite-rdb-');
const tempDir = (): string => temp.make();
const start = startServerProcess;

after(() => {
  temp.removeAll();
});

describe('RDB files', { skip: redisSkipReason(), timeout: 120000 }, () => {
  it('respite dump.rdb passes redis-check-rdb and loads into redis-server with the same data', async () => {
    const dir = tempDir();
    const r = await start('respite', dir);
    let expected: string;
    try {
      await populate(r.client);
      expected = await canonical(r.client);
      assert.equal(await r.client.call('SAVE'), '+OK\r\n');
      const info = await r.client.call('INFO', 'persistence');
      assert.match(info, /rdb_changes_since_last_save:0\r\n/);
      assert.match(info, /rdb_saves:1\r\n/);
    } finally {
      await r.stop();
    }
    const check = spawnSync('redis-check-rdb', [join(dir, 'dump.rdb')], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /RDB looks OK!/);
    const real = await start('redis', dir);
    try {
      assert.equal(await canonical(real.client), expected);
    } finally {
      await real.stop();
    }
  });

  it('a dump.rdb saved by redis-server loads into respite with the same data', async () => {
    const dir = tempDir();
    const real = await start('redis', dir);
    let expected: string;
    try {
      await populate(real.client);
      expected = await canonical(real.client);
      assert.equal(await real.client.call('SAVE'), '+OK\r\n');
    } finally {
      await real.stop();
    }
    const r = await start('respite', dir);
    try {
      assert.equal(await canonical(r.client), expected);
      assert.match(r.output(), /DB loaded from disk: \d+\.\d{3} seconds/);
      assert.match(await r.client.call('INFO', 'persistence'), /rdb_last_load_keys_loaded:23\r\n/);
    } finally {
      await r.stop();
    }
  });

  it('SAVE, kill, restart: the data is back; BGSAVE and DEBUG RELOAD keep it', async () => {
    const dir = tempDir();
    let r = await start('respite', dir);
    let expected: string;
    try {
      await populate(r.client);
      expected = await canonical(r.client);
      assert.equal(await r.client.call('SAVE'), '+OK\r\n');
    } finally {
      await r.stop(); // SIGKILL: nothing saved on the way out
    }
    r = await start('respite', dir);
    try {
      assert.equal(await canonical(r.client), expected);
      await r.client.call('SET', 'after', 'bgsave');
      const before = Number((await r.client.call('LASTSAVE')).slice(1));
      assert.equal(await r.client.call('BGSAVE'), '+Background saving started\r\n');
      const deadline = Date.now() + 10000;
      while (!(await r.client.call('INFO', 'persistence')).includes('rdb_bgsave_in_progress:0')) {
        assert.ok(Date.now() < deadline, 'BGSAVE did not finish');
        await new Promise((res) => setTimeout(res, 20));
      }
      const info = await r.client.call('INFO', 'persistence');
      assert.match(info, /rdb_last_bgsave_status:ok\r\n/);
      assert.match(info, /rdb_changes_since_last_save:0\r\n/);
      assert.ok(Number((await r.client.call('LASTSAVE')).slice(1)) >= before);
      assert.equal(spawnSync('redis-check-rdb', [join(dir, 'dump.rdb')]).status, 0);
      const withAfter = await canonical(r.client);
      assert.equal(await r.client.call('DEBUG', 'RELOAD'), '+OK\r\n');
      assert.equal(await canonical(r.client), withAfter);
      assert.equal(await r.client.call('DEBUG', 'RELOAD', 'BOGUS'),
        '-ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.\r\n');
    } finally {
      await r.stop();
    }
  });

  it('refuses to start on a corrupt file, naming the file and the offset', async () => {
    const dir = tempDir();
    const r = await start('respite', dir);
    try {
      await populate(r.client);
      assert.equal(await r.client.call('SAVE'), '+OK\r\n');
    } finally {
      await r.stop();
    }
    const file = join(dir, 'dump.rdb');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);
    const err = await start('respite', dir).then(async (p) => {
      await p.stop();
      return null;
    }, (e: unknown) => e);
    assert.ok(err instanceof ExitError, String(err));
    assert.equal(err.code, 1);
    assert.match(err.output, /Fatal error loading the DB: .*file '.*dump\.rdb', offset \d+/);
  });

  it('loads a file saved without checksum, and refuses function libraries clearly', async () => {
    const dir = tempDir();
    const real = await start('redis', dir, ['--rdbchecksum', 'no']);
    try {
      await real.client.call('SET', 'k', 'v');
      assert.equal(await real.client.call('SAVE'), '+OK\r\n');
      copyFileSync(join(dir, 'dump.rdb'), join(dir, 'nocrc.rdb'));
      await real.client.call('FUNCTION', 'LOAD', "#!lua name=lib\nredis.register_function('f', function() return 1 end)");
      assert.equal(await real.client.call('SAVE'), '+OK\r\n');
    } finally {
      await real.stop();
    }
    const err = await start('respite', dir).then(async (p) => {
      await p.stop();
      return null;
    }, (e: unknown) => e);
    assert.ok(err instanceof ExitError, String(err));
    assert.match(err.output, /function libraries/);
    copyFileSync(join(dir, 'nocrc.rdb'), join(dir, 'dump.rdb'));
    const r = await start('respite', dir);
    try {
      assert.equal(await r.client.call('GET', 'k'), '$1\r\nv\r\n');
      assert.match(r.output(), /checksum disabled/);
    } finally {
      await r.stop();
    }
    assert.ok(existsSync(join(dir, 'dump.rdb')));
  });

  it('FLUSHALL with save points saves the empty data set at once, as Redis (side by side)', async () => {
    const sizes: number[] = [];
    for (const kind of ['respite', 'redis'] as const) {
      const dir = tempDir();
      let p = await start(kind, dir, ['--save', '3600 1']);
      try {
        await populate(p.client);
        assert.equal(await p.client.call('SAVE'), '+OK\r\n');
        assert.equal(await p.client.call('FLUSHALL'), '+OK\r\n');
        assert.match(await p.client.call('INFO', 'persistence'), /rdb_changes_since_last_save:0\r\n/);
      } finally {
        await p.stop(); // SIGKILL: only what FLUSHALL saved is on disk
      }
      p = await start(kind, dir, ['--save', '3600 1']);
      try {
        sizes.push(Number((await p.client.call('DBSIZE')).slice(1)));
      } finally {
        await p.stop();
      }
    }
    assert.deepEqual(sizes, [0, 0]);
  });
});
