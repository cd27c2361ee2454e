// LZF: byte-for-byte the compressed forms redis-server 7.0 produces, round
// trips over random and repetitive data, and rejection of corrupt input.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lzfCompress, lzfDecompressInto } from '../../../src/persistence/rdb/lzf.js';
import { SeededRandom } from '../../helpers/seeded-random.js';

function roundTrip(input: Buffer): void {
  // Worst case LZF growth is one control byte per 32 literals.
  const packed = lzfCompress(input, input.length + Math.ceil(input.length / 32) + 64);
  assert.ok(packed !== null, 'compresses into a generous buffer');
  const out = Buffer.alloc(input.length);
  assert.equal(lzfDecompressInto(packed, 0, packed.length, out), input.length);
  assert.deepEqual(out, input);
}

describe('lzf', () => {
  it('produces the same bytes as Redis (from DUMP payloads of redis-server 7.0)', () => {
    // DUMP of 50 x "a": \xc3 <clen 9> <len 50> then the LZF block.
    assert.deepEqual(lzfCompress(Buffer.from('a'.repeat(50)), 46),
      new Uint8Array(Buffer.from('\x01aa\xe0%\x00\x01aa', 'latin1')));
    // DUMP of 9 x "abc": \xc3 <clen 11> <len 27>.
    assert.deepEqual(lzfCompress(Buffer.from('abc'.repeat(9)), 23),
      new Uint8Array(Buffer.from('\x03abca\xe0\x0c\x02\x01bc', 'latin1')));
  });

  it('gives up (null) when the output would not fit', () => {
    const rnd = new SeededRandom(3);
    const noise = Buffer.from(Array.from({ length: 100 }, () => rnd.int(0, 255)));
    assert.equal(lzfCompress(noise, 96), null);
    assert.equal(lzfCompress(Buffer.alloc(0), 10), null);
  });

  it('round-trips random, repetitive and mixed data', () => {
    const rnd = new SeededRandom(77);
    for (let i = 0; i < 300; i++) {
      const len = rnd.int(1, 3000);
      const kind = i % 3;
      const buf = Buffer.alloc(len);
      for (let j = 0; j < len; j++) {
        buf[j] = kind === 0 ? rnd.int(0, 255) : kind === 1 ? 97 + (j % rnd.int(1, 7)) : rnd.chance(0.9) ? buf[Math.max(0, j - rnd.int(1, 300))]! : rnd.int(0, 255);
      }
      roundTrip(buf);
    }
    roundTrip(Buffer.from('x'.repeat(100000)));
  });

  it('rejects corrupt input instead of reading or writing out of bounds', () => {
    const out = Buffer.alloc(10);
    // A literal run longer than the input.
    assert.equal(lzfDecompressInto(Buffer.from([5, 1, 2]), 0, 3, out), 0);
    // A back reference before the start of the output.
    assert.equal(lzfDecompressInto(Buffer.from([0, 65, 0x20, 5]), 0, 4, out), 0);
    // Output larger than announced.
    assert.equal(lzfDecompressInto(Buffer.from([0, 65, 0xe0, 20, 0]), 0, 5, out), 0);
    // A truncated back reference.
    assert.equal(lzfDecompressInto(Buffer.from([0, 65, 0x20]), 0, 3, out), 0);
  });
});
