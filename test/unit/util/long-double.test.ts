// x87 long double emulation: rounding, addition and "%.17Lf" formatting,
// checked against values produced by redis-server 7.0 (glibc, x86-64).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLongDouble } from '../../../src/util/float-parse.js';
import {
  BINARY64, LD_ZERO, X87_EXTENDED, bitLength, ldAdd, ldFormatHuman, ldFromBigInt, roundToFormat, type LongDouble,
} from '../../../src/util/long-double.js';

function ld(s: string): LongDouble {
  const v = parseLongDouble(s);
  assert.ok(v !== null, `${s} should parse`);
  return v;
}

/** INCRBYFLOAT's arithmetic: value + increment, formatted as Redis stores it. */
function incr(value: string, increment: string): string {
  return ldFormatHuman(ldAdd(ld(value), ld(increment)));
}

describe('bitLength', () => {
  it('counts bits across the number/BigInt boundary', () => {
    for (const n of [1n, 2n, 3n, 255n, 256n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 52n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 64n, 3n ** 100n]) {
      assert.equal(bitLength(n), n.toString(2).length, String(n));
    }
    assert.equal(bitLength(0n), 0);
  });
});

describe('roundToFormat', () => {
  it('rounds half to even at 64 bits', () => {
    assert.deepEqual(roundToFormat(2n ** 64n + 1n, 1n, 0, X87_EXTENDED), { mant: 2n ** 63n, exp: 1 });
    assert.deepEqual(roundToFormat(2n ** 64n + 3n, 1n, 0, X87_EXTENDED), { mant: 2n ** 63n + 2n, exp: 1 });
    assert.deepEqual(roundToFormat(2n ** 65n - 1n, 1n, 0, X87_EXTENDED), { mant: 2n ** 63n, exp: 2 });
  });
  it('produces subnormals, zero and infinity at the range limits', () => {
    assert.deepEqual(roundToFormat(1n, 1n, -16445, X87_EXTENDED), { mant: 1n, exp: -16445 });
    assert.deepEqual(roundToFormat(1n, 1n, -16446, X87_EXTENDED), { mant: 0n, exp: -16445 }); // a tie rounds to even 0
    assert.deepEqual(roundToFormat(3n, 1n, -16447, X87_EXTENDED), { mant: 1n, exp: -16445 });
    assert.equal(roundToFormat(1n, 1n, 16384, X87_EXTENDED), 'inf');
    assert.deepEqual(roundToFormat(2n ** 64n - 1n, 1n, 16320, X87_EXTENDED), { mant: 2n ** 64n - 1n, exp: 16320 });
    assert.equal(roundToFormat(1n, 1n, 1024, BINARY64), 'inf');
    assert.deepEqual(roundToFormat(1n, 3n, 0, BINARY64), { mant: 6004799503160661n, exp: -54 }); // 1/3 as a double
  });
});

describe('long double arithmetic as INCRBYFLOAT does it', () => {
  it('keeps decimal-looking results that doubles would not', () => {
    assert.equal(incr('0', '0.1'), '0.1');
    assert.equal(incr(incr('0', '1.1'), '2.2'), '3.3');
    let v = '0';
    for (let i = 0; i < 10; i++) v = incr(v, '0.1');
    assert.equal(v, '1');
    assert.equal(incr('10.5', '-10.5'), '0');
    assert.equal(incr('0', '5.0e3'), '5000');
    assert.equal(incr('0', '1.5e-7'), '0.00000015');
  });
  it('does not overflow where doubles would', () => {
    assert.equal(incr('1e308', '1e308'), '199999999999999999993371759311691291321120199694831134415594095989843469737676123744200253843777078640893494450108026446304269499187921167194841628860392837535918200039206381557326219209014213335878306791577877829121087126122536729803237260434173178506889763247582601711514636284849020905456510092687857156096');
    assert.equal(ldAdd(ld('1.18973149535723176502e+4932'), ld('1e4932')).kind, 'inf');
  });
  it('formats with 17 fractional digits, rounding half to even, and never prints -0', () => {
    assert.equal(incr('0', '3.814697265625e-6'), '0.00000381469726562');
    assert.equal(incr('0', '-3.814697265625e-6'), '-0.00000381469726562');
    assert.equal(incr('0', '1e-20'), '0');
    assert.equal(incr('0', '-1e-20'), '0');
    assert.equal(incr('0', '-0'), '0');
    assert.equal(incr('0', '123456789012345678901234567890'), '123456789012345678899921813504');
    assert.equal(incr('0', '18446744073709551617'), '18446744073709551616');
    assert.equal(incr('0', '0.000000000000000015'), '0.00000000000000002');
    assert.equal(incr('0', '0.00000000000000000500000000000000001'), '0.00000000000000001');
    assert.equal(incr('0', '0x1p3'), '8');
    assert.equal(incr('0', '1e-4940'), '0');
  });
  it('adds infinities to infinity or NaN', () => {
    assert.equal(ldAdd(ld('inf'), ld('1')).kind, 'inf');
    assert.equal(ldAdd(ld('inf'), ld('-inf')).kind, 'nan');
    assert.equal(ldFormatHuman(ld('-inf')), '-inf');
  });
  it('adds signed zeros as IEEE does', () => {
    const negZero = ld('-0');
    const sum = ldAdd(negZero, negZero);
    assert.ok(sum.kind === 'finite' && sum.neg && sum.mant === 0n);
    const mixed = ldAdd(negZero, LD_ZERO);
    assert.ok(mixed.kind === 'finite' && !mixed.neg);
    const cancel = ldAdd(ld('1.5'), ld('-1.5'));
    assert.ok(cancel.kind === 'finite' && !cancel.neg && cancel.mant === 0n);
  });
  it('represents int64 values exactly', () => {
    assert.equal(ldFormatHuman(ldFromBigInt(9223372036854775807n)), '9223372036854775807');
    assert.equal(ldFormatHuman(ldFromBigInt(-9223372036854775808n)), '-9223372036854775808');
    assert.equal(ldFormatHuman(ldFromBigInt(2n ** 64n + 1n)), '18446744073709551616');
  });
});
