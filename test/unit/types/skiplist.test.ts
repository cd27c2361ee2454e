// SkipList invariants after seeded random inserts, deletes and score
// updates: order, spans (every rank matches a linear walk), backward links.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SkipList } from '../../../src/types/skiplist.js';
import { SeededRandom, testSeed } from '../../helpers/seeded-random.js';

function check(zsl: SkipList, model: Map<string, number>): void {
  const expected = [...model].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  assert.equal(zsl.length, expected.length);
  let n = zsl.first();
  let prev = 0;
  for (let i = 0; i < expected.length; i++) {
    assert.notEqual(n, 0);
    assert.equal(zsl.member(n), expected[i]![0]);
    assert.equal(zsl.score(n), expected[i]![1]);
    assert.equal(zsl.prev(n), prev);
    assert.equal(zsl.rank(zsl.score(n), zsl.member(n)), i + 1);
    assert.equal(zsl.byRank(i + 1), n);
    prev = n;
    n = zsl.next(n);
  }
  assert.equal(n, 0);
  assert.equal(zsl.tail, prev);
  // Every level's spans add up to the distance between linked nodes.
  for (let lvl = 0; lvl < zsl.level; lvl++) {
    let x = zsl.header;
    let rank = 0;
    while (zsl.nextAt(x, lvl) !== 0) {
      const next = zsl.nextAt(x, lvl);
      assert.ok(zsl.levelOf(next) > lvl);
      rank += zsl.spanAt(x, lvl);
      assert.equal(zsl.rank(zsl.score(next), zsl.member(next)), rank, `span at level ${lvl}`);
      x = next;
    }
  }
}

describe('SkipList', () => {
  it('keeps order, ranks and spans through random operations', () => {
    const seed = testSeed();
    const rnd = new SeededRandom(seed);
    const zsl = new SkipList();
    const model = new Map<string, number>();
    try {
      for (let step = 0; step < 3000; step++) {
        const member = `m${rnd.int(0, 300)}`;
        const score = rnd.chance(0.3) ? rnd.int(0, 5) : rnd.next() * 100;
        const cur = model.get(member);
        const op = rnd.int(0, 2);
        if (cur === undefined) {
          zsl.insert(score, member);
          model.set(member, score);
        } else if (op === 0) {
          assert.equal(zsl.delete(cur, member), true);
          model.delete(member);
        } else {
          zsl.updateScore(cur, member, score);
          model.set(member, score);
        }
        if (step % 300 === 0) check(zsl, model);
      }
      check(zsl, model);
      assert.equal(zsl.delete(-1, 'absent'), false);
      const removed: string[] = [];
      const before = zsl.length;
      assert.equal(zsl.deleteRankRange(2, 11, (m) => removed.push(m)), 10);
      for (const m of removed) model.delete(m);
      assert.equal(zsl.length, before - 10);
      check(zsl, model);
    } catch (e) {
      console.error(`skiplist test seed ${seed}`);
      throw e;
    }
  });

  it('grows its node pool and reuses freed nodes', () => {
    const zsl = new SkipList();
    const model = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      zsl.insert(i % 97, `m${i}`);
      model.set(`m${i}`, i % 97);
    }
    check(zsl, model);
    // Score-range delete of everything scored 10..20, then refill the freed blocks.
    const first = zsl.firstInScoreRange({ min: 10, max: 20, minex: false, maxex: false });
    const removed: string[] = [];
    const n = zsl.deleteWhile(first, (x) => zsl.score(x) <= 20, (m) => removed.push(m));
    assert.equal(n, removed.length);
    for (const m of removed) model.delete(m);
    check(zsl, model);
    for (let i = 0; i < n; i++) {
      zsl.insert(-i, `r${i}`);
      model.set(`r${i}`, -i);
    }
    check(zsl, model);
  });
});
