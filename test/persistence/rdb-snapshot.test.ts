// Snapshots without a pause (src/persistence/rdb-snapshot.ts): a snapshot
// taken while randomised writes, deletes, renames, TTL changes, expiry,
// FLUSHDB/FLUSHALL and SWAPDB run between its slices holds exactly the records
// serializeRdb produced at its start (compared record by record, order free);
// the same view written as RESP commands (an AOF base); abort, one job at a
// time, BGSAVE's INFO fields; the file passes
// redis-check-rdb and loads into a real redis-server.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, systemClock, type Clock } from '../../src/keyspace/clock.js';
import { Keyspace } from '../../src/keyspace/keyspace.js';
import { loadObject } from '../../src/persistence/rdb/codecs.js';
import { loadRdb, RdbOpcode, serializeRdb, type RdbSaveOptions } from '../../src/persistence/rdb/file.js';
import { RdbReader } from '../../src/persistence/rdb/reader.js';
import { AofCommandReader } from '../../src/persistence/aof/command-reader.js';
import { rewriteAsCommands } from '../../src/persistence/aof/rewrite-commands.js';
import {
  activeRdbSnapshot, RdbSnapshotAborted, rdbSaveOptions, startRdbSnapshot, type RdbSnapshotJob, type RdbSnapshotResult,
} from '../../src/persistence/rdb-snapshot.js';
import { ValueSink, type ReplyValue } from '../../src/protocol/value-sink.js';
import { Client } from '../../src/server/client.js';
import { execute } from '../../src/server/dispatcher.js';
import { Server } from '../../src/server/server.js';
import { RawClient } from '../helpers/raw-client.js';
import { SeededRandom, testSeed } from '../helpers/seeded-random.js';
import { freePort, redisSkipReason } from '../helpers/servers.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'respite-snap-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Harness {
  server: Server;
  run(...argv: string[]): ReplyValue;
}

function harness(clock: Clock = new ManualClock(1_700_000_000_000), config: [string, string][] = []): Harness {
  const server = new Server({ clock, config });
  const sink = new ValueSink();
  const client = new Client(server, sink, '?:0', '?:0', null);
  client.authenticated = true;
  return {
    server,
    run(...argv: string[]): ReplyValue {
      execute(client, argv);
      const replies = sink.takeAll();
      return replies[replies.length - 1]!;
    },
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The key records of an RDB file per database, as byte strings (EXPIRETIME /
 * IDLE prefixes included), sorted; plus everything else (preamble, RESIZEDB) in order.
 */
function records(buf: Buffer): { frame: string[]; dbs: Map<number, string[]> } {
  const r = new RdbReader(buf, 9);
  const frame: string[] = [buf.toString('latin1', 0, 9)];
  const dbs = new Map<number, string[]>();
  let db = 0;
  let start = -1;
  for (;;) {
    const at = r.pos;
    const type = r.readByte();
    if (start === -1) start = at;
    if (type === RdbOpcode.EXPIRETIME_MS) { r.pos += 8; continue; }
    if (type === RdbOpcode.IDLE) { r.readLen(); continue; }
    if (type === RdbOpcode.EOF) { frame.push('EOF'); break; }
    if (type === RdbOpcode.SELECTDB) {
      db = r.readLen();
      frame.push(`SELECTDB ${db}`);
      dbs.set(db, []);
      start = -1;
      continue;
    }
    if (type === RdbOpcode.RESIZEDB) { frame.push(`RESIZEDB ${r.readLen()} ${r.readLen()}`); start = -1; continue; }
    if (type === RdbOpcode.AUX) {
      const k = r.readString();
      frame.push(`AUX ${k}=${r.readString()}`);
      start = -1;
      continue;
    }
    r.readString();
    loadObject(type, r);
    dbs.get(db)!.push(buf.toString('latin1', start, r.pos));
    start = -1;
  }
  assert.equal(r.pos + 8, buf.length, 'trailer');
  for (const list of dbs.values()) list.sort();
  return { frame, dbs };
}

function assertSameRecords(actual: Buffer, expected: Buffer): void {
  assert.equal(actual.length, expected.length, 'file size');
  const a = records(actual);
  const e = records(expected);
  assert.deepEqual(a.frame, e.frame);
  assert.deepEqual([...a.dbs.keys()], [...e.dbs.keys()]);
  for (const [db, list] of e.dbs) {
    const got = a.dbs.get(db)!;
    assert.equal(got.length, list.length, `db ${db} key count`);
    for (let i = 0; i < list.length; i++) assert.equal(got[i], list[i], `db ${db} record ${i}`);
  }
}

/** Loads a file into a fresh keyspace (checksum verified, nothing skipped as expired). */
function loadFile(buf: Buffer, dbs = 16): Keyspace {
  const ks = new Keyspace(new ManualClock(0), dbs);
  loadRdb(buf, ks, { file: 'test', nowMs: 0, verifyChecksum: true });
  return ks;
}

const TYPES = ['string', 'int', 'long', 'list', 'hash', 'set', 'intset', 'zset'] as const;

/** Fills dbs 0..2 with `n` keys each of mixed types, some with TTLs. */
function populate(h: Harness, rnd: SeededRandom, n: number): void {
  for (const db of [0, 1, 2]) {
    h.run('SELECT', String(db));
    for (let i = 0; i < n; i++) writeRandom(h, rnd, `k${i}`);
  }
  h.run('SELECT', '0');
}

function writeRandom(h: Harness, rnd: SeededRandom, key: string): void {
  const t = rnd.pick(TYPES);
  const v = (): string => `v${rnd.int(0, 1000)}`;
  if (t === 'string') h.run('SET', key, v());
  else if (t === 'int') h.run('SET', key, String(rnd.int(-100000, 100000)));
  else if (t === 'long') h.run('SET', key, 'abc'.repeat(rnd.int(8, 40)) + v());
  else if (t === 'list') h.run('RPUSH', key, v(), v(), v());
  else if (t === 'hash') h.run('HSET', key, 'f1', v(), 'f2', v());
  else if (t === 'set') h.run('SADD', key, v(), v(), 'x');
  else if (t === 'intset') h.run('SADD', key, String(rnd.int(0, 9)), String(rnd.int(10, 99)));
  else h.run('ZADD', key, String(rnd.int(0, 50)), v(), '1.5', 'm');
  if (rnd.chance(0.3)) h.run('PEXPIRE', key, String(rnd.int(1, 200_000)));
}

/** One random change, of the kinds a snapshot must survive. */
function mutate(h: Harness, rnd: SeededRandom, n: number, clock: ManualClock): void {
  const key = `k${rnd.int(0, n + 20)}`;
  const other = `k${rnd.int(0, n + 20)}`;
  const db = String(rnd.int(0, 3));
  const r = rnd.int(0, 99);
  if (r < 3) h.run('SELECT', db);
  else if (r < 18) writeRandom(h, rnd, key);
  else if (r < 26) h.run('DEL', key);
  else if (r < 30) h.run('APPEND', key, 'zz');
  else if (r < 33) h.run('INCR', key);
  else if (r < 37) h.run('LPUSH', key, 'p');
  else if (r < 40) h.run('RPOP', key);
  else if (r < 43) h.run('HSET', key, 'f3', 'x');
  else if (r < 46) h.run('SREM', key, 'x');
  else if (r < 49) h.run('ZINCRBY', key, '2', 'm');
  else if (r < 53) h.run('EXPIRE', key, String(rnd.int(1, 300)));
  else if (r < 56) h.run('PERSIST', key);
  else if (r < 58) h.run('PEXPIREAT', key, '1');
  else if (r < 61) h.run('RENAME', key, other);
  else if (r < 63) h.run('COPY', key, other, 'DB', db, 'REPLACE');
  else if (r < 65) h.run('MOVE', key, db);
  else if (r < 67) h.run('SETRANGE', key, '2', 'QQ');
  else if (r < 69) h.run('GETDEL', key);
  else if (r < 71) h.run('GETEX', key, 'PX', '5000');
  else if (r < 73) h.run('SUNIONSTORE', key, other, key);
  else if (r < 75) h.run('SORT', other, 'ALPHA', 'STORE', key);
  else if (r < 78) { clock.advance(rnd.int(100, 20_000)); h.run('GET', key); }
  else if (r < 80) { clock.advance(rnd.int(100, 20_000)); h.server.keyspace.activeExpireCycle(5); }
  else if (r < 82) h.run('SWAPDB', db, String(rnd.int(0, 3)));
  else if (r < 83) h.run('FLUSHDB');
  else if (r < 84 && rnd.chance(0.3)) h.run('FLUSHALL');
  else if (r < 86) {
    const payload = h.run('DUMP', other);
    if (Buffer.isBuffer(payload)) h.run('RESTORE', key, '0', payload.toString('latin1'), 'REPLACE');
  }
  else if (r < 90) h.run('GET', key);
  else h.run('SET', `new${rnd.int(0, 1_000_000)}`, 'fresh');
}

/** RESP commands grouped per database and key, in file order within a key: `db key` → commands. */
function commandsPerKey(buf: Buffer): Map<string, string[]> {
  const dir = tempDir();
  const path = join(dir, 'cmds.aof');
  writeFileSync(path, buf);
  const r = AofCommandReader.open(path, buf.length);
  const out = new Map<string, string[]>();
  let db = '0';
  try {
    for (let c = r.next(); c !== null; c = r.next()) {
      if (c[0] === 'SELECT') {
        db = c[1]!;
        continue;
      }
      const id = `${db} ${c[1]}`;
      const list = out.get(id) ?? [];
      list.push(c.join(' '));
      out.set(id, list);
    }
  } finally {
    r.close();
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Random changes in bursts between the snapshot's slices until it is done; its result. */
async function mutateUntilDone(job: RdbSnapshotJob, h: Harness, rnd: SeededRandom, n: number, clock: ManualClock,
  lruTicks: boolean): Promise<RdbSnapshotResult> {
  let finished = false;
  job.done.then(() => { finished = true; }, () => { finished = true; });
  let ops = 0;
  for (let guard = 0; !finished && guard < 100_000; guard++) {
    const burst = rnd.int(0, 12);
    for (let i = 0; i < burst; i++, ops++) mutate(h, rnd, n, clock);
    if (lruTicks && rnd.chance(0.2)) h.server.keyspace.updateLruClock();
    await turn();
  }
  const result = await job.done;
  assert.ok(ops > 100, `only ${ops} changes happened during the snapshot`);
  return result;
}

const fixedOptions = (h: Harness): RdbSaveOptions => ({ ...rdbSaveOptions(h.server), usedMem: 123456 });

describe('RDB snapshot without a pause', () => {
  const seed = testSeed();

  for (const [label, config] of [
    ['plain', [] as [string, string][]],
    ['uncompressed, no checksum, IDLE saved', [['rdbcompression', 'no'], ['rdbchecksum', 'no'], ['maxmemory-policy', 'allkeys-lru']] as [string, string][]],
  ] as const) {
    it(`holds the keyspace as of its start under randomised writes (${label}, seed ${seed})`, async () => {
      for (let round = 0; round < 4; round++) {
        const rnd = new SeededRandom(seed + round);
        const clock = new ManualClock(1_700_000_000_000);
        const h = harness(clock, config);
        const n = 1500;
        populate(h, rnd, n);
        // Free slots exist at the start (deleted keys): new keys must not land in them and be written.
        for (let i = 0; i < 600; i++) {
          h.run('SELECT', String(rnd.int(0, 2)));
          if (rnd.chance(0.5)) h.run('DEL', `k${rnd.int(0, n)}`);
          else writeRandom(h, rnd, `k${rnd.int(0, n + 20)}`);
        }
        h.run('SELECT', '0');
        // Make some keys already expired at the start: the file keeps them, as serializeRdb does.
        clock.advance(20_000);
        h.server.keyspace.updateLruClock();
        const o = fixedOptions(h);
        const expected = serializeRdb(h.server.keyspace, o);
        const path = join(tempDir(), 'snap.rdb');
        const job = startRdbSnapshot(h.server, path, { sliceMs: 0, rdb: o });
        const result = await mutateUntilDone(job, h, rnd, n, clock, true);
        const actual = readFileSync(path);
        assertSameRecords(actual, expected);
        assert.equal(result.bytes, actual.length);
        assert.equal(activeRdbSnapshot(h.server), null);
        for (const db of h.server.keyspace.dbs) {
          assert.equal(db.snapshotGuard, null);
          assert.equal(db.dict.pinned, 0);
        }
        // The loader accepts it (checksum verified when present).
        loadFile(actual);
      }
    });
  }

  it(`writes the same view as RESP commands (AOF base, aof-use-rdb-preamble no) under randomised writes (seed ${seed})`, async () => {
    for (let round = 0; round < 3; round++) {
      const rnd = new SeededRandom(seed + 100 + round);
      const clock = new ManualClock(1_700_000_000_000);
      const h = harness(clock);
      const n = 1500;
      populate(h, rnd, n);
      clock.advance(20_000);
      const expected = commandsPerKey(rewriteAsCommands(h.server.keyspace, clock.now()));
      const path = join(tempDir(), 'base.aof');
      const job = startRdbSnapshot(h.server, path, { sliceMs: 0, format: 'resp' });
      await mutateUntilDone(job, h, rnd, n, clock, false);
      assert.deepEqual(commandsPerKey(readFileSync(path)), expected);
    }
  });

  it('a snapshot of an empty keyspace and of one whose every key goes at once', async () => {
    const h = harness();
    const o = fixedOptions(h);
    const path = join(tempDir(), 'empty.rdb');
    const expected = serializeRdb(h.server.keyspace, o);
    await startRdbSnapshot(h.server, path, { rdb: o }).done;
    assert.deepEqual(readFileSync(path), expected);

    for (let i = 0; i < 5000; i++) h.run('SET', `a${i}`, String(i));
    h.run('SELECT', '3');
    h.run('SET', 'x', 'y');
    const before = serializeRdb(h.server.keyspace, o);
    const job = startRdbSnapshot(h.server, path, { sliceMs: 0, rdb: o });
    h.run('FLUSHALL');
    for (let i = 0; i < 100; i++) h.run('SET', `a${i}`, 'after');
    h.run('SWAPDB', '0', '3');
    await job.done;
    assertSameRecords(readFileSync(path), before);
  });

  it('deletes that empty a table during the walk do not reset it (pinned)', async () => {
    const h = harness();
    for (let i = 0; i < 3000; i++) h.run('SET', `a${i}`, String(i));
    const o = fixedOptions(h);
    const before = serializeRdb(h.server.keyspace, o);
    const path = join(tempDir(), 'drain.rdb');
    const job = startRdbSnapshot(h.server, path, { sliceMs: 0, rdb: o });
    await turn();
    for (let i = 0; i < 3000; i++) h.run('DEL', `a${i}`);
    for (let i = 0; i < 3000; i++) h.run('SET', `b${i}`, 'new');
    await job.done;
    assertSameRecords(readFileSync(path), before);
    // Once released, freed slots are reused again.
    assert.equal(h.server.keyspace.dbs[0]!.dict.pinned, 0);
  });

  it('abort releases the guards, removes the file and rejects; one job at a time', async () => {
    const h = harness();
    for (let i = 0; i < 20_000; i++) h.run('SET', `a${i}`, String(i));
    const path = join(tempDir(), 'abort.rdb');
    const job = startRdbSnapshot(h.server, path, { sliceMs: 0 });
    assert.throws(() => startRdbSnapshot(h.server, path + '2'), /already in progress/);
    assert.equal(h.server.snapshots.childActive(), true);
    await turn();
    await turn();
    job.abort();
    assert.equal(h.server.keyspace.dbs[0]!.snapshotGuard, null);
    assert.equal(h.server.keyspace.dbs[0]!.dict.pinned, 0);
    assert.equal(h.server.snapshots.childActive(), false);
    await assert.rejects(job.done, RdbSnapshotAborted);
    assert.equal(existsSync(path), false);
    // An unwritable path fails the job without leaving guards behind.
    const bad = startRdbSnapshot(h.server, join(tempDir(), 'no', 'such', 'dir.rdb'));
    await assert.rejects(bad.done, /ENOENT/);
    assert.equal(h.server.keyspace.dbs[0]!.snapshotGuard, null);
  });

  it('BGSAVE streams in the background: INFO fields, dirty counter, second BGSAVE refused', async () => {
    const dir = tempDir();
    const h = harness(systemClock, [['dir', dir]]);
    for (let i = 0; i < 50_000; i++) h.run('SET', `a${i}`, String(i));
    const o = fixedOptions(h);
    const expected = serializeRdb(h.server.keyspace, o);
    assert.equal(h.run('BGSAVE'), 'Background saving started');
    const info = (): string => String(h.run('INFO', 'persistence'));
    assert.match(info(), /rdb_bgsave_in_progress:1\r\n/);
    assert.match(info(), /rdb_current_bgsave_time_sec:0\r\n/);
    const again = h.run('BGSAVE');
    assert.ok(again instanceof Error && /Background save already in progress/.test(again.message), String(again));
    // Writes during the BGSAVE: old keys changed, new keys, deletes.
    h.run('SET', 'a1', 'changed');
    h.run('DEL', 'a2');
    h.run('SET', 'new', 'key');
    const deadline = Date.now() + 30_000;
    while (/rdb_bgsave_in_progress:1/.test(info())) {
      assert.ok(Date.now() < deadline, 'BGSAVE did not finish');
      await new Promise((r) => setTimeout(r, 5));
    }
    const text = info();
    assert.match(text, /rdb_last_bgsave_status:ok\r\n/);
    assert.match(text, /rdb_changes_since_last_save:3\r\n/);
    assert.match(text, /rdb_current_bgsave_time_sec:-1\r\n/);
    assert.match(text, /rdb_last_cow_size:[1-9]\d*\r\n/);
    const file = readFileSync(join(dir, 'dump.rdb'));
    // used-mem and ctime differ (taken when BGSAVE ran): compare the key records only.
    const a = records(file);
    const e = records(expected);
    assert.deepEqual(a.dbs, e.dbs);
    assert.equal(existsSync(join(dir, `temp-${process.pid}-bg.rdb`)), false);
  });
});

describe('RDB snapshot interchange with redis-server', () => {
  const skip = redisSkipReason();

  it('passes redis-check-rdb and loads into redis-server with the data as of the start', { skip }, async () => {
    const rnd = new SeededRandom(7);
    const clock = systemClock;
    const h = harness(clock);
    populate(h, rnd, 400);
    const dir = tempDir();
    const path = join(dir, 'dump.rdb');
    // Expected contents via the commands, before any change.
    const expectedKeys = [0, 1, 2].map((db) => { h.run('SELECT', String(db)); return Number(h.run('DBSIZE')); });
    h.run('SELECT', '0');
    const samples = ['k1', 'k2', 'k3', 'k10', 'k200'].map((k) => [k, h.run('TYPE', k)]);
    const job = startRdbSnapshot(h.server, path, { sliceMs: 0 });
    for (let i = 0; i < 400; i++) { h.run('DEL', `k${i}`); if (i % 20 === 0) await turn(); }
    h.run('FLUSHALL');
    await job.done;
    const check = spawnSync('redis-check-rdb', [path], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const port = await freePort();
    const child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--dbfilename', 'dump.rdb', '--save', '',
      '--appendonly', 'no', '--daemonize', 'no', '--logfile', '',
    ]);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    try {
      let client: RawClient | null = null;
      const deadline = Date.now() + 15000;
      while (client === null) {
        try {
          client = await RawClient.connect(port);
          if ((await client.call('PING')) !== '+PONG\r\n') { client.close(); client = null; }
        } catch {
          assert.ok(Date.now() < deadline, `redis-server did not start: ${out}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      for (const db of [0, 1, 2]) {
        await client.call('SELECT', String(db));
        assert.equal(await client.call('DBSIZE'), `:${expectedKeys[db]}\r\n`, `db ${db}`);
      }
      await client.call('SELECT', '0');
      for (const [k, type] of samples) assert.equal(await client.call('TYPE', k as string), `+${type}\r\n`);
      client.close();
    } finally {
      child.kill('SIGKILL');
    }
  });
});
