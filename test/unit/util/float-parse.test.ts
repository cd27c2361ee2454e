// Redis's string2ld / string2d acceptance rules (strtold/strtod, whole string).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDouble, parseLongDouble, scanFloat } from '../../../src/util/float-parse.js';

const ACCEPTED = [
  '0', '1', '-1', '+1', '1.5', '.5', '5.', '-.5', '1e5', '1E+5', '1e-5', '0x10', '0X1P-3', '0x1.8p1', '-0x.8',
  'inf', '-inf', '+INF', 'Infinity', '-infinity', '0e999999999999', '00012', '1.18973149535723176502e+4932',
];
const REJECTED = [
  '', ' 1', '\t1', '\n1', '1 ', 'abc', '1e', '1e+', '0x', '0x1p', '.', '-', '+', 'e5', 'nan', 'NaN', '-nan', 'nan(12)',
  'inf1', 'infinit', '1e5000', '-1e5000', '1e-5000', '0x1p99999', '0x1p-99999', '1\x00', '\x00', '1,5', '1_0', '0b101',
  '1.2.3', '--1', '+-1', '0x.', '0xp1', '1' + '0'.repeat(5119),
];

describe('parseLongDouble (string2ld)', () => {
  it('accepts what strtold consumes entirely', () => {
    for (const s of ACCEPTED) assert.notEqual(parseLongDouble(s), null, JSON.stringify(s));
  });
  it('rejects empty, space-led, garbage, NaN, ERANGE and 5120+ byte inputs', () => {
    for (const s of REJECTED) assert.equal(parseLongDouble(s), null, JSON.stringify(s));
    assert.notEqual(parseLongDouble('1.' + '0'.repeat(5117)), null);
    assert.equal(parseLongDouble('1.' + '0'.repeat(5118)), null);
  });
  it('keeps subnormals and rejects values that round to zero', () => {
    assert.notEqual(parseLongDouble('3.6e-4951'), null);
    assert.notEqual(parseLongDouble('1.9e-4951'), null);
    assert.equal(parseLongDouble('1.8e-4951'), null);
    assert.notEqual(parseLongDouble('0x1.8p-16446'), null);
    assert.equal(parseLongDouble('0x1p-16446'), null);
  });
  it('rejects values that round past the largest long double', () => {
    assert.notEqual(parseLongDouble('1.18973149535723176503e+4932'), null);
    assert.equal(parseLongDouble('1.189731495357231765054e4932'), null);
    assert.notEqual(parseLongDouble('0x1.fffffffffffffffep16383'), null);
    assert.equal(parseLongDouble('0x1.ffffffffffffffffp16383'), null);
    assert.equal(parseLongDouble('0x1p16384'), null);
  });
});

describe('parseDouble (string2d)', () => {
  it('agrees with JS number parsing on decimal input', () => {
    for (const s of ['1.5', '-0.1', '1e308', '4.9e-324', '123456789012345678901234567890', '.5', '5.', '+3']) {
      assert.equal(parseDouble(s), Number(s), s);
    }
    assert.ok(Object.is(parseDouble('-0'), -0));
  });
  it('parses hex floats and infinities', () => {
    assert.equal(parseDouble('0x10'), 16);
    assert.equal(parseDouble('0x1.8p1'), 3);
    assert.equal(parseDouble('-0x1p-1074'), -5e-324);
    assert.equal(parseDouble('0x1.fffffffffffffp1023'), Number.MAX_VALUE);
    assert.equal(parseDouble('inf'), Infinity);
    assert.equal(parseDouble('-Infinity'), -Infinity);
  });
  it('rejects what string2d rejects', () => {
    for (const s of ['', ' 1', '1 ', 'nan', '1e309', '1e-400', '0x1p1024', '0x1p-1076', '1\x00', '0x', 'Infinity1']) {
      assert.equal(parseDouble(s), null, JSON.stringify(s));
    }
    assert.equal(parseDouble('1e-320'), 1e-320); // subnormal: accepted
  });
});

describe('scanFloat', () => {
  it('splits digits and exponents', () => {
    assert.deepEqual(scanFloat('-12.50e3'), { kind: 'dec', neg: true, digits: '1250', exp: 1 });
    assert.deepEqual(scanFloat('0x1.8p1'), { kind: 'hex', neg: false, digits: '18', exp: -3 });
    const huge = scanFloat('1e99999999999999999');
    assert.ok(huge !== null && huge.kind === 'dec' && huge.exp >= 1_000_000_000);
    const tiny = scanFloat(`0.${'0'.repeat(1000)}1e-99999999999999999`);
    assert.ok(tiny !== null && tiny.kind === 'dec' && tiny.exp <= -1_000_000_000);
  });
});
