// More than 2^24 members in one set and one hash (a JS Map/Set caps at
// 2^24): size, membership, random members, a full SSCAN and a partial HSCAN.
// Slow (about a minute, ~1.7 GB RSS): runs only with RESPITE_LONG_TESTS=1.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HashValue } from '../../../src/types/hash-value.js';
import { SetValue } from '../../../src/types/set-value.js';

const N = 17_000_000;
const skip = process.env.RESPITE_LONG_TESTS === '1' ? false : 'set RESPITE_LONG_TESTS=1 to run';

describe('collections past 2^24 members', { skip, timeout: 600_000 }, () => {
  it(`${N} members in one set and one hash`, () => {
    const t0 = performance.now();
    const set = new SetValue(false);
    const hash = new HashValue();
    hash.convert();
    for (let i = 0; i < N; i++) {
      const m = `m${i}`;
      assert.ok(set.add(m, 512));
      if (!hash.set(m, 'v')) assert.fail(`field ${m} not new`);
    }
    assert.equal(set.size, N);
    assert.equal(hash.size, N);
    assert.equal(set.encoding(), 'hashtable');
    assert.equal(hash.encoding(), 'hashtable');
    for (let i = 0; i < N; i += 9973) {
      assert.equal(set.has(`m${i}`), true);
      assert.equal(hash.get(`m${i}`), 'v');
    }
    assert.equal(set.has(`m${N}`), false);
    assert.equal(hash.get('x1'), undefined);
    // Updates and deletes past 2^24.
    assert.equal(hash.set(`m${N - 1}`, 'w'), false);
    assert.equal(hash.get(`m${N - 1}`), 'w');
    assert.equal(set.remove(`m${N - 1}`), true);
    assert.equal(set.size, N - 1);
    assert.equal(set.add(`m${N - 1}`, 512), true);
    // Random members are members, spread over the whole range.
    let x = 12345;
    const rnd = (): number => {
      x = (x * 48271) % 2147483647;
      return x / 2147483647;
    };
    let high = 0;
    for (let i = 0; i < 1000; i++) {
      const m = set.random(rnd);
      const idx = Number(m.slice(1));
      assert.ok(idx >= 0 && idx < N);
      if (idx >= 1 << 24) high++;
      assert.ok(hash.has(hash.randomPair(rnd)[0]));
    }
    assert.ok(high > 0, 'random members past index 2^24');
    const built = performance.now();
    // A full SSCAN iteration of the set returns every member exactly once
    // (stable table); the member's index is parsed without allocating.
    const seen = new Uint8Array(N);
    let cursor = 0;
    let total = 0;
    let dup = 0;
    do {
      cursor = set.ht!.scan(cursor, 1000, 10000, (k) => {
        let idx = 0;
        for (let j = 1; j < k.length; j++) idx = idx * 10 + k.charCodeAt(j) - 48;
        if (seen[idx]++ !== 0) dup++;
        total++;
      });
    } while (cursor !== 0);
    assert.equal(dup, 0);
    assert.equal(total, N);
    assert.equal(seen.indexOf(0), -1);
    // HSCAN: the first calls reply distinct fields with their values.
    const fields = new Set<string>();
    cursor = 0;
    for (let call = 0; call < 100; call++) {
      cursor = hash.ht!.scan(cursor, 10, 200, (f, v) => {
        assert.equal(v, f === `m${N - 1}` ? 'w' : 'v');
        assert.equal(fields.has(f), false);
        fields.add(f);
      });
      assert.notEqual(cursor, 0);
    }
    assert.ok(fields.size >= 1000);
    const mem = process.memoryUsage();
    console.log(`# ${N} members in a set and a hash: build+checks ${((built - t0) / 1000).toFixed(1)} s, ` +
      `full set scan ${((performance.now() - built) / 1000).toFixed(1)} s, heapUsed ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, ` +
      `rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`);
  });
});
