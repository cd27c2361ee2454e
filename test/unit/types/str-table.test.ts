// StrTable and its Dict (the "hashtable" encoding of hashes, sets and zset
// member indexes): a model check against a Map through small <-> hashed
// transitions, page growth and compaction; SCAN's guarantee (every element
// present for the whole scan is returned) across growth and shrinking
// rehashes; random entries uniform and live after mass deletion.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dict } from '../../../src/keyspace/dict.js';
import { StrTable } from '../../../src/types/str-table.js';
import { SeededRandom } from '../../helpers/seeded-random.js';

function seededRandom(seed: number): () => number {
  const r = new SeededRandom(seed);
  return () => r.next();
}

function contents<V>(t: StrTable<V>): Map<string, V> {
  const m = new Map<string, V>();
  t.forEach((k, v) => {
    assert.equal(m.has(k), false, `duplicate ${k}`);
    m.set(k, v);
  });
  return m;
}

/** A full SCAN of `t` (COUNT `count`), with `between` run after every call. */
function fullScan<V>(t: StrTable<V>, count: number, between: (calls: number) => void = () => {}): Set<string> {
  const seen = new Set<string>();
  let cursor = 0;
  let calls = 0;
  do {
    cursor = t.scan(cursor, count, count * 10, (k) => seen.add(k));
    between(++calls);
    assert.ok(calls < 1_000_000, 'scan terminates');
  } while (cursor !== 0);
  return seen;
}

describe('StrTable', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches a Map under random writes (seed ${seed})`, () => {
      const rnd = seededRandom(seed);
      const t = new StrTable<string>(true);
      const model = new Map<string, string>();
      // Key ranges that move the table across small, hashed, multi-page and back.
      for (const range of [6, 20, 300, 40000, 12]) {
        for (let i = 0; i < Math.max(200, range * 3); i++) {
          const k = `k${Math.floor(rnd() * range)}`;
          if (rnd() < 0.6) {
            const v = `v${i}`;
            assert.equal(t.set(k, v), !model.has(k));
            model.set(k, v);
          } else {
            assert.equal(t.delete(k), model.delete(k));
          }
        }
        assert.equal(t.size, model.size);
        assert.deepEqual(contents(t), model);
        for (let i = 0; i < 50; i++) {
          const k = `k${Math.floor(rnd() * range * 2)}`;
          assert.equal(t.get(k), model.get(k));
          assert.equal(t.has(k), model.has(k));
        }
      }
      // Empty it through deletions.
      for (const k of [...model.keys()]) assert.equal(t.delete(k), true);
      assert.equal(t.size, 0);
      assert.deepEqual(contents(t), new Map());
    });
  }

  it('number values stay numbers through growth, deletion and compaction', () => {
    const t = new StrTable<number>(true);
    for (let i = 0; i < 50000; i++) t.insertNew(`m${i}`, i + 0.5);
    for (let i = 0; i < 49900; i++) assert.equal(t.delete(`m${i}`), true);
    assert.equal(t.size, 100);
    for (let i = 49900; i < 50000; i++) assert.equal(t.get(`m${i}`), i + 0.5);
    const e = t.find('m49950');
    t.setValueAt(e, -1.25);
    assert.equal(t.get('m49950'), -1.25);
  });

  it('sets store no values', () => {
    const t = new StrTable(false);
    for (let i = 0; i < 100; i++) assert.equal(t.set(`m${i}`, undefined), true);
    assert.equal(t.set('m5', undefined), false);
    assert.equal(t.get('m5'), undefined);
    let n = 0;
    t.scan(0, 1000, 10000, (k, v) => {
      assert.equal(v, undefined);
      assert.ok(k.startsWith('m'));
      n++;
    });
    assert.ok(n > 0);
  });

  it('SCAN returns each element once on a stable table, and nothing extra', () => {
    for (const n of [1, 5, 9, 100, 5000]) {
      const t = new StrTable(false);
      for (let i = 0; i < n; i++) t.insertNew(`m${i}`, undefined);
      const seen: string[] = [];
      let cursor = 0;
      do cursor = t.scan(cursor, 7, 70, (k) => seen.push(k)); while (cursor !== 0);
      assert.equal(seen.length, n, `n=${n}`);
      assert.equal(new Set(seen).size, n);
    }
  });

  it('SCAN returns every element present throughout, while the table grows (rehashing)', () => {
    const t = new StrTable(false);
    for (let i = 0; i < 1000; i++) t.insertNew(`old${i}`, undefined);
    let added = 0;
    const seen = fullScan(t, 5, () => {
      for (let j = 0; j < 20; j++) t.insertNew(`new${added++}`, undefined);
    });
    assert.ok(added > 2000, 'the table grew several times during the scan');
    for (let i = 0; i < 1000; i++) assert.ok(seen.has(`old${i}`), `old${i} missed`);
  });

  it('SCAN returns every element present throughout, while the table shrinks and compacts', () => {
    const t = new StrTable(false);
    for (let i = 0; i < 60000; i++) t.insertNew(`m${i}`, undefined);
    // Elements 0..99 stay; the rest go while the scan runs.
    let next = 100;
    const seen = fullScan(t, 10, () => {
      for (let j = 0; j < 500 && next < 60000; j++) t.delete(`m${next++}`);
    });
    assert.equal(next, 60000, 'everything else was deleted during the scan');
    for (let i = 0; i < 100; i++) assert.ok(seen.has(`m${i}`), `m${i} missed`);
  });

  it('randomEntry: roughly uniform, and live after mass deletion (sparse path)', () => {
    const rnd = seededRandom(7);
    const t = new StrTable(false);
    for (let i = 0; i < 20; i++) t.insertNew(`m${i}`, undefined);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const k = t.keyAt(t.randomEntry(rnd));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    assert.equal(counts.size, 20);
    for (const c of counts.values()) assert.ok(c > 700 && c < 1300, `count ${c}`);

    const d = new Dict<undefined>(undefined, { values: false, smallStart: true });
    for (let i = 0; i < 30000; i++) d.insertNew(`m${i}`, undefined);
    for (let i = 0; i < 30000; i += 1) if (i % 100 !== 0) d.delete(`m${i}`);
    assert.equal(d.size, 300);
    const picked = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const e = d.randomEntry(rnd);
      const k = d.keyAt(e);
      assert.equal(Number(k.slice(1)) % 100, 0);
      picked.add(k);
    }
    assert.ok(picked.size > 250, `picked ${picked.size} of 300`);
  });
});
