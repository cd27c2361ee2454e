// CRC-64 (Jones, reflected) as Redis computes it: the published check value,
// incremental updates, and the footer of a DUMP payload recorded from Redis.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc64, crc64Update, writeCrc64LE } from '../../../src/util/crc64.js';

describe('crc64', () => {
  it('matches Redis crc64.c test vector', () => {
    assert.equal(crc64(Buffer.from('123456789')), 0xe9c6d914c4b8d9can);
  });

  it('is 0 for no input and continues incrementally', () => {
    assert.equal(crc64(Buffer.alloc(0)), 0n);
    const data = Buffer.from('the quick brown fox jumps over the lazy dog');
    const s = crc64Update({ hi: 0, lo: 0 }, data, 0, 10);
    crc64Update(s, data, 10);
    assert.equal((BigInt(s.hi) << 32n) | BigInt(s.lo), crc64(data));
  });

  it('reproduces the footer of a payload from redis-server 7.0 (DUMP of "hello")', () => {
    const payload = Buffer.from('\x00\x05hello\n\x00cr\xdfve4 \n', 'latin1');
    const out = Buffer.alloc(8);
    writeCrc64LE(payload, 0, payload.length - 8, out, 0);
    assert.deepEqual(out, payload.subarray(payload.length - 8));
  });
});
