// The typed value ↔ Redis string mapping of the embedded API (pure functions).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeBigInt, decodeBoolean, decodeNumber, encodeKey, encodeTyped, encodeValue, inferTyped, isCanonicalInt64,
  type TypedValue,
} from '../../../src/embedded/typed-values.js';
import { SeededRandom, testSeed } from '../../helpers/seeded-random.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('typed values map onto Redis strings', () => {
  it('strings are stored as their UTF-8 bytes, buffers as raw bytes', () => {
    assert.equal(encodeValue('abc'), 'abc');
    assert.equal(encodeValue('é€😀'), Buffer.from('é€😀', 'utf8').toString('latin1'));
    assert.equal(encodeValue(Buffer.from([0, 255, 13, 10])), '\x00\xff\r\n');
    const u8 = new Uint8Array([9, 1, 2, 3, 4]).subarray(1, 3);
    assert.equal(encodeValue(u8), '\x01\x02');
    assert.equal(encodeKey(new Uint8Array([200])), '\xc8');
  });

  it('integers are stored as INCR stores them', () => {
    assert.equal(encodeValue(0), '0');
    assert.equal(encodeValue(-0), '0');
    assert.equal(encodeValue(-42), '-42');
    assert.equal(encodeValue(Number.MAX_SAFE_INTEGER), '9007199254740991');
    assert.equal(encodeValue(9223372036854775807n), '9223372036854775807');
    assert.equal(encodeValue(-9223372036854775808n), '-9223372036854775808');
    assert.throws(() => encodeValue(9223372036854775808n), RangeError);
  });

  it('floats are stored as the shortest round-trip text; NaN and infinities are refused', () => {
    assert.equal(encodeValue(0.1), '0.1');
    assert.equal(encodeValue(1e-7), '1e-7');
    assert.equal(encodeValue(1e21), '1e+21');
    assert.equal(encodeValue(-2.5), '-2.5');
    assert.throws(() => encodeValue(NaN), TypeError);
    assert.throws(() => encodeValue(Infinity), TypeError);
  });

  it('booleans are "1" and "0"', () => {
    assert.equal(encodeValue(true), '1');
    assert.equal(encodeValue(false), '0');
    assert.equal(decodeBoolean('1', 'k'), true);
    assert.equal(decodeBoolean('0', 'k'), false);
    for (const bad of ['true', '', '01', ' 1', '2']) assert.throws(() => decodeBoolean(bad, 'k'), TypeError);
  });

  it('getNumber accepts decimal integers and floats exactly and refuses the rest', () => {
    assert.equal(decodeNumber('10', 'k'), 10);
    assert.equal(decodeNumber('-1.5e3', 'k'), -1500);
    assert.equal(decodeNumber('9007199254740992', 'k'), 2 ** 53);
    assert.equal(decodeNumber('100000000000000000000', 'k'), 1e20); // exactly representable
    assert.throws(() => decodeNumber('9007199254740993', 'k'), RangeError);
    assert.throws(() => decodeNumber('1e999', 'k'), RangeError);
    for (const bad of ['', 'abc', ' 1', '1 ', '0x10', 'inf', 'NaN', '1e', '--1']) {
      assert.throws(() => decodeNumber(bad, 'k'), TypeError, bad);
    }
  });

  it('getBigInt accepts exactly what INCR accepts', () => {
    assert.equal(decodeBigInt('-9223372036854775808', 'k'), -9223372036854775808n);
    for (const bad of ['9223372036854775808', '01', '+1', '-0', '1.0', '', ' 1']) {
      assert.throws(() => decodeBigInt(bad, 'k'), TypeError, bad);
    }
    assert.equal(isCanonicalInt64('9223372036854775807'), true);
    assert.equal(isCanonicalInt64('-'), false);
  });

  it('getTyped infers Integer, Float, String or Binary from the bytes', () => {
    assert.deepEqual(inferTyped('42'), { Integer: 42 });
    assert.deepEqual(inferTyped('9223372036854775807'), { Integer: 9223372036854775807n });
    assert.deepEqual(inferTyped('1.5'), { Float: 1.5 });
    assert.deepEqual(inferTyped('1e+21'), { Float: 1e21 });
    assert.deepEqual(inferTyped('1.50'), { String: '1.50' }); // not canonical: kept byte-exact
    assert.deepEqual(inferTyped('007'), { String: '007' });
    assert.deepEqual(inferTyped(''), { String: '' });
    assert.deepEqual(inferTyped(encodeValue('héllo')), { String: 'héllo' });
    assert.deepEqual(inferTyped('\xff\xfe'), { Binary: bytes('\xff\xfe') });
    assert.deepEqual(inferTyped('\xed\xa0\x80'), { Binary: bytes('\xed\xa0\x80') }); // a UTF-16 surrogate is not UTF-8
  });

  it('what round-trips through setTyped/getTyped', () => {
    const same: TypedValue[] = [
      { String: 'hello' }, { String: 'ünïcödé' }, { Integer: 7 }, { Integer: -9223372036854775808n },
      { Float: 0.1 }, { Float: -1e-300 }, { Binary: bytes('\x80\x00') },
    ];
    for (const v of same) assert.deepEqual(inferTyped(encodeTyped(v)), v);
    // The tag is not stored: these come back under another tag, same bytes.
    assert.deepEqual(inferTyped(encodeTyped({ Boolean: true })), { Integer: 1 });
    assert.deepEqual(inferTyped(encodeTyped({ Float: 3 })), { Integer: 3 });
    assert.deepEqual(inferTyped(encodeTyped({ String: '12' })), { Integer: 12 });
    assert.deepEqual(inferTyped(encodeTyped({ Binary: Buffer.from('ok') })), { String: 'ok' });
  });

  it('getTyped then setTyped rewrites the same bytes, for random byte strings', () => {
    const seed = testSeed();
    const rnd = new SeededRandom(seed);
    const alphabet = ['0', '1', '9', '-', '.', 'e', '+', 'a', '\xc3', '\xa9', '\xff', '\x00', ' '];
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = rnd.int(0, 8);
      for (let j = 0; j < n; j++) s += rnd.pick(alphabet);
      assert.equal(encodeTyped(inferTyped(s)), s, `seed ${seed}: ${JSON.stringify(s)}`);
    }
  });

  it('malformed typed values are refused with a clear TypeError', () => {
    assert.throws(() => encodeTyped({ Integer: 1.5 }), /Integer must be a safe integer/);
    assert.throws(() => encodeTyped({ String: 'a', Integer: 1 } as unknown as TypedValue), /exactly one/);
    assert.throws(() => encodeTyped({ Float: 'x' } as unknown as TypedValue), /malformed/);
    assert.throws(() => encodeValue({} as unknown as string), TypeError);
  });
});
