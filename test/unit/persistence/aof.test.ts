// The AOF pieces in process: the manifest (Redis's format and errors), the
// command reader, replay through loadAppendOnlyFiles with a torn tail cut
// at every byte of the last command, MULTI/EXEC reverted when cut, and
// corruption reported with file and offset.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AofManifest, ManifestError } from '../../../src/persistence/aof/manifest.js';
import { AofCommandReader, AofFormatError, AofTruncatedError } from '../../../src/persistence/aof/command-reader.js';
import { AofLoadError, loadAppendOnlyFiles } from '../../../src/persistence/aof/loader.js';
import { encodeCommand } from '../../../src/persistence/aof/rewrite-commands.js';
import { Server } from '../../../src/server/server.js';
import { serializeRdb } from '../../../src/persistence/rdb/file.js';
import { Logger } from '../../../src/server/logger.js';
import { TempDirs } from '../../helpers/server-process.js';

const temp = new TempDirs('respite-aof-unit-');
after(() => temp.removeAll());

function quietServer(extra: [string, string][] = []): Server {
  return new Server({ config: extra, logger: new Logger('warning', null, true) });
}

describe('AOF manifest', () => {
  it('parses and formats Redis 7 manifests', () => {
    const text = 'file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.1.incr.aof seq 1 type h\n' +
      'file appendonly.aof.3.incr.aof seq 3 type i\nfile appendonly.aof.4.incr.aof seq 4 type i\n';
    const m = AofManifest.parse(text, 'appendonly.aof');
    assert.equal(m.base?.name, 'appendonly.aof.2.base.rdb');
    assert.deepEqual(m.incr.map((f) => f.seq), [3, 4]);
    assert.equal(m.history.length, 1);
    assert.equal(m.format(), text);
    assert.deepEqual(m.loadOrder.map((f) => f.name), ['appendonly.aof.2.base.rdb', 'appendonly.aof.3.incr.aof', 'appendonly.aof.4.incr.aof']);
  });

  it('accepts comments, extra key pairs and quoted names', () => {
    const m = AofManifest.parse('# comment\nfile "a b.aof" seq 1 type i future x\n', 'a');
    assert.equal(m.incr[0]!.name, 'a b.aof');
    assert.equal(m.format(), 'file "a b.aof" seq 1 type i\n');
  });

  it('rejects what Redis rejects, with its messages', () => {
    const cases: [string, string][] = [
      ['', 'Found an empty AOF manifest'],
      ['file a seq 1\n', 'Invalid AOF manifest file format'],
      ['file a seq 1 type\n', 'Invalid AOF manifest file format'],
      ['\n', 'Invalid AOF manifest file format'],
      ['file a seq 0 type i\n', 'Invalid AOF manifest file format'],
      ['file a seq 1 type b\nfile b seq 2 type b\n', 'Found duplicate base file information'],
      ['file a seq 2 type i\nfile b seq 2 type i\n', 'Found a non-monotonic sequence number'],
      ['file a seq 1 type x\n', 'Unknown AOF file type'],
      ['file dir/a seq 1 type i\n', "File can't be a path, just a filename"],
      [`file ${'a'.repeat(1100)} seq 1 type i\n`, 'The AOF manifest file contains too long line'],
    ];
    for (const [text, reason] of cases) {
      assert.throws(() => AofManifest.parse(text, 'x'), (e: unknown) => e instanceof ManifestError && e.message === reason, JSON.stringify(text.slice(0, 40)));
    }
  });

  it('rotates base and incr files as a rewrite does', () => {
    const m = new AofManifest('appendonly.aof');
    m.newBase(true);
    m.newIncr();
    const next = m.clone();
    next.newIncr();
    next.newBase(true);
    next.markIncrAsHistory(true);
    // Redis adds each history file at the head of the list: the rewritten incr files come first.
    assert.equal(next.format(), 'file appendonly.aof.2.base.rdb seq 2 type b\n' +
      'file appendonly.aof.1.incr.aof seq 1 type h\nfile appendonly.aof.1.base.rdb seq 1 type h\n' +
      'file appendonly.aof.2.incr.aof seq 2 type i\n');
    // The original is untouched until the caller swaps it in.
    assert.equal(m.incr.length, 1);
  });

  it('persists atomically (no temp file left behind)', () => {
    const dir = temp.make();
    const m = new AofManifest('appendonly.aof');
    m.newBase(false);
    m.newIncr();
    m.persist(dir);
    assert.equal(readFileSync(join(dir, 'appendonly.aof.manifest'), 'latin1'), m.format());
    assert.throws(() => statSync(join(dir, 'temp-appendonly.aof.manifest')));
  });
});

describe('AOF command reader', () => {
  function readAll(bytes: Buffer): (string[] | Error)[] {
    const dir = temp.make();
    const path = join(dir, 'f.aof');
    writeFileSync(path, bytes);
    const r = AofCommandReader.open(path, bytes.length);
    const out: (string[] | Error)[] = [];
    try {
      for (;;) {
        const c = r.next();
        if (c === null) break;
        out.push(c);
      }
    } catch (err) {
      out.push(err as Error);
    } finally {
      r.close();
    }
    return out;
  }

  it('reads commands, binary arguments and annotations', () => {
    const bin = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    const data = Buffer.from('#TS:1700000000\r\n' + encodeCommand(['SET', 'k', bin]) + encodeCommand(['DEL', '']), 'latin1');
    assert.deepEqual(readAll(data), [['SET', 'k', bin], ['DEL', '']]);
  });

  it('reports a torn tail at every cut point, and format errors with their offset', () => {
    const full = encodeCommand(['SET', 'a', 'b']) + encodeCommand(['SET', 'key', 'value']);
    const first = encodeCommand(['SET', 'a', 'b']).length;
    for (let cut = first + 1; cut < full.length; cut++) {
      const got = readAll(Buffer.from(full.slice(0, cut), 'latin1'));
      assert.equal(got.length, 2, `cut ${cut}`);
      assert.ok(got[1] instanceof AofTruncatedError && got[1].offset === first, `cut ${cut}: ${String(got[1])}`);
    }
    const bad = readAll(Buffer.from(encodeCommand(['SET', 'a', 'b']) + 'GARBAGE\r\n', 'latin1'));
    assert.ok(bad[1] instanceof AofFormatError && bad[1].offset === first, String(bad[1]));
    const badArg = readAll(Buffer.from('*2\r\n$3\r\nDEL\r\nx1\r\n', 'latin1'));
    assert.ok(badArg[0] instanceof AofFormatError && badArg[0].offset === 13, String(badArg[0]));
    // A huge declared length is a torn tail, never an allocation.
    const huge = readAll(Buffer.from('*2\r\n$3\r\nDEL\r\n$999999999999\r\nab', 'latin1'));
    assert.ok(huge[0] instanceof AofTruncatedError);
  });
});

describe('AOF replay (loadAppendOnlyFiles)', () => {
  /** A directory with a manifest naming one incr file holding `text`. */
  function aofDir(text: string): { dir: string; manifest: AofManifest; file: string } {
    const dir = temp.make();
    const manifest = new AofManifest('appendonly.aof');
    const incr = manifest.newIncr();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, incr.name), Buffer.from(text, 'latin1'));
    manifest.persist(dir);
    return { dir, manifest, file: join(dir, incr.name) };
  }

  const body = [
    ['SELECT', '0'], ['SET', 'a', '1'], ['RPUSH', 'l', 'x', 'y'], ['SELECT', '2'], ['SET', 'b', '2'],
    ['PEXPIREAT', 'b', String(Date.now() + 100_000)],
  ].map(encodeCommand).join('');
  const last = encodeCommand(['SET', 'last', 'v'.repeat(20)]);

  it('replays commands in order into the right databases', async () => {
    const { dir, manifest } = aofDir(body + last);
    const server = quietServer();
    const r = await loadAppendOnlyFiles(server, manifest, dir);
    assert.equal(r.status, 'ok');
    assert.equal(server.keyspace.db(0).lookupRead('a'), '1');
    assert.equal(server.keyspace.db(2).lookupRead('last'), 'v'.repeat(20));
    assert.ok(server.keyspace.db(2).getExpire('b') > Date.now());
    assert.equal(server.keyspace.dirty, 0);
  });

  it('cuts a torn last command at every byte offset (aof-load-truncated yes)', async () => {
    for (let cut = 1; cut < last.length; cut++) {
      const { dir, manifest, file } = aofDir(body + last.slice(0, cut));
      const server = quietServer();
      const r = await loadAppendOnlyFiles(server, manifest, dir);
      assert.equal(r.status, 'truncated', `cut ${cut}`);
      assert.equal(statSync(file).size, body.length, `cut ${cut}: file truncated to the last whole command`);
      assert.equal(server.keyspace.db(2).lookupRead('b'), '2');
      assert.equal(server.keyspace.db(2).lookupRead('last'), undefined);
    }
  });

  it('refuses a torn tail with aof-load-truncated no', async () => {
    const { dir, manifest } = aofDir(body + last.slice(0, 5));
    await assert.rejects(loadAppendOnlyFiles(quietServer([['aof-load-truncated', 'no']]), manifest, dir),
      (e: unknown) => e instanceof AofLoadError && /Unexpected end of file .* at offset \d+/.test(e.message));
  });

  it('reverts a MULTI/EXEC block cut before its EXEC', async () => {
    const tx = [['MULTI'], ['SET', 'in-tx', '1'], ['SET', 'in-tx-2', '2']].map(encodeCommand).join('');
    const { dir, manifest, file } = aofDir(body + tx);
    const server = quietServer();
    const r = await loadAppendOnlyFiles(server, manifest, dir);
    assert.equal(r.status, 'truncated');
    assert.equal(statSync(file).size, body.length);
    assert.equal(server.keyspace.db(2).lookupRead('in-tx'), undefined);
    const whole = aofDir(body + tx + encodeCommand(['EXEC']));
    const s2 = quietServer();
    await loadAppendOnlyFiles(s2, whole.manifest, whole.dir);
    assert.equal(s2.keyspace.db(2).lookupRead('in-tx-2'), '2');
  });

  it('names file and offset for corruption in the middle, and unknown commands', async () => {
    const { dir, manifest } = aofDir(body + 'XYZ\r\n' + last);
    await assert.rejects(loadAppendOnlyFiles(quietServer(), manifest, dir),
      (e: unknown) => e instanceof AofLoadError && e.message.includes('appendonly.aof.1.incr.aof') && e.message.includes(`offset ${body.length}`));
    const unknown = aofDir(body + encodeCommand(['NOSUCHCMD', 'x']));
    await assert.rejects(loadAppendOnlyFiles(quietServer(), unknown.manifest, unknown.dir),
      (e: unknown) => e instanceof AofLoadError && e.message.includes("Unknown command 'NOSUCHCMD'"));
  });

  it('fails when a file the manifest names is missing, and a torn file that is not the last', async () => {
    const { dir, manifest } = aofDir(body);
    manifest.newIncr();
    await assert.rejects(loadAppendOnlyFiles(quietServer(), manifest, dir), AofLoadError);
    const torn = aofDir(body + last.slice(0, 3));
    const second = torn.manifest.newIncr();
    writeFileSync(join(torn.dir, second.name), last);
    await assert.rejects(loadAppendOnlyFiles(quietServer(), torn.manifest, torn.dir),
      (e: unknown) => e instanceof AofLoadError && /not the last file/.test(e.message));
  });

  it('keeps keys whose time passed while loading, as later commands may touch them', async () => {
    const past = String(Date.now() - 1000);
    const { dir, manifest } = aofDir([['SET', 'k', 'v'], ['PEXPIREAT', 'k', past], ['PERSIST', 'k']].map(encodeCommand).join(''));
    const server = quietServer();
    await loadAppendOnlyFiles(server, manifest, dir);
    // As Redis: nothing expires while loading, so the PERSIST finds the key.
    assert.equal(server.keyspace.db(0).lookupRead('k'), 'v');
    assert.equal(server.keyspace.db(0).getExpire('k'), -1);
  });
});

describe('AOF group commit', () => {
  it('holds replies until the turn\'s writes are in the file, written once for all', async () => {
    const dir = temp.make();
    const server = quietServer([['appendonly', 'yes'], ['dir', dir], ['appendfsync', 'always']]);
    server.aof.openOnStart(0, 0);
    const file = join(dir, 'appendonlydir', 'appendonly.aof.1.incr.aof');
    try {
      server.aof.propagate(0, ['SET', 'a', '1']);
      server.aof.propagate(0, ['SET', 'b', '2']);
      const sizes: number[] = [];
      const holder = (): { releaseHeldReplies(): void } => ({ releaseHeldReplies: () => sizes.push(statSync(file).size) });
      assert.equal(server.aof.holdReplies(holder()), true);
      assert.equal(server.aof.holdReplies(holder()), true);
      assert.equal(statSync(file).size, 0, 'nothing is written before the end of the turn');
      await new Promise((r) => setImmediate(r));
      const expected = encodeCommand(['SELECT', '0']) + encodeCommand(['SET', 'a', '1']) + encodeCommand(['SET', 'b', '2']);
      assert.deepEqual(sizes, [expected.length, expected.length], 'both replies released after the one write');
      assert.equal(readFileSync(file, 'latin1'), expected);
      assert.equal(server.aof.holdReplies(holder()), false, 'nothing pending: replies go at once');
    } finally {
      server.aof.stop();
    }
  });
});

describe('old-style AOF (Redis before 7)', () => {
  it('moves appendonly.aof into the AOF directory and loads its RDB preamble and command tail', async () => {
    const dir = temp.make();
    const source = quietServer();
    source.keyspace.db(0).setKey('from-rdb', 'r');
    const rdb = serializeRdb(source.keyspace, {
      compress: true, checksum: true, nowMs: Date.now(), usedMem: 0, redisVersion: '7.0.15', saveIdle: false,
    });
    const tail = encodeCommand(['SELECT', '1']) + encodeCommand(['SET', 'from-tail', 't']);
    writeFileSync(join(dir, 'appendonly.aof'), Buffer.concat([rdb, Buffer.from(tail, 'latin1')]));
    const server = quietServer([['appendonly', 'yes'], ['dir', dir]]);
    server.aof.loadManifest();
    assert.equal(server.aof.upgradeOldStyle(), true);
    assert.equal(readFileSync(join(dir, 'appendonlydir', 'appendonly.aof.manifest'), 'latin1'), 'file appendonly.aof seq 1 type b\n');
    const r = await loadAppendOnlyFiles(server, server.aof.manifest, server.aof.dir);
    assert.equal(r.status, 'ok');
    assert.equal(server.keyspace.db(0).lookupRead('from-rdb'), 'r');
    assert.equal(server.keyspace.db(1).lookupRead('from-tail'), 't');
  });
});
