// Unit tests of the HyperLogLog representation (src/types/hll.ts) and of
// MurmurHash64A against a straightforward BigInt implementation.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countRaw, denseGet, HLL_DENSE, HLL_DENSE_SIZE, HLL_HDR_SIZE, HLL_REGISTERS, HLL_SPARSE, Hll, isHllString, patLen } from '../../../src/types/hll.js';
import { murmurHash64A } from '../../../src/util/murmur64a.js';
import { SeededRandom } from '../../helpers/seeded-random.js';

const MASK = (1n << 64n) - 1n;

function murmurReference(data: Buffer, seed: bigint): bigint {
  const m = 0xc6a4a7935bd1e995n;
  let h = (seed ^ ((BigInt(data.length) * m) & MASK)) & MASK;
  const blocks = data.length - (data.length & 7);
  for (let i = 0; i < blocks; i += 8) {
    let k = data.readBigUInt64LE(i);
    k = (k * m) & MASK;
    k ^= k >> 47n;
    k = (k * m) & MASK;
    h ^= k;
    h = (h * m) & MASK;
  }
  const rest = data.length & 7;
  if (rest) {
    for (let j = rest - 1; j >= 0; j--) h ^= BigInt(data[blocks + j]!) << BigInt(8 * j);
    h = (h * m) & MASK;
  }
  h ^= h >> 47n;
  h = (h * m) & MASK;
  h ^= h >> 47n;
  return h;
}

describe('MurmurHash64A', () => {
  it('matches a BigInt reference on random inputs of every length up to 40', () => {
    const rnd = new SeededRandom(42);
    for (let n = 0; n < 2000; n++) {
      const len = n % 41;
      const buf = Buffer.alloc(len);
      for (let i = 0; i < len; i++) buf[i] = rnd.int(0, 255);
      const [hi, lo] = murmurHash64A(buf.toString('latin1'), 0xadc83b19);
      const expected = murmurReference(buf, 0xadc83b19n);
      assert.equal((BigInt(hi) << 32n) | BigInt(lo), expected, `input ${buf.toString('hex')}`);
    }
  });
});

describe('Hll', () => {
  it('starts as Redis\'s empty sparse HLL', () => {
    const h = Hll.create();
    assert.equal(h.toString(), 'HYLL\x01\x00\x00\x00' + '\x00'.repeat(8) + '\x7f\xff');
    assert.ok(isHllString(h.toString()));
    assert.equal(h.count(), 0);
  });

  it('keeps sparse and dense counts equal and promotes at hll-sparse-max-bytes', () => {
    const sparse = Hll.create();
    const raw = new Uint8Array(HLL_REGISTERS);
    for (let i = 0; i < 5000; i++) {
      const e = `element:${i}`;
      sparse.add(e, 3000);
      const [index, count] = patLen(e);
      if (count > raw[index]!) raw[index] = count;
      if (i % 250 === 0 || i === 4999) assert.equal(sparse.count(), countRaw(raw), `after ${i + 1}`);
      if (sparse.encoding === HLL_SPARSE) assert.ok(sparse.len <= 3000);
    }
    assert.equal(sparse.encoding, HLL_DENSE);
    assert.equal(sparse.len, HLL_DENSE_SIZE);
    for (let i = 0; i < HLL_REGISTERS; i++) assert.equal(denseGet(sparse.buf, HLL_HDR_SIZE, i), raw[i]);
    const card = sparse.count()!;
    assert.ok(Math.abs(card - 5000) < 5000 * 0.05, `estimate ${card}`);
  });

  it('converts sparse to dense with the same registers and header', () => {
    const h = Hll.create();
    for (let i = 0; i < 300; i++) h.add(String(i), 3000);
    const before = h.count();
    const max = new Uint8Array(HLL_REGISTERS);
    assert.ok(h.mergeInto(max));
    assert.ok(h.toDense());
    assert.equal(h.encoding, HLL_DENSE);
    assert.equal(h.count(), before);
    const after = new Uint8Array(HLL_REGISTERS);
    assert.ok(h.mergeInto(after));
    assert.deepEqual(after, max);
  });

  it('detects sparse values that do not cover exactly 16384 registers', () => {
    const short = Hll.fromString('HYLL\x01\x00\x00\x00' + '\x00'.repeat(8) + '\x7f\xfe');
    assert.equal(short.count(), null);
    assert.equal(short.toDense(), false);
    const long = Hll.fromString('HYLL\x01\x00\x00\x00' + '\x00'.repeat(8) + '\x7f\xff\x80');
    assert.equal(long.count(), null);
    assert.equal(long.mergeInto(new Uint8Array(HLL_REGISTERS)), false);
  });

  it('validates headers like isHLLObjectOrReply', () => {
    assert.equal(isHllString('HYLL'), false);
    assert.equal(isHllString('HYLX\x01' + '\x00'.repeat(11)), false);
    assert.equal(isHllString('HYLL\x02' + '\x00'.repeat(11)), false);
    assert.equal(isHllString('HYLL\x00' + '\x00'.repeat(11)), false);
    assert.equal(isHllString('HYLL\x00' + '\x00'.repeat(HLL_DENSE_SIZE - 5)), true);
  });

  it('caches the cardinality with an invalid bit', () => {
    const h = Hll.create();
    assert.ok(h.validCache());
    h.add('x', 3000);
    assert.equal(h.validCache(), false);
    h.setCachedCard(1234567);
    assert.ok(h.validCache());
    assert.equal(h.cachedCard(), 1234567);
  });
});
