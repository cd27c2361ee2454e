// The append-only file across respite and the real Redis 7.0: the commands
// respite appends equal Redis's for the same writes; respite's AOF directory
// passes redis-check-aof and starts redis-server with the same data, and
// Redis's (RDB or RESP base) starts respite; CONFIG SET appendonly at run
// time; MISCONF after a failed save.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { redisSkipReason } from '../helpers/servers.js';
import { startServerProcess, TempDirs, type ServerProcess } from '../helpers/server-process.js';
import { canonical, populate } from '../helpers/dataset.js';
import { AofCommandReader } from '../../src/persistence/aof/command-reader.js';
import { AofManifest } from '../../src/persistence/aof/manifest.js';

const temp = new TempDirs('respite-aof-');
after(() => temp.removeAll());

const AOF_ON = ['--appendonly', 'yes', '--appendfsync', 'always'];

async function waitFor(what: string, check: () => Promise<boolean>, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function rewriteAndWait(p: ServerProcess): Promise<void> {
  assert.match(await p.client.call('BGREWRITEAOF'), /^\+Background append only file rewriting (started|scheduled)/);
  await waitFor('the AOF rewrite', async () => {
    const info = await p.client.call('INFO', 'persistence');
    return info.includes('aof_rewrite_in_progress:0') && info.includes('aof_rewrite_scheduled:0');
  });
}

/** Every command of the INCR files a manifest names, in order. */
function incrCommands(dir: string): string[][] {
  const aofDir = join(dir, 'appendonlydir');
  const m = AofManifest.read(join(aofDir, 'appendonly.aof.manifest'), 'appendonly.aof');
  const out: string[][] = [];
  for (const f of m.incr) {
    const path = join(aofDir, f.name);
    const r = AofCommandReader.open(path, readFileSync(path).length);
    try {
      for (let c = r.next(); c !== null; c = r.next()) out.push(c);
    } finally {
      r.close();
    }
  }
  return out;
}

/** Absolute times differ between two servers by a few ms: unix-ms arguments within a day of now read as T. */
function maskTimes(cmds: string[][]): string {
  const now = Date.now();
  return cmds.map((c) => c.map((a) => (/^\d{13}$/.test(a) && Math.abs(Number(a) - now) < 86_400_000 ? 'T' : a)).join(' ')).join('\n');
}

/** Writes whose propagated form Redis rewrites, plus plain ones, over several databases. */
const PROPAGATION_SCRIPT: string[][] = [
  ['SET', 'plain', 'v'], ['SET', 'ex', 'v', 'EX', '100'], ['SET', 'px', 'v', 'PX', '100000'],
  ['SET', 'exat', 'v', 'EXAT', String(Math.floor(Date.now() / 1000) + 100)], ['SETEX', 'setex', '100', 'v'],
  ['PSETEX', 'psetex', '100000', 'v'], ['SET', 'keep', 'w', 'KEEPTTL'], ['SET', 'plain', 'x', 'GET'],
  ['SETNX', 'plain', 'ignored'], ['GETEX', 'plain', 'EX', '50'], ['GETEX', 'plain', 'PERSIST'], ['GETDEL', 'keep'],
  ['EXPIRE', 'ex', '200'], ['PEXPIRE', 'px', '200000'], ['EXPIREAT', 'setex', String(Math.floor(Date.now() / 1000) + 300)],
  ['EXPIRE', 'psetex', '0'], ['PERSIST', 'ex'], ['EXPIRE', 'missing', '10'],
  ['INCR', 'n'], ['INCRBY', 'n', '5'], ['INCRBYFLOAT', 'f', '1.5'], ['INCRBYFLOAT', 'f', '0.1'], ['DECR', 'n'],
  ['APPEND', 's', 'abc'], ['SETRANGE', 's', '5', 'xy'], ['SETBIT', 'bits', '7', '1'],
  ['HSET', 'h', 'a', '1', 'b', '2'], ['HINCRBYFLOAT', 'h', 'c', '2.5'], ['HINCRBY', 'h', 'a', '3'], ['HDEL', 'h', 'b', 'zz'],
  ['RPUSH', 'l', 'a', 'b', 'c', 'd'], ['LPOP', 'l'], ['RPOP', 'l', '2'], ['BLPOP', 'l', '1'], ['RPUSH', 'l2', 'x', 'y'],
  ['BLMOVE', 'l2', 'l3', 'LEFT', 'RIGHT', '1'], ['BRPOPLPUSH', 'l2', 'l3', '1'], ['LMPOP', '1', 'l3', 'LEFT', 'COUNT', '5'],
  ['SADD', 'one', 'only'], ['SPOP', 'one'], ['SADD', 'st', 'a', 'b'], ['SREM', 'st', 'a', 'q'], ['SMOVE', 'st', 'st2', 'b'],
  ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'], ['ZINCRBY', 'z', '0.5', 'a'], ['ZPOPMIN', 'z'], ['BZPOPMAX', 'z', '1'],
  ['ZMPOP', '1', 'z', 'MIN'], ['ZADD', 'z2', 'GT', 'CH', '5', 'm'],
  ['GEOADD', 'geo', '13.361389', '38.115556', 'Palermo'], ['PFADD', 'hll', 'x', 'y'],
  ['MULTI'], ['SET', 'tx1', '1'], ['INCR', 'tx2'], ['EXEC'], ['MULTI'], ['SET', 'txsingle', '1'], ['EXEC'],
  ['MULTI'], ['GET', 'plain'], ['EXEC'],
  ['SELECT', '3'], ['SET', 'db3', 'x'], ['COPY', 'db3', 'db3copy'], ['MOVE', 'db3copy', '4'], ['RENAME', 'db3', 'db3b'],
  ['SWAPDB', '3', '5'], ['SELECT', '5'], ['DEL', 'db3b', 'nothing'], ['UNLINK', 'nothing'], ['SET', 'five', '5'],
  ['FLUSHDB'], ['SELECT', '0'], ['DEL', 'nothing'], ['SORT', 'l', 'STORE', 'sorted'],
];

describe('AOF', { skip: redisSkipReason(), timeout: 180000 }, () => {
  it('appends the same commands as Redis 7.0 for the same writes', async () => {
    const dirs = [temp.make(), temp.make()];
    const servers = [await startServerProcess('respite', dirs[0]!, AOF_ON), await startServerProcess('redis', dirs[1]!, AOF_ON)];
    try {
      for (const cmd of PROPAGATION_SCRIPT) {
        const replies = await Promise.all(servers.map((s) => s.client.call(...cmd)));
        assert.equal(replies[0], replies[1], cmd.join(' '));
      }
    } finally {
      for (const s of servers) await s.stop();
    }
    const [ours, theirs] = dirs.map((d) => maskTimes(incrCommands(d)));
    assert.equal(ours, theirs);
  });

  it('respite\'s AOF directory passes redis-check-aof and starts Redis 7.0 with the same data', async () => {
    const dir = temp.make();
    let r = await startServerProcess('respite', dir, AOF_ON);
    let expected: string;
    try {
      await populate(r.client);
      await rewriteAndWait(r);
      for (const cmd of PROPAGATION_SCRIPT) await r.client.call(...cmd);
      expected = await canonical(r.client);
    } finally {
      await r.stop(); // SIGKILL: what was acknowledged is on disk
    }
    const check = spawnSync('redis-check-aof', [join(dir, 'appendonlydir', 'appendonly.aof.manifest')], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /All AOF files and manifest are valid/);
    r = await startServerProcess('respite', dir, AOF_ON);
    try {
      assert.equal(await canonical(r.client), expected);
    } finally {
      await r.stop();
    }
    const real = await startServerProcess('redis', dir, AOF_ON);
    try {
      assert.equal(await canonical(real.client), expected);
    } finally {
      await real.stop();
    }
  });

  for (const preamble of ['yes', 'no']) {
    it(`Redis 7.0's AOF directory (aof-use-rdb-preamble ${preamble}) starts respite with the same data`, async () => {
      const dir = temp.make();
      const args = [...AOF_ON, '--aof-use-rdb-preamble', preamble];
      const real = await startServerProcess('redis', dir, args);
      let expected: string;
      try {
        await populate(real.client);
        await rewriteAndWait(real);
        for (const cmd of PROPAGATION_SCRIPT) await real.client.call(...cmd);
        expected = await canonical(real.client);
      } finally {
        await real.stop();
      }
      const r = await startServerProcess('respite', dir, args);
      try {
        assert.equal(await canonical(r.client), expected);
        assert.match(r.output(), /DB loaded from append only file/);
        // respite's own rewrite of that data, in the same format, loads back equal.
        await rewriteAndWait(r);
        const base = readdirSync(join(dir, 'appendonlydir')).find((f) => f.includes('.base.'));
        assert.equal(base?.endsWith(preamble === 'yes' ? '.rdb' : '.aof'), true, base);
      } finally {
        await r.stop();
      }
      const again = await startServerProcess('respite', dir, args);
      try {
        assert.equal(await canonical(again.client), expected);
      } finally {
        await again.stop();
      }
    });
  }

  it('CONFIG SET appendonly yes writes the current data to a new AOF; no stops appending', async () => {
    const dir = temp.make();
    let r = await startServerProcess('respite', dir);
    let expected: string;
    try {
      await populate(r.client);
      assert.equal(await r.client.call('CONFIG', 'SET', 'appendonly', 'yes'), '+OK\r\n');
      await waitFor('AOF on', async () => (await r.client.call('INFO', 'persistence')).includes('aof_rewrite_in_progress:0'));
      await r.client.call('SET', 'after-switch', '1');
      expected = await canonical(r.client);
    } finally {
      await r.stop();
    }
    r = await startServerProcess('respite', dir, ['--appendonly', 'yes']);
    try {
      assert.equal(await canonical(r.client), expected);
      assert.equal(await r.client.call('CONFIG', 'SET', 'appendonly', 'no'), '+OK\r\n');
      await r.client.call('SET', 'not-in-aof', '1');
    } finally {
      await r.stop();
    }
    r = await startServerProcess('respite', dir, ['--appendonly', 'yes']);
    try {
      assert.equal(await r.client.call('EXISTS', 'not-in-aof'), ':0\r\n');
      assert.equal(await r.client.call('EXISTS', 'after-switch'), ':1\r\n');
    } finally {
      await r.stop();
    }
  });

  it('refuses writes with Redis\'s MISCONF error after a failed BGSAVE (side by side)', async () => {
    const replies: string[][] = [];
    for (const kind of ['respite', 'redis'] as const) {
      const dir = temp.make();
      const saveDir = join(dir, 'gone');
      mkdirSync(saveDir);
      const p = await startServerProcess(kind, dir, ['--save', '3600 1', '--enable-protected-configs', 'yes']);
      try {
        await p.client.call('CONFIG', 'SET', 'dir', saveDir);
        rmSync(saveDir, { recursive: true });
        await p.client.call('SET', 'a', '1');
        await p.client.call('BGSAVE');
        await waitFor('the failed BGSAVE', async () => (await p.client.call('INFO', 'persistence')).includes('rdb_last_bgsave_status:err'));
        replies.push([await p.client.call('SET', 'b', '2'), await p.client.call('PING'), await p.client.call('GET', 'a'),
          await p.client.call('CONFIG', 'SET', 'stop-writes-on-bgsave-error', 'no'), await p.client.call('SET', 'b', '2')]);
      } finally {
        await p.stop();
      }
    }
    assert.deepEqual(replies[0], replies[1]);
    assert.match(replies[0]![0]!, /^-MISCONF Redis is configured to save RDB snapshots/);
  });
});
