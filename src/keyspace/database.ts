// One logical database: keys → values plus a side table of expiry times.
// Lookups expire keys lazily (as Redis's expireIfNeeded); the active cycle in
// keyspace.ts reclaims the keys nobody reads.

import { Dict } from './dict.js';
import type { RedisValue } from '../types/value.js';
import type { Keyspace } from './keyspace.js';

/**
 * Installed by an RDB snapshot job (persistence/rdb-snapshot.ts) on a database
 * whose keys it has not all written yet: copy-on-write at key granularity.
 */
export interface SnapshotGuard {
  /** Before `key`'s value, TTL or access time changes or it goes: the job writes its current state if not yet written. */
  beforeWrite(key: string): void;
  /** Whether reads must call beforeWrite too (the file records access times as IDLE). */
  readonly tracksAccess: boolean;
}

export class Database {
  dict = new Dict<RedisValue | undefined>(undefined, { trackLru: true });
  /** key → absolute expiry in ms. */
  expires = new Dict<number>(0);
  /** Cursor of the active expiry cycle over `expires`. */
  expireCursor = 0;
  /** Average TTL of keys sampled by the active cycle (INFO keyspace avg_ttl). */
  avgTtl = 0;
  /** Non-null while a snapshot job still has keys of `dict` to write; it moves with `dict` (SWAPDB). */
  snapshotGuard: SnapshotGuard | null = null;

  constructor(readonly id: number, readonly keyspace: Keyspace) {}

  get size(): number {
    return this.dict.size;
  }

  /** Lookup for reading: expires lazily, counts keyspace hits/misses, touches the access clock. */
  lookupRead(key: string): RedisValue | undefined {
    if (this.snapshotGuard !== null && this.snapshotGuard.tracksAccess) this.snapshotGuard.beforeWrite(key);
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) {
      this.keyspace.stats.keyspaceMisses++;
      if (this.keyspace.emitsKeyMissEvents) this.keyspace.notify('m', 'keymiss', key, this.id);
      return undefined;
    }
    const e = this.dict.find(key);
    if (e === -1) {
      this.keyspace.stats.keyspaceMisses++;
      if (this.keyspace.emitsKeyMissEvents) this.keyspace.notify('m', 'keymiss', key, this.id);
      return undefined;
    }
    this.keyspace.stats.keyspaceHits++;
    this.dict.setLruAt(e, this.keyspace.lruClock);
    return this.dict.valueAt(e);
  }

  /** Lookup before a write: expires lazily and touches the access clock, no hit/miss stats. */
  lookupWrite(key: string): RedisValue | undefined {
    const e = this.findForWrite(key);
    return e === -1 ? undefined : this.dict.valueAt(e);
  }

  /**
   * lookupWrite returning the key's table entry (-1 when missing), for
   * read-modify-write commands that then store with `dict.setValueAt(e, v)`
   * instead of looking the key up a second time. The entry index is valid
   * until the next insertion or deletion.
   */
  findForWrite(key: string): number {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeWrite(key);
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) return -1;
    const e = this.dict.find(key);
    if (e !== -1) this.dict.setLruAt(e, this.keyspace.lruClock);
    return e;
  }

  /** Lookup that neither counts nor touches (OBJECT, DEBUG, TYPE-like introspection); still expires. */
  lookupNoTouch(key: string): RedisValue | undefined {
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) return undefined;
    return this.dict.get(key);
  }

  /** Whether `key` exists (lazy expiry applies). */
  exists(key: string): boolean {
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) return false;
    return this.dict.has(key);
  }

  /**
   * Redis's setKey: stores `value`, dropping any TTL unless `keepTtl`.
   * The caller signals the modification (ctx.modified).
   */
  setKey(key: string, value: RedisValue, keepTtl = false): void {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeWrite(key);
    const e = this.dict.find(key);
    if (e === -1) {
      const n = this.dict.insertNew(key, value);
      this.dict.setLruAt(n, this.keyspace.lruClock);
      if (this.keyspace.emitsNewKeyEvents) this.keyspace.notify('n', 'new', key, this.id);
      return;
    }
    this.dict.setValueAt(e, value);
    this.dict.setLruAt(e, this.keyspace.lruClock);
    if (!keepTtl && this.expires.size !== 0) this.expires.delete(key);
  }

  /** Stores `value` under a key the caller knows is absent. */
  add(key: string, value: RedisValue): void {
    const n = this.dict.insertNew(key, value);
    this.dict.setLruAt(n, this.keyspace.lruClock);
    // As Redis's dbAdd (class n, only raised when notify-keyspace-events asks for it).
    if (this.keyspace.emitsNewKeyEvents) this.keyspace.notify('n', 'new', key, this.id);
  }

  /** Replaces the value of an existing key, keeping its TTL (in-place updates). */
  overwrite(key: string, value: RedisValue): void {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeWrite(key);
    const e = this.dict.find(key);
    if (e === -1) this.add(key, value);
    else this.dict.setValueAt(e, value);
  }

  /** Deletes `key` and its TTL; true if it existed. No expiry check: callers look up first. */
  delete(key: string): boolean {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeWrite(key);
    if (!this.dict.delete(key)) return false;
    if (this.expires.size !== 0) this.expires.delete(key);
    return true;
  }

  /** Absolute expiry in ms, or -1 without one. */
  getExpire(key: string): number {
    if (this.expires.size === 0) return -1;
    const at = this.expires.get(key);
    return at === undefined ? -1 : at;
  }

  setExpire(key: string, atMs: number): void {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeWrite(key);
    this.expires.set(key, atMs);
  }

  /** Removes a TTL; true if there was one. */
  removeExpire(key: string): boolean {
    if (this.snapshotGuard !== null) this.snapshotGuard.beforeWrite(key);
    return this.expires.size !== 0 && this.expires.delete(key);
  }

  /** The access-clock word of `key` (seconds, see Keyspace.lruClock), or -1. */
  accessClock(key: string): number {
    const e = this.dict.find(key);
    return e === -1 ? -1 : this.dict.lruAt(e);
  }

  /**
   * Deletes `key` if its TTL has passed; true if it is gone (or, while expiry
   * is paused, logically gone). The deletion is
   * reported to the keyspace (stats, notification, propagation as DEL).
   */
  expireIfNeeded(key: string): boolean {
    const at = this.expires.get(key);
    // As Redis's keyIsExpired (now > when): a key lives through its expiry millisecond.
    // Nothing expires while a data file loads (Redis's keyIsExpired): a later
    // command in the file may still act on the key.
    if (at === undefined || at >= this.keyspace.clock.now() || this.keyspace.loading) return false;
    // As Redis during CLIENT PAUSE: the key reads as missing but stays
    // (writes are held during a pause, so nothing can re-add it meanwhile).
    if (this.keyspace.isExpiryPaused) return true;
    this.deleteExpired(key);
    return true;
  }

  /** Deletes a key whose TTL has passed, reporting it as Redis's deleteExpiredKeyAndPropagate. */
  deleteExpired(key: string): void {
    this.delete(key);
    this.keyspace.keyExpired(this, key);
  }

  /** Random live key (expired ones met on the way are deleted), or null. As Redis's dbRandomKey. */
  randomKey(): string | null {
    const random = this.keyspace.random;
    for (let tries = 0; this.dict.size > 0; tries++) {
      const e = this.dict.randomEntry(random);
      const key = this.dict.keyAt(e);
      if (this.expires.size !== 0 && this.expireIfNeeded(key)) continue;
      return key;
    }
    return null;
  }

  /** Drops every key; returns how many there were. */
  clear(): number {
    const n = this.dict.size;
    if (this.snapshotGuard !== null) {
      // The snapshot keeps the old tables (nobody writes them any more) and
      // finishes writing them; this database starts afresh.
      this.snapshotGuard = null;
      this.dict = new Dict<RedisValue | undefined>(undefined, { trackLru: true });
      this.expires = new Dict<number>(0);
    } else {
      this.dict.clear();
      this.expires.clear();
    }
    this.expireCursor = 0;
    this.avgTtl = 0;
    return n;
  }

  /** Exchanges contents with another database (SWAPDB). */
  swapWith(other: Database): void {
    const fields = ['dict', 'expires', 'expireCursor', 'avgTtl', 'snapshotGuard'] as const;
    for (const f of fields) {
      const mine = this[f];
      (this as unknown as Record<string, unknown>)[f] = other[f];
      (other as unknown as Record<string, unknown>)[f] = mine;
    }
  }
}
