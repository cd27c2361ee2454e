// ListValue against a plain-array model: seeded random operations across the
// flat and chunked representations.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ListValue } from '../../../src/types/list-value.js';
import { decodeListpack, encodeListpack } from '../../../src/persistence/rdb/listpack.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('ListValue', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches an array model (seed ${seed})`, () => {
      const r = rng(seed);
      const l = new ListValue();
      const model: string[] = [];
      for (let step = 0; step < 20000; step++) {
        const op = Math.floor(r() * 9);
        const v = `v${step}`;
        const i = Math.floor(r() * (model.length + 1));
        if (op <= 1) { l.pushTail(v); model.push(v); }
        else if (op <= 3) { l.pushHead(v); model.unshift(v); }
        else if (op === 4) assert.equal(l.popHead(), model.shift(), `seed ${seed} step ${step}`);
        else if (op === 5) assert.equal(l.popTail(), model.pop(), `seed ${seed} step ${step}`);
        else if (op === 6 && r() < 0.1) { l.insertAt(i, v); model.splice(i, 0, v); }
        else if (op === 7 && model.length > 0 && r() < 0.1) { const j = i % model.length; l.removeAt(j); model.splice(j, 1); }
        else if (model.length > 0) { const j = i % model.length; assert.equal(l.get(j), model[j]); }
        assert.equal(l.length, model.length);
      }
      assert.deepEqual(l.toArray(), model);
      l.trim(3, model.length - 4);
      assert.deepEqual(l.toArray(), model.slice(3, model.length - 3));
      assert.equal(l.encoding(), 'quicklist');
    });
  }

  it('listpack encode/decode round-trips integers and strings', () => {
    const items = ['0', '127', '128', '-1', '-4096', '4095', '-32768', '32767', '8388607', '-2147483648', '2147483647',
      '9223372036854775807', '-9223372036854775808', '9223372036854775808', '01', '', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(5000)];
    assert.deepEqual(decodeListpack(encodeListpack(items)), items);
  });
});
