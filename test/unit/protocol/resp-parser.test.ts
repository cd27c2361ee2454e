// RequestParser: any chunking of the input gives the same argv as one chunk;
// inline splitting follows Redis's sdssplitargs; errors carry Redis's reasons.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestParser } from '../../../src/protocol/resp-parser.js';
import { splitInlineArgs } from '../../../src/protocol/inline-parser.js';
import { ProtocolError } from '../../../src/errors.js';
import { SeededRandom, testSeed } from '../../helpers/seeded-random.js';
import { encodeCommand } from '../../helpers/raw-client.js';
import { latin1 } from '../../../src/util/latin1.js';

const LIMITS = { maxBulkLen: 512 * 1024 * 1024, queryBufferLimit: 1024 * 1024 * 1024 };

/** Feeds `chunks` one by one and collects every complete argv. */
function parseChunks(chunks: Buffer[], limits = LIMITS): string[][] {
  const p = new RequestParser(limits);
  const out: string[][] = [];
  for (const c of chunks) {
    p.feed(c);
    for (let argv = p.next(); argv !== null; argv = p.next()) out.push(argv);
  }
  return out;
}

function parseError(bytes: string, limits = LIMITS): string {
  try {
    parseChunks([Buffer.from(bytes, 'latin1')], limits);
  } catch (err) {
    if (err instanceof ProtocolError) return err.reason;
    throw err;
  }
  return 'no error';
}

function randomArg(rnd: SeededRandom): Buffer {
  const len = rnd.chance(0.05) ? rnd.int(32 * 1024, 40 * 1024) : rnd.int(0, 20);
  const b = Buffer.alloc(len);
  for (let i = 0; i < len; i++) b[i] = rnd.chance(0.2) ? rnd.pick([13, 10, 36, 42, 0]) : rnd.int(0, 255);
  return b;
}

function randomStream(rnd: SeededRandom, commands: number): { bytes: Buffer; argvs: string[][] } {
  const parts: Buffer[] = [];
  const argvs: string[][] = [];
  for (let i = 0; i < commands; i++) {
    const argv = Array.from({ length: rnd.int(1, 5) }, () => randomArg(rnd));
    parts.push(encodeCommand(argv));
    argvs.push(argv.map((a) => a.toString('latin1')));
  }
  return { bytes: Buffer.concat(parts), argvs };
}

describe('RequestParser chunking', () => {
  it('splitting a stream at every byte boundary gives the same argv', () => {
    const frames = Buffer.from('*2\r\n$4\r\nECHO\r\n$3\r\na\r\n\r\nPING\r\n*0\r\n*1\r\n$0\r\n\r\nSET k "v w"\r\n*-1\r\n', 'latin1');
    const whole = parseChunks([frames]);
    assert.deepEqual(whole, [['ECHO', 'a\r\n'], ['PING'], [''], ['SET', 'k', 'v w']]);
    for (let i = 1; i < frames.length; i++) {
      assert.deepEqual(parseChunks([frames.subarray(0, i), frames.subarray(i)]), whole, `split at ${i}`);
    }
    assert.deepEqual(parseChunks([...frames].map((b) => Buffer.from([b]))), whole, 'one byte at a time');
  });

  it('random frames in random chunks parse as in one chunk (seeded)', () => {
    const seed = testSeed();
    const rnd = new SeededRandom(seed);
    const deadline = Date.now() + 5000;
    for (let round = 0; round < 200 && Date.now() < deadline; round++) {
      const { bytes, argvs } = randomStream(rnd, rnd.int(1, 20));
      assert.deepEqual(parseChunks([bytes]), argvs, `seed ${seed} round ${round}`);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length;) {
        const n = rnd.chance(0.3) ? rnd.int(1, 3) : rnd.int(1, 5000);
        chunks.push(bytes.subarray(i, i + n));
        i += n;
      }
      assert.deepEqual(parseChunks(chunks), argvs, `seed ${seed} round ${round} (${chunks.length} chunks)`);
    }
  });

  it('every one of the 256 byte values survives in a bulk', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const [argv] = parseChunks([encodeCommand([all, all])]);
    assert.deepEqual(argv!.map((a) => Buffer.from(a, 'latin1')), [all, all]);
  });

  it('a big bulk arriving in many chunks is assembled once', () => {
    const big = Buffer.alloc(1_000_000, 7);
    const frame = encodeCommand(['SET', 'k', big]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < frame.length; i += 1000) chunks.push(frame.subarray(i, i + 1000));
    const [argv] = parseChunks(chunks);
    assert.equal(argv![2]!.length, 1_000_000);
    assert.equal(argv![2], big.toString('latin1'));
  });

  it('pendingBytes counts unparsed input and the query buffer limit is enforced', () => {
    const p = new RequestParser({ maxBulkLen: LIMITS.maxBulkLen, queryBufferLimit: 1024 * 1024 });
    p.feed(Buffer.from('*1\r\n$2000000\r\n'));
    assert.equal(p.next(), null);
    p.feed(Buffer.alloc(500_000));
    assert.equal(p.next(), null);
    assert.ok(p.pendingBytes >= 500_000);
    assert.throws(() => p.feed(Buffer.alloc(600_000)), /query buffer limit/);
  });
});

describe('RequestParser errors (Redis reasons)', () => {
  const cases: [string, string][] = [
    ['*abc\r\n', 'invalid multibulk length'],
    ['*2147483648\r\n', 'invalid multibulk length'],
    ['*-0\r\n', 'invalid multibulk length'],
    ['*1\r\n$-5\r\n', 'invalid bulk length'],
    ['*1\r\n$01\r\n', 'invalid bulk length'],
    ['*1\r\n+foo\r\n', "expected '$', got '+'"],
    ['ECHO "abc\r\n', 'unbalanced quotes in request'],
    ['A'.repeat(65 * 1024), 'too big inline request'],
    ['*' + '1'.repeat(65 * 1024), 'too big mbulk count string'],
    ['*1\r\n$' + '1'.repeat(65 * 1024), 'too big bulk count string'],
  ];
  for (const [bytes, reason] of cases) {
    it(`${JSON.stringify(bytes.slice(0, 20))} → ${reason}`, () => assert.equal(parseError(bytes), reason));
  }

  it('bulks over proto-max-bulk-len are refused', () => {
    assert.equal(parseError('*1\r\n$1025\r\n', { ...LIMITS, maxBulkLen: 1024 }), 'invalid bulk length');
    assert.equal(parseError('*1\r\n$1024\r\n', { ...LIMITS, maxBulkLen: 1024 }), 'no error');
  });

  it('before AUTH: at most 10 bulks of at most 16 KiB per multibulk', () => {
    const p = new RequestParser(LIMITS);
    p.authenticated = false;
    p.feed(Buffer.from('*11\r\n'));
    assert.throws(() => p.next(), (e: unknown) => e instanceof ProtocolError && e.reason === 'unauthenticated multibulk length');
    const q = new RequestParser(LIMITS);
    q.authenticated = false;
    q.feed(Buffer.from('*1\r\n$16385\r\n'));
    assert.throws(() => q.next(), (e: unknown) => e instanceof ProtocolError && e.reason === 'unauthenticated bulk length');
  });
});

describe('splitInlineArgs (sdssplitargs rules)', () => {
  const table: [string, string[] | null][] = [
    ['', []],
    ['   ', []],
    ['a b  c', ['a', 'b', 'c']],
    ['\ta\x0bb\x0cc\rd', ['a', 'b', 'c', 'd']],
    ['"a b"', ['a b']],
    ['"a\\x41\\x4a\\x4a"', ['aAJJ']],
    ['"\\x4"', ['x4']],
    ['"\\xZZ"', ['xZZ']],
    ['"\\n\\r\\t\\b\\a\\\\\\"\\q"', ['\n\r\t\b\x07\\"q']],
    ["'a\\'b'", ["a'b"]],
    ["'a\\nb\\\\'", null], // the last backslash escapes the closing quote
    ["'a\\nb\\'", null],
    ["'a\\nb\\ '", ['a\\nb\\ ']],
    ['""', ['']],
    ["''", ['']],
    ['a"b c"', ['ab c']],
    ["x'y z' w", ['xy z', 'w']],
    ['"a"b', null],
    ["'a'b", null],
    ['"abc', null],
    ["'abc", null],
    ['"abc\\"', null],
    ['a"b c', null],
    ['"\\xff\\x00"', ['\xff\x00']],
  ];
  for (const [line, expected] of table) {
    it(`${JSON.stringify(line)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(splitInlineArgs(line), expected));
  }
});

describe('latin1 (short byte ranges as strings)', () => {
  it('gives the same string as latin1Slice for every length 0..40 and every byte value', () => {
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff));
    for (let start = 0; start < 256; start += 7) {
      for (let len = 0; len <= 40; len++) {
        assert.equal(latin1(bytes, start, start + len), bytes.latin1Slice(start, start + len));
      }
    }
  });
});
