// JSON import/export in process: round trips of every type through the
// commands (compared with DUMP, so encodings count too), KeyValueStore's typed
// values, binary keys and values, TTLs, several databases, int64 and float
// edges, unicode, chunk boundaries, and malformed files with their positions.

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { KeyValueStore } from '../../src/embedded/key-value-store.js';
import { ManualClock } from '../../src/keyspace/clock.js';
import type { Keyspace } from '../../src/keyspace/keyspace.js';
import { exportJson } from '../../src/persistence/json/export.js';
import { importJson, JsonImportError, type JsonImportResult } from '../../src/persistence/json/import.js';
import { limitsFromConfig } from '../../src/persistence/json/decode.js';
import { Progress } from '../../src/persistence/json/progress.js';
import { ValueSink, type ReplyValue } from '../../src/protocol/value-sink.js';
import { Client } from '../../src/server/client.js';
import { execute } from '../../src/server/dispatcher.js';
import { Server } from '../../src/server/server.js';

const NOW = 1_700_000_000_000;

class Node {
  readonly clock = new ManualClock(NOW);
  readonly server = new Server({ clock: this.clock });
  private readonly sink = new ValueSink();
  private readonly client = new Client(this.server, this.sink, '?:0', '?:0', null);
  constructor() {
    this.client.authenticated = true;
  }
  /** Runs a command; Buffer arguments are raw bytes. */
  /** Runs a command; bulk replies come back as latin1 byte strings. */
  run(...argv: (string | Buffer)[]): ReplyValue {
    execute(this.client, argv.map((a) => (typeof a === 'string' ? Buffer.from(a, 'utf8').toString('latin1') : a.toString('latin1'))));
    const r = this.sink.takeAll();
    assert.equal(r.length, 1);
    return latin1(r[0]!);
  }
  get keyspace(): Keyspace {
    return this.server.keyspace;
  }
}

function latin1(v: ReplyValue): ReplyValue {
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  return Array.isArray(v) ? v.map(latin1) : v;
}

async function exportText(ks: Keyspace): Promise<string> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (d: Buffer) => parts.push(d));
  await exportJson(ks, out);
  out.end();
  return Buffer.concat(parts).toString('utf8');
}

/** Feeds `text` in chunks of `size` bytes. */
function* chunks(text: string | Buffer, size: number): Generator<Buffer> {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function load(node: Node, text: string | Buffer, size = 1 << 16): Promise<JsonImportResult> {
  return importJson(chunks(text, size), node.keyspace, { name: 'test.json', limits: limitsFromConfig(node.server.config) });
}

async function loadError(text: string | Buffer, size = 1 << 16): Promise<JsonImportError> {
  const node = new Node();
  try {
    await load(node, text, size);
  } catch (err) {
    assert.ok(err instanceof JsonImportError, String(err));
    return err;
  }
  assert.fail(`no error for ${String(text).slice(0, 80)}`);
}

/** Every key of every database: DUMP payload (value and encoding) and absolute expiry. */
function snapshot(ks: Keyspace): Map<string, string> {
  const out = new Map<string, string>();
  const n = new Node();
  for (const db of ks.dbs) {
    for (const key of db.dict.keys()) {
      const v = db.dict.get(key)!;
      // DUMP through a scratch server holding the same value.
      n.keyspace.dbs[0]!.setKey('k', v);
      const dump = n.run('DUMP', 'k') as string;
      out.set(`${db.id}/${Buffer.from(key, 'latin1').toString('hex')}`, `${Buffer.from(dump, 'latin1').toString('hex')} ttl=${db.getExpire(key)}`);
    }
  }
  return out;
}

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

function populate(a: Node): void {
  a.run('SET', 'text', 'héllo wörld ✓ 😀');
  a.run('SET', 'int', '-9223372036854775808');
  a.run('SET', 'int2', '9223372036854775807');
  a.run('SET', 'float', '0.1');
  a.run('SET', 'notcanon', '007');
  a.run('SET', 'minuszero', '-0');
  a.run('SET', 'empty', '');
  a.run('SET', ALL_BYTES, ALL_BYTES);
  a.run('SET', Buffer.from([0xff, 0xfe, 0x22, 0x5c]), 'binary key');
  a.run('SET', 'ttl', 'x', 'PXAT', String(NOW + 60_000));
  // Strings edited in place (APPEND, SETBIT) may be held as byte buffers.
  a.run('SET', 'appended', 'ab');
  a.run('APPEND', 'appended', ALL_BYTES);
  a.run('SETBIT', 'bits', '1000', '1');
  a.run('RPUSH', 'list', 'a', ALL_BYTES, '', '3', 'ü');
  a.run('RPUSH', 'biglist', ...Array.from({ length: 1000 }, (_, i) => `e${i}`));
  a.run('HSET', 'hash', 'f', 'v', 'n', '1', 'ü', 'ö');
  a.run('HSET', 'binhash', ALL_BYTES, ALL_BYTES, 'plain', 'x');
  a.run('HSET', 'bighash', ...Array.from({ length: 300 }, (_, i) => [`f${i}`, `v${i}`]).flat());
  a.run('HSET', 'longhash', 'f', 'x'.repeat(100));
  a.run('SADD', 'intset', '1', '-5', '9223372036854775807');
  a.run('SADD', 'strset', 'a', 'b', ALL_BYTES);
  a.run('SADD', 'bigintset', ...Array.from({ length: 600 }, (_, i) => String(i)));
  a.run('ZADD', 'zset', '1.5', 'a', '-inf', 'b', 'inf', 'c', '0', ALL_BYTES, '1e308', 'd', '-2.5e-300', 'e');
  a.run('ZADD', 'bigzset', ...Array.from({ length: 200 }, (_, i) => [String(i / 3), `m${i}`]).flat());
  a.run('PEXPIREAT', 'zset', String(NOW + 1));
  a.run('SELECT', '3');
  a.run('SET', 'in-db3', 'three');
  a.run('RPUSH', 'list3', 'x');
  a.run('SELECT', '15');
  a.run('SET', 'in-db15', 'fifteen', 'PXAT', String(NOW + 5));
  a.run('SELECT', '0');
}

describe('JSON export → import round trip', () => {
  it('keeps every type, encoding, binary key and value, TTL and database', async () => {
    const a = new Node();
    populate(a);
    const text = await exportText(a.keyspace);
    const parsed = JSON.parse(text) as { 'respite-json': number; databases: Record<string, Record<string, unknown>> };
    assert.equal(parsed['respite-json'], 1);
    assert.deepEqual(Object.keys(parsed.databases), ['0', '3', '15']);
    const b = new Node();
    const r = await load(b, text);
    assert.equal(r.keysLoaded, a.keyspace.totalKeys);
    assert.deepEqual(snapshot(b.keyspace), snapshot(a.keyspace));
    // The export of the import describes the same data.
    assert.deepEqual(JSON.parse(await exportText(b.keyspace)), parsed);
  });

  it('reads the same at every chunk size', async () => {
    const a = new Node();
    populate(a);
    const text = await exportText(a.keyspace);
    const want = snapshot(a.keyspace);
    for (const size of [1, 2, 3, 5, 7, 64, 1000]) {
      const b = new Node();
      await load(b, text, size);
      assert.deepEqual(snapshot(b.keyspace), want, `chunk size ${size}`);
    }
  });

  it('writes the typed forms and the plain seed object when only db 0 is used', async () => {
    const a = new Node();
    a.run('SET', 'i', '42');
    a.run('SET', 'f', '1e-7');
    a.run('SET', 's', '1.50');
    a.run('SET', 'bin', Buffer.from([0xc3, 0x28]));
    a.run('SET', Buffer.from([0x80]), 'v');
    a.run('HSET', 'h', Buffer.from([0xff]), 'x');
    a.run('ZADD', 'z', '-inf', 'lo', '0', 'zero', 'inf', 'hi');
    const parsed = JSON.parse(await exportText(a.keyspace)) as Record<string, unknown>;
    assert.deepEqual(parsed.i, { Integer: 42 });
    assert.deepEqual(parsed.f, { Float: 1e-7 });
    assert.deepEqual(parsed.s, { String: '1.50' });
    assert.deepEqual(parsed.bin, { Binary: [0xc3, 0x28] });
    assert.deepEqual(parsed['\\x80'], { key: { Binary: [0x80] }, String: 'v' });
    assert.deepEqual(parsed.h, { Hash: [[{ Binary: [255] }, 'x']] });
    assert.deepEqual(parsed.z, { SortedSet: [['lo', '-inf'], ['zero', 0], ['hi', 'inf']] });
  });

  it('skips keys whose TTL passed but that were not removed yet', async () => {
    const a = new Node();
    a.run('SET', 'gone', 'x', 'PXAT', String(NOW + 10));
    a.run('SET', 'kept', 'y');
    a.clock.advance(11);
    assert.deepEqual(JSON.parse(await exportText(a.keyspace)), { kept: { String: 'y' } });
  });
});

describe('JSON and KeyValueStore typed values', () => {
  it('an export of typed values reads back as the same typed values', async () => {
    const kv = new KeyValueStore({ clock: new ManualClock(NOW) });
    const typed = {
      s: { String: 'héllo 😀' }, i: { Integer: 42 }, big: { Integer: 9007199254740993n }, neg: { Integer: -9223372036854775808n },
      f: { Float: 0.1 }, f308: { Float: 1e308 }, ftiny: { Float: 5e-324 }, t: { Boolean: true }, bin: { Binary: Buffer.from([0, 0xff, 0x80]) },
    } as const;
    for (const [k, v] of Object.entries(typed)) kv.setTyped(k, v);
    const text = await exportText(kv.server.keyspace);
    const kv2 = new KeyValueStore({ clock: new ManualClock(NOW) });
    await importJson(chunks(text, 10), kv2.server.keyspace);
    for (const k of Object.keys(typed)) {
      assert.deepEqual(kv2.getTyped(k), kv.getTyped(k), k);
      assert.deepEqual(kv2.getBuffer(k), kv.getBuffer(k), k);
    }
    assert.deepEqual(kv2.getTyped('big'), { Integer: 9007199254740993n });
    assert.deepEqual(kv2.getTyped('t'), { Integer: 1 });
    kv.close();
    kv2.close();
  });

  it('imports the seed format to the bytes setTyped stores', async () => {
    const n = new Node();
    await load(n, '{"key1":{"Integer":10},"k2":{"String":"v"},"k3":{"Float":2.5},"k4":{"Boolean":false},"k5":{"Binary":[104,105]},' +
      '"k6":{"Float":-0},"k7":{"Float":3},"k8":{"Integer":-0},"k9":{"Float":1e21},"k10":{"Integer":-9223372036854775808}}');
    const get = (k: string) => n.run('GET', k);
    assert.deepEqual([get('key1'), get('k2'), get('k3'), get('k4'), get('k5'), get('k6'), get('k7'), get('k8'), get('k9'), get('k10')],
      ['10', 'v', '2.5', '0', 'hi', '0', '3', '0', '1e+21', '-9223372036854775808']);
    assert.equal(n.run('INCR', 'key1'), 11);
  });
});

describe('JSON import semantics', () => {
  it('replaces existing keys (value and TTL) and skips expired entries', async () => {
    const n = new Node();
    n.run('SET', 'a', 'old', 'PXAT', String(NOW + 1000));
    n.run('SET', 'b', 'kept');
    const r = await load(n, `{"a":{"List":["new"]},"b":{"String":"stale","expires_at_ms":${NOW - 1}},"c":{"String":"x","expires_at_ms":${NOW}}}`);
    assert.deepEqual(r, { keysLoaded: 2, keysReplaced: 1, keysExpired: 1, bytes: r.bytes });
    assert.deepEqual(n.run('LRANGE', 'a', '0', '-1'), ['new']);
    assert.equal(n.run('PTTL', 'a'), -1);
    assert.equal(n.run('GET', 'b'), 'kept');
    assert.equal(n.run('PTTL', 'c'), 0);
  });

  it('reads unicode escapes, surrogate pairs and raw UTF-8 to the same bytes', async () => {
    const n = new Node();
    await load(n, '{"a":{"String":"\\ud83d\\ude00\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r\\u0000"},"b":{"String":"😀é"},"\\u00e9":{"String":"key"}}');
    assert.deepEqual(Buffer.from(n.run('GET', 'a') as string, 'latin1'), Buffer.from('😀é\n\t"\\/\b\f\r\u0000', 'utf8'));
    assert.deepEqual(Buffer.from(n.run('GET', 'b') as string, 'latin1'), Buffer.from('😀é', 'utf8'));
    assert.equal(n.run('GET', 'é'), 'key');
  });

  it('reads collections: elements as typed values, hashes as pairs, duplicates as the commands treat them', async () => {
    const n = new Node();
    await load(n, '{"l":{"List":[{"Integer":1},{"Binary":[255]},"x"]},"h":{"Hash":[["f","1"],["f","2"],[{"Binary":[0]},{"Boolean":true}]]},' +
      '"h2":{"Hash":{"a":"1","a":"2"}},"s":{"Set":["1","1","2"]},"z":{"SortedSet":[["m",1],["m",2],["n","+inf"],["o","-Infinity"]]}}');
    assert.deepEqual(n.run('LRANGE', 'l', '0', '-1'), ['1', '\xff', 'x']);
    assert.equal(n.run('HGET', 'h', 'f'), '2');
    assert.equal(n.run('HGET', 'h', '\x00'), '1');
    assert.equal(n.run('HGET', 'h2', 'a'), '2');
    assert.equal(n.run('SCARD', 's'), 2);
    assert.equal(n.run('OBJECT', 'ENCODING', 's'), 'intset');
    assert.deepEqual(n.run('ZRANGE', 'z', '0', '-1', 'WITHSCORES'), [['o', -Infinity], ['m', 2], ['n', Infinity]]);
  });

  it('applies the config encoding limits', async () => {
    const n = new Node();
    n.run('CONFIG', 'SET', 'hash-max-listpack-entries', '2');
    n.run('CONFIG', 'SET', 'set-max-intset-entries', '2');
    n.run('CONFIG', 'SET', 'zset-max-listpack-value', '3');
    await load(n, '{"h":{"Hash":{"a":"1","b":"2","c":"3"}},"h2":{"Hash":{"a":"1","b":"2"}},"s":{"Set":["1","2","3"]},"z":{"SortedSet":[["long",1]]},"z2":{"SortedSet":[["abc",1]]}}');
    assert.deepEqual(['h', 'h2', 's', 'z', 'z2'].map((k) => n.run('OBJECT', 'ENCODING', k)), ['hashtable', 'listpack', 'hashtable', 'skiplist', 'listpack']);
  });

  it('treats a first member "respite-json" with an object value as an ordinary key', async () => {
    const n = new Node();
    await load(n, '{"respite-json":{"String":"v"},"k":{"String":"w"}}');
    assert.equal(n.run('GET', 'respite-json'), 'v');
    assert.equal(n.run('GET', 'k'), 'w');
  });

  it('reads the databases wrapper, including empty databases', async () => {
    const n = new Node();
    await load(n, '{"respite-json":1,"databases":{"0":{},"2":{"k":{"String":"two"}},"15":{"k":{"Integer":15}}}}');
    n.run('SELECT', '2');
    assert.equal(n.run('GET', 'k'), 'two');
    n.run('SELECT', '15');
    assert.equal(n.run('GET', 'k'), '15');
    await load(n, '{"respite-json":1}');
    await load(n, ' {}\n');
  });
});

describe('malformed JSON files', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['truncated', '{"a":{"String":"x"},\n"b":{"List":["y"', /line 2, column 17 \(byte offset 37\): unexpected end of file \(the file is truncated\?\): expected ',' or ']'/],
    ['truncated string', '{"a":{"String":"xy', /byte offset 15\): unexpected end of file inside a string/],
    ['empty file', '', /byte offset 0\): unexpected end of file/],
    ['bad escape', '{"a":{"String":"x\\qy"}}', /byte offset 17\): invalid escape '\\q'/],
    ['bad \\u escape', '{"a":{"String":"\\u12G4"}}', /invalid \\u escape/],
    ['lone high surrogate', '{"a":{"String":"\\ud800x"}}', /byte offset 16\): unpaired surrogate \\ud800/],
    ['lone low surrogate', '{"a":{"String":"\\udc00"}}', /unpaired surrogate \\udc00/],
    ['raw control character', '{"a":{"String":"x\ny"}}', /control character 0x0a/],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"a":{"String":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]), /invalid UTF-8/],
    ['leading zero', '{"a":{"Integer":012}}', /malformed number '012'/],
    ['trailing comma', '{"a":{"String":"x"},}', /byte offset 20\): expected a key \(a string\), got '}'/],
    ['missing colon', '{"a" {"String":"x"}}', /expected ':' after a key/],
    ['data after the object', '{}\n{}', /line 2, column 1 \(byte offset 3\): unexpected data after the top-level object/],
    ['top-level array', '[]', /must hold one JSON object/],
    ['not an entry', '{"a":"x"}', /key "a": each key's value must be an object/],
    ['no type', '{"a":{"expires_at_ms":1}}', /an entry needs a type/],
    ['two types', '{"a":{"String":"x","Integer":1}}', /exactly one type, got both String and Integer/],
    ['unknown member', '{"a":{"Text":"x"}}', /unknown member "Text"/],
    ['stream', '{"s":{"Stream":[]}}', /key "s": Stream values are not supported/],
    ['empty list', '{"l":{"List":[]}}', /empty List cannot be stored/],
    ['list of numbers', '{"l":{"List":[1,2]}}', /List elements must be strings/],
    ['int64 overflow', '{"i":{"Integer":9223372036854775808}}', /outside the signed 64-bit range/],
    ['int64 underflow', '{"i":{"Integer":-9223372036854775809}}', /outside the signed 64-bit range/],
    ['fractional Integer', '{"i":{"Integer":1.5}}', /Integer must be an integer/],
    ['Integer as a string', '{"i":{"Integer":"1"}}', /Integer must be an integer/],
    ['Float overflow', '{"f":{"Float":1e400}}', /Float 1e400 is out of the range of a double|Float Infinity/],
    ['Binary out of range', '{"b":{"Binary":[1,256]}}', /Binary must be an array of integers 0-255/],
    ['bad score', '{"z":{"SortedSet":[["m","nan"]]}}', /SortedSet score \[0\] must be a number/],
    ['bad pair', '{"z":{"SortedSet":[["m"]]}}', /SortedSet element \[0\] must be a pair/],
    ['bad TTL', '{"a":{"String":"x","expires_at_ms":"soon"}}', /expires_at_ms must be an integer/],
    ['bad database', '{"respite-json":1,"databases":{"16":{}}}', /database "16" does not exist/],
    ['bad version', '{"respite-json":2,"databases":{}}', /unsupported respite-json version 2/],
    ['unknown wrapper member', '{"respite-json":1,"meta":{}}', /unknown member "meta"/],
    ['deep nesting', `{"a":${'['.repeat(100)}${']'.repeat(100)}}`, /nested deeper than 64/],
  ];
  for (const [title, text, want] of cases) {
    it(title, async () => {
      for (const size of [1 << 16, 1, 3]) {
        const err = await loadError(text, size);
        assert.match(err.message, /^Bad (JSON|entry) in 'test\.json' at line \d+, column \d+ \(byte offset \d+\)/);
        assert.match(err.message, want, `chunk size ${size}`);
      }
    });
  }

  it('says how many keys were stored before the error', async () => {
    const n = new Node();
    await assert.rejects(load(n, '{"a":{"String":"1"},"b":{"String":"2"},"c":{"List":[]}}'), (err: unknown) => {
      assert.ok(err instanceof JsonImportError);
      assert.equal(err.keysLoaded, 2);
      assert.equal(err.offset, 39);
      return true;
    });
  });
});

describe('progress', () => {
  it('draws a bar on a terminal and log lines elsewhere', () => {
    let t = 0;
    const drawn: string[] = [];
    const logged: string[] = [];
    const tty = new Progress('Importing JSON', 'bytes', 4 * 1024 * 1024, { tty: { write: (s) => drawn.push(s) }, log: (l) => logged.push(l), now: () => t });
    t = 50;
    tty.update(1024 * 1024, 10);
    assert.equal(drawn.length, 0, 'redraws are throttled');
    t = 200;
    tty.update(2 * 1024 * 1024, 20);
    assert.equal(drawn.at(-1), '\rImporting JSON [###############...............] 50% 2.0 MB of 4.0 MB, 20 keys\x1b[K');
    tty.finish(4 * 1024 * 1024, 40);
    assert.deepEqual(drawn.slice(-2), ['\rImporting JSON [##############################] 100% 4.0 MB of 4.0 MB, 40 keys\x1b[K', '\n']);
    assert.equal(logged.length, 0);

    t = 0;
    const plain = new Progress('Exporting JSON', 'keys', 100, { tty: null, log: (l) => logged.push(l), now: () => t });
    t = 1000;
    plain.update(10);
    t = 6000;
    plain.update(60);
    plain.finish(100);
    assert.deepEqual(logged, ['Exporting JSON: 60% 60 of 100 keys']);
  });
});
