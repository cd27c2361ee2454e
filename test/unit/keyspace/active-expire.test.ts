import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../src/keyspace/clock.js';
import { Keyspace } from '../../../src/keyspace/keyspace.js';

function fill(ks: Keyspace, db: number, count: number, ttlMs: number, prefix = 'k'): void {
  const d = ks.db(db);
  const at = ks.clock.now() + ttlMs;
  for (let i = 0; i < count; i++) {
    const key = `${prefix}${i}`;
    d.add(key, 'value');
    d.setExpire(key, at);
  }
}

describe('active expiry cycle', () => {
  it('reclaims keys nobody reads, in slices bounded by the time budget', () => {
    const clock = new ManualClock(1_000_000);
    const ks = new Keyspace(clock, 16);
    fill(ks, 0, 200_000, 100);
    fill(ks, 0, 1_000, 60_000, 'live');
    clock.advance(200);
    // A 1 ms slice stops on its budget: it cannot get through 200k keys
    // (about 2 µs each), however fast or loaded the machine is.
    assert.equal(ks.activeExpireCycle(1), true, 'the slice reports it stopped on the budget');
    assert.ok(ks.db(0).size > 1_000, 'one short slice did not expire everything');
    let cycles = 1;
    while (ks.db(0).size > 1_000 && cycles < 100_000) {
      ks.activeExpireCycle(25);
      cycles++;
    }
    assert.equal(ks.db(0).size, 1_000, 'only the keys with a future TTL remain');
    assert.equal(ks.stats.expiredKeys, 200_000);
    assert.ok(ks.stats.expiredTimeCapReachedCount >= 1);
    for (let i = 0; i < 1_000; i++) assert.ok(ks.db(0).exists(`live${i}`));
  });

  it('gives the memory of expired entries back (the table shrinks)', () => {
    const clock = new ManualClock(1_000_000);
    const ks = new Keyspace(clock, 1);
    fill(ks, 0, 100_000, 10);
    clock.advance(20);
    for (let i = 0; i < 1_000 && ks.db(0).size > 0; i++) ks.activeExpireCycle(25);
    assert.equal(ks.db(0).size, 0);
    assert.equal(ks.db(0).expires.size, 0);
    assert.equal(ks.db(0).dict.find('k1'), -1);
  });

  it('visits every database, not only the first', () => {
    const clock = new ManualClock(1_000_000);
    const ks = new Keyspace(clock, 4);
    for (let db = 0; db < 4; db++) fill(ks, db, 5_000, 10);
    clock.advance(20);
    for (let i = 0; i < 1_000 && ks.totalKeys > 0; i++) ks.activeExpireCycle(1);
    assert.equal(ks.totalKeys, 0);
  });

  it('does nothing while disabled or while expiry is paused', () => {
    const clock = new ManualClock(1_000_000);
    const ks = new Keyspace(clock, 1);
    fill(ks, 0, 100, 10);
    clock.advance(20);
    ks.activeExpireEnabled = false;
    ks.activeExpireCycle(25);
    assert.equal(ks.db(0).size, 100);
    ks.activeExpireEnabled = true;
    ks.isExpiryPaused = true;
    ks.activeExpireCycle(25);
    assert.equal(ks.db(0).size, 100);
  });
});
