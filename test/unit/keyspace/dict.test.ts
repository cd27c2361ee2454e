// Dict: lookups stay correct through incremental rehashing and compaction,
// SCAN returns every key present for a whole scan while the table grows and
// shrinks under it, and randomEntry samples sensibly.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dict } from '../../../src/keyspace/dict.js';
import { SeededRandom } from '../../helpers/seeded-random.js';

const SEEDS = [1, 7, 42, 1234, 99991];

function checkAll(d: Dict<number>, model: Map<string, number>, context: string): void {
  assert.equal(d.size, model.size, `${context}: size`);
  for (const [k, v] of model) assert.equal(d.get(k), v, `${context}: ${k}`);
}

describe('Dict lookups', () => {
  it('finds every key after each insert, including inserts made while a rehash is in progress', () => {
    const d = new Dict<number>(0);
    const model = new Map<string, number>();
    let sawRehash = false;
    for (let i = 0; i < 3000; i++) {
      d.set(`key:${i}`, i);
      model.set(`key:${i}`, i);
      if (d.isRehashing) sawRehash = true;
      // Spot-check the newest keys every time, everything now and then.
      for (let j = Math.max(0, i - 8); j <= i; j++) assert.equal(d.get(`key:${j}`), j, `after insert ${i}: key:${j}`);
      if (i % 257 === 0) checkAll(d, model, `insert ${i}`);
    }
    assert.ok(sawRehash, 'the table rehashed at least once');
    checkAll(d, model, 'end');
  });

  it('set() never creates a duplicate entry for an existing key during a rehash', () => {
    const d = new Dict<number>(0);
    for (let i = 0; i < 200; i++) {
      d.set(`k${i}`, i);
      d.set(`k${i}`, i + 1); // same key again, possibly mid-rehash
    }
    assert.equal(d.size, 200);
    assert.equal(d.keys().length, 200);
  });

  for (const seed of SEEDS) {
    it(`random inserts and deletes match a Map model (seed ${seed})`, () => {
      const rnd = new SeededRandom(seed);
      const d = new Dict<number>(0);
      const model = new Map<string, number>();
      for (let step = 0; step < 20000; step++) {
        // Phases of growth and shrinkage so both kinds of rehash happen.
        const growing = Math.floor(step / 2500) % 2 === 0;
        const key = `k${rnd.int(0, 3000)}`;
        if (rnd.chance(growing ? 0.7 : 0.25)) {
          d.set(key, step);
          model.set(key, step);
        } else {
          assert.equal(d.delete(key), model.delete(key), `seed ${seed} step ${step}: delete ${key}`);
        }
        if (step % 997 === 0) checkAll(d, model, `seed ${seed} step ${step}`);
      }
      checkAll(d, model, `seed ${seed} end`);
      assert.deepEqual(new Set(d.keys()), new Set(model.keys()));
    });
  }

  it('keeps keys, values and access words when mass deletion compacts the entry pages', () => {
    const d = new Dict<number>(0, { trackLru: true });
    const n = 40000;
    for (let i = 0; i < n; i++) {
      const e = d.insertNew(`c${i}`, i);
      d.setLruAt(e, i * 3);
    }
    for (let i = 0; i < n; i++) if (i % 10 !== 0) assert.ok(d.delete(`c${i}`));
    assert.equal(d.size, n / 10);
    for (let i = 0; i < n; i += 10) {
      const e = d.find(`c${i}`);
      assert.notEqual(e, -1, `c${i}`);
      assert.equal(d.valueAt(e), i);
      assert.equal(d.lruAt(e), i * 3);
    }
  });
});

/** One full SCAN; between steps, `mutate` may change the table. Returns every key visited. */
function fullScan(d: Dict<number>, mutate: () => void, maxSteps = 1_000_000): Set<string> {
  const seen = new Set<string>();
  let cursor = 0;
  let steps = 0;
  do {
    cursor = d.scan(cursor, (k) => seen.add(k));
    mutate();
    assert.ok(++steps < maxSteps, 'scan terminates');
  } while (cursor !== 0);
  return seen;
}

describe('Dict SCAN', () => {
  it('visits every key exactly once on a stable table', () => {
    const d = new Dict<number>(0);
    for (let i = 0; i < 1000; i++) d.set(`s${i}`, i);
    const seen: string[] = [];
    let cursor = 0;
    do cursor = d.scan(cursor, (k) => seen.push(k)); while (cursor !== 0);
    assert.equal(seen.length, 1000);
    assert.equal(new Set(seen).size, 1000);
  });

  it('returns 0 at once for an empty table', () => {
    assert.equal(new Dict<number>(0).scan(0, () => assert.fail('no keys')), 0);
  });

  for (const seed of SEEDS) {
    it(`returns every key present throughout while keys are added and removed (seed ${seed})`, () => {
      const rnd = new SeededRandom(seed);
      const d = new Dict<number>(0);
      const stable = new Set<string>();
      for (let i = 0; i < 500; i++) {
        d.set(`stable:${i}`, i);
        stable.add(`stable:${i}`);
      }
      const everPresent = new Set<string>(stable);
      const volatile: string[] = [];
      let next = 0;
      let sawRehash = false;
      let grew = false;
      let shrank = false;
      let phase = 0;
      const seen = fullScan(d, () => {
        phase++;
        // Grow to several thousand keys, then drop back below the stable set's size twice over.
        const growing = phase % 60 < 30;
        const ops = rnd.int(1, 120);
        for (let i = 0; i < ops; i++) {
          if (growing || volatile.length === 0) {
            const k = `vol:${next++}`;
            d.set(k, next);
            volatile.push(k);
            everPresent.add(k);
          } else {
            const idx = rnd.int(0, volatile.length - 1);
            const k = volatile[idx]!;
            volatile[idx] = volatile[volatile.length - 1]!;
            volatile.pop();
            assert.ok(d.delete(k));
          }
        }
        const before = d.size;
        if (d.isRehashing) sawRehash = true;
        if (growing) grew ||= before > 2000;
        else shrank ||= volatile.length < 100;
      });
      for (const k of stable) assert.ok(seen.has(k), `seed ${seed}: ${k} was present throughout but not returned`);
      for (const k of seen) assert.ok(everPresent.has(k), `seed ${seed}: ${k} never existed`);
      assert.ok(sawRehash, 'a rehash was in progress during the scan');
      assert.ok(grew || shrank, 'the table changed size during the scan');
    });
  }

  for (const seed of SEEDS) {
    it(`returns every key present throughout a scan that spans a large shrink (seed ${seed})`, () => {
      const rnd = new SeededRandom(seed);
      const d = new Dict<number>(0);
      const doomed: string[] = [];
      for (let i = 0; i < 8000; i++) {
        d.set(`d${i}`, i);
        doomed.push(`d${i}`);
      }
      const stable: string[] = [];
      for (let i = 0; i < 300; i++) {
        d.set(`keep${i}`, i);
        stable.push(`keep${i}`);
      }
      const seen = fullScan(d, () => {
        for (let i = rnd.int(50, 400); i > 0 && doomed.length > 0; i--) d.delete(doomed.pop()!);
        if (rnd.chance(0.3)) d.rehashStep(rnd.int(1, 8));
      });
      for (const k of stable) assert.ok(seen.has(k), `seed ${seed}: ${k} missing`);
    });
  }
});

describe('Dict randomEntry', () => {
  it('is roughly uniform over a dense table', () => {
    const rnd = new SeededRandom(5);
    const d = new Dict<number>(0);
    const n = 50;
    for (let i = 0; i < n; i++) d.set(`r${i}`, i);
    const counts = new Map<string, number>();
    const samples = 50000;
    for (let i = 0; i < samples; i++) {
      const k = d.keyAt(d.randomEntry(() => rnd.next()));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    assert.equal(counts.size, n);
    const expected = samples / n;
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - expected) ** 2 / expected;
    // 49 degrees of freedom: the 99.99th percentile is about 97.
    assert.ok(chi2 < 100, `chi-square ${chi2.toFixed(1)} too large`);
  });

  it('reaches every key of a sparse table left by mass deletion', () => {
    const rnd = new SeededRandom(11);
    const d = new Dict<number>(0);
    for (let i = 0; i < 5000; i++) d.set(`p${i}`, i);
    for (let i = 0; i < 5000; i++) if (i % 100 !== 0) d.delete(`p${i}`);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const e = d.randomEntry(() => rnd.next());
      assert.notEqual(e, -1);
      const k = d.keyAt(e);
      assert.ok(k.startsWith('p') && Number(k.slice(1)) % 100 === 0, `live key, got ${k}`);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    assert.equal(counts.size, 50);
    for (const [k, c] of counts) assert.ok(c < 20000 / 50 * 6, `${k} drawn ${c} times`);
  });

  it('returns -1 for an empty table', () => {
    assert.equal(new Dict<number>(0).randomEntry(), -1);
  });
});
