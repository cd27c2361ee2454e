// RDB files across respite and the real Redis 7.0: respite's dump.rdb passes
// redis-check-rdb and loads into redis-server with the same data; Redis's
// dump.rdb loads into respite; SAVE + restart; corrupt and unsupported files.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawClient } from '../helpers/raw-client.js';
import { freePort, redisSkipReason } from '../helpers/servers.js';

const BIN = join(process.cwd(), 'dist', 'bin', 'respite-server.js');
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'respite-rdb-'));
  dirs.push(d);
  return d;
}

interface Proc {
  port: number;
  child: ChildProcess;
  output: () => string;
  client: RawClient;
  stop(): Promise<void>;
}

/** Starts respite (binary) or redis-server on a free port in `dir`; rejects with the output if it exits. */
async function start(kind: 'respite' | 'redis', dir: string, extra: string[] = []): Promise<Proc> {
  const port = await freePort();
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--dbfilename', 'dump.rdb', '--save', '',
    '--enable-debug-command', 'yes', ...extra,
  ];
  const child = kind === 'respite'
    ? spawn(process.execPath, [BIN, ...args], { env: { ...process.env, RESPITE_HEAP_SIZED: '1' } })
    : spawn('redis-server', [...args, '--appendonly', 'no', '--daemonize', 'no', '--logfile', '']);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new ExitError(child.exitCode, out);
    try {
      const client = await RawClient.connect(port);
      const pong = await client.call('PING');
      if (pong !== '+PONG\r\n') throw new Error(pong);
      return {
        port, child, client, output: () => out,
        stop: () => new Promise<void>((resolve) => {
          client.close();
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
      };
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${kind} did not start: ${out}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

class ExitError extends Error {
  constructor(readonly code: number, readonly output: string) {
    super(`exited with ${code}: ${output}`);
  }
}

/** Waits for a process to exit by itself (bounded). */
function exited(child: ChildProcess, ms = 15000): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('process did not exit')), ms);
    child.once('exit', (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}

const BINARY = Buffer.from([0, 1, 2, 0xff, 0xfe, 13, 10, 0x80, 65]);

/** Every type and encoding, several dbs, expiries. */
async function populate(c: RawClient): Promise<void> {
  const future = Date.now() + 3_600_000;
  const big = (n: number, f: (i: number) => string[]): string[] => Array.from({ length: n }, (_, i) => f(i)).flat();
  const cmds: (string | Buffer)[][] = [
    ['SELECT', '0'],
    ['SET', 'str', 'hello'], ['SET', 'int', '123456'], ['SET', 'neg', '-7'], ['SET', 'bigint', '12345678901234'],
    ['SET', 'long', 'x'.repeat(500)], ['SET', 'bin', BINARY], ['SET', 'incompressible', 'abcdefghijklmnopqrstuvwxyz0123'],
    ['SET', 'ttl', 'v'], ['PEXPIREAT', 'ttl', String(future)],
    ['RPUSH', 'list-small', 'a', 'b', '1', '-2', 'c'.repeat(100)],
    ['RPUSH', 'list-big', ...big(300, (i) => [`item-${i}`])],
    ['HSET', 'hash-small', 'f1', 'v1', 'f2', '2'],
    ['HSET', 'hash-big', ...big(200, (i) => [`f${i}`, `value-${i}`])],
    ['SADD', 'set-int', '1', '2', '3', '-100', '70000'],
    ['SADD', 'set-small', 'a', 'b', 'c'],
    ['SADD', 'set-big', ...big(200, (i) => [`m${i}`])],
    ['ZADD', 'zset-small', '1', 'a', '2.5', 'b', '-3', 'c'],
    ['ZADD', 'zset-big', ...big(200, (i) => [String(i / 3), `z${i}`])],
    ['GEOADD', 'geo', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
    ['PFADD', 'hll', 'a', 'b', 'c', 'd'],
    ['HSET', 'hash-ttl', 'a', 'b'], ['PEXPIREAT', 'hash-ttl', String(future + 1234)],
    ['SELECT', '2'], ['SET', 'db2key', 'two'], ['RPUSH', 'db2list', 'x'],
    ['SELECT', '15'], ['SET', 'db15', 'fifteen'], ['PEXPIREAT', 'db15', String(future + 99)],
  ];
  for (const cmd of cmds) {
    const r = await c.call(...cmd);
    assert.ok(!r.startsWith('-'), `${String(cmd[0])}: ${r}`);
  }
  await c.call('SELECT', '0');
}

/** Bulk strings of a flat RESP2 array of simple values (test data has no CRLF there). */
function items(raw: string): string[] {
  return raw.split('\r\n').filter((l, i, all) => l !== '' && !l.startsWith('*') && !(l.startsWith('$') && i + 1 < all.length));
}

/** A canonical text of every db's content: per key its type, value reads in a stable order, and PEXPIRETIME. */
async function canonical(c: RawClient): Promise<string> {
  const out: string[] = [];
  for (let db = 0; db < 16; db++) {
    await c.call('SELECT', String(db));
    const keys = items(await c.call('KEYS', '*')).sort();
    for (const k of keys) {
      const type = (await c.call('TYPE', k)).trim();
      let value: string;
      if (type === '+string') value = await c.call('GET', k);
      else if (type === '+list') value = await c.call('LRANGE', k, '0', '-1');
      else if (type === '+set') value = await c.call('SORT', k, 'ALPHA');
      else if (type === '+zset') value = await c.call('ZRANGE', k, '0', '-1', 'WITHSCORES');
      else if (type === '+hash') {
        const fields = items(await c.call('HKEYS', k)).sort();
        value = fields.join(',') + (await c.call('HMGET', k, ...fields));
      } else value = '?';
      out.push(`${db} ${k} ${type} ${await c.call('PEXPIRETIME', k)} ${value}`);
    }
  }
  await c.call('SELECT', '0');
  return out.join('\n');
}

after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
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
});
