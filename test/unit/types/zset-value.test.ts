// ZSetValue under both encodings: the same operations give the same answers
// in listpack and skiplist form, conversions happen at Redis's limits.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZSetValue } from '../../../src/types/zset-value.js';
import { SeededRandom, testSeed } from '../../helpers/seeded-random.js';

const LIMITS = { entries: 1000, value: 1000 };

function all(z: ZSetValue): string {
  const out: string[] = [];
  z.forEach((m, s) => out.push(`${m}=${s}`));
  return out.join(',');
}

describe('ZSetValue', () => {
  it('converts to skiplist past the entry and value limits, one way', () => {
    const z = new ZSetValue();
    const limits = { entries: 3, value: 5 };
    z.set('a', 1, limits);
    z.set('b', 2, limits);
    z.set('c', 3, limits);
    assert.equal(z.encoding(), 'listpack');
    z.set('d', 4, limits);
    assert.equal(z.encoding(), 'skiplist');
    z.remove('d');
    assert.equal(z.encoding(), 'skiplist');
    const w = new ZSetValue();
    w.set('toolong', 1, limits);
    assert.equal(w.encoding(), 'skiplist');
  });

  it('answers the same in both encodings', () => {
    const seed = testSeed();
    const rnd = new SeededRandom(seed);
    const lp = new ZSetValue();
    const sl = ZSetValue.skiplist();
    for (let step = 0; step < 2000; step++) {
      const m = `k${rnd.int(0, 60)}`;
      const s = rnd.int(-5, 5);
      if (rnd.chance(0.3)) assert.equal(lp.remove(m), sl.remove(m));
      else assert.equal(lp.set(m, s, LIMITS), sl.set(m, s, LIMITS));
      if (step % 100 !== 0) continue;
      assert.equal(lp.encoding(), 'listpack', `seed ${seed}`);
      assert.equal(all(lp), all(sl), `seed ${seed}`);
      const r = { min: rnd.int(-6, 6), max: rnd.int(-6, 6), minex: rnd.chance(0.5), maxex: rnd.chance(0.5) };
      assert.equal(lp.countByScore(r), sl.countByScore(r));
      const a: string[] = [];
      const b: string[] = [];
      const rev = rnd.chance(0.5);
      lp.rangeByScore(r, rev, 1, 3, (x) => a.push(x));
      sl.rangeByScore(r, rev, 1, 3, (x) => b.push(x));
      assert.deepEqual(a, b);
      assert.equal(lp.rank(m, rev), sl.rank(m, rev));
    }
  });

  it('packs every member length and score kind exactly', () => {
    const lp = new ZSetValue();
    const sl = ZSetValue.skiplist();
    const limits = { entries: 1000, value: 100000 };
    const lens = [0, 1, 12, 13, 126, 127, 128, 255, 300, 70000];
    const scores = [0.1, -0, 1.5, -2.25, Infinity, -Infinity, 2 ** 53, 1e300, 16777217, 3, 5e-324];
    let k = 0;
    for (const len of lens) {
      for (const score of scores) {
        const m = String.fromCharCode(k % 256).repeat(len) + String.fromCharCode(255, k & 255, k >> 8);
        k++;
        assert.equal(lp.set(m, score, limits), sl.set(m, score, limits));
      }
    }
    assert.equal(lp.encoding(), 'listpack');
    assert.equal(lp.size, sl.size);
    assert.equal(all(lp), all(sl));
    for (let i = 0; i < lp.size; i += 7) {
      let a = '';
      let b = '';
      lp.at(i, (m, s) => { a = `${m}=${s}`; });
      sl.at(i, (m, s) => { b = `${m}=${s}`; });
      assert.equal(a, b);
      const m = a.slice(0, a.lastIndexOf('='));
      assert.ok(lp.score(m) === sl.score(m)); // -0 is 0 in a listpack only, as in Redis
      assert.equal(lp.rank(m, true), sl.rank(m, true));
    }
    assert.equal(lp.maxMemberLength(), 70003);
    // Redis's listpack keeps -0 as "0".
    assert.ok(Object.is(lp.score(String.fromCharCode(255, 1, 0)), 0));
    assert.equal(lp.removeRangeByRank(3, 20), sl.removeRangeByRank(3, 20));
    assert.equal(all(lp), all(sl));
    lp.convertToSkiplist();
    assert.equal(all(lp), all(sl));
  });
});
