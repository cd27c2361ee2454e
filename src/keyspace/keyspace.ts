// The numbered databases of one server, the clock they share, keyspace
// statistics, the active expiry cycle, and the hooks through which writes
// reach WATCH, keyspace notifications and propagation (AOF, replicas).

import type { Clock } from './clock.js';
import { Database } from './database.js';

export interface KeyspaceStats {
  keyspaceHits: number;
  keyspaceMisses: number;
  expiredKeys: number;
  expiredStalePerc: number;
  expiredTimeCapReachedCount: number;
  expireCycleCpuMs: number;
}

/** Receives every change to the keyspace; see notify.ts for what is built on it. */
export interface KeyspaceListener {
  /** A key's value changed or the key was removed (Redis's signalModifiedKey). */
  keyModified?(db: Database, key: string): void;
  /** A keyspace event (Redis's notifyKeyspaceEvent); `type` is the class letter. */
  event?(type: string, event: string, key: string, dbId: number): void;
  /** A write to replay elsewhere (AOF, replicas), as argv in db `dbId`. */
  propagate?(dbId: number, argv: readonly string[]): void;
  /** A whole database was emptied or swapped (FLUSHDB/FLUSHALL/SWAPDB); `dbId` -1 for all. */
  databaseReplaced?(dbId: number): void;
  /**
   * Before `emptied` loses its contents: to nothing (FLUSHDB/FLUSHALL,
   * `replacedWith` null) or to those of `replacedWith` (SWAPDB, called for each side).
   */
  beforeDatabaseReplaced?(emptied: Database, replacedWith: Database | null): void;
}

export class Keyspace {
  readonly dbs: Database[];
  readonly stats: KeyspaceStats = {
    keyspaceHits: 0, keyspaceMisses: 0, expiredKeys: 0,
    expiredStalePerc: 0, expiredTimeCapReachedCount: 0, expireCycleCpuMs: 0,
  };
  /** Write counter since the last save (Redis's server.dirty). */
  dirty = 0;
  /** Coarse clock in seconds for per-key access times (Redis's LRU clock, 1 s resolution). */
  lruClock: number;
  /** CLIENT PAUSE WRITE also pauses expiry, so data stays as it is. */
  isExpiryPaused = false;
  /** DEBUG SET-ACTIVE-EXPIRE 0 turns the active cycle off. */
  activeExpireEnabled = true;
  /** A data file is loading: keys don't expire (lazily or actively) until it is done. */
  loading = false;
  private readonly listenerList: KeyspaceListener[] = [];
  // The listeners' hooks as plain functions, one array per hook: every write
  // calls them, and a loop of optional method lookups over listeners of
  // different shapes costs more than the hooks themselves.
  private keyModifiedHooks: ((db: Database, key: string) => void)[] = [];
  private eventHooks: ((type: string, event: string, key: string, dbId: number) => void)[] = [];
  private propagateHooks: ((dbId: number, argv: readonly string[]) => void)[] = [];
  /**
   * Whether key misses (class m) and new keys (class n) raise events: set by
   * notify.ts from notify-keyspace-events, so lookups and inserts skip the
   * listener loop when nobody asked for these.
   */
  emitsKeyMissEvents = false;
  emitsNewKeyEvents = false;
  /** While EXEC runs, what it propagates is collected here, to be emitted as one MULTI/EXEC block. */
  propagationBuffer: [dbId: number, argv: readonly string[]][] | null = null;
  random: () => number = Math.random;
  /** Where the next active expiry cycle starts, so no database starves the others. */
  private expireDbIndex = 0;

  constructor(readonly clock: Clock, databases = 16) {
    this.dbs = Array.from({ length: databases }, (_, i) => new Database(i, this));
    this.lruClock = Math.floor(clock.now() / 1000);
  }

  db(index: number): Database {
    return this.dbs[index]!;
  }

  /** Refreshes the coarse clock; called from the server cron. */
  updateLruClock(): void {
    this.lruClock = Math.floor(this.clock.now() / 1000);
  }

  get listeners(): readonly KeyspaceListener[] {
    return this.listenerList;
  }

  addListener(listener: KeyspaceListener): void {
    if (this.listenerList.includes(listener)) return;
    this.listenerList.push(listener);
    this.rebuildHooks();
  }

  removeListener(listener: KeyspaceListener): void {
    const i = this.listenerList.indexOf(listener);
    if (i === -1) return;
    this.listenerList.splice(i, 1);
    this.rebuildHooks();
  }

  private rebuildHooks(): void {
    const ls = this.listenerList;
    this.keyModifiedHooks = ls.filter((l) => l.keyModified !== undefined).map((l) => l.keyModified!.bind(l));
    this.eventHooks = ls.filter((l) => l.event !== undefined).map((l) => l.event!.bind(l));
    this.propagateHooks = ls.filter((l) => l.propagate !== undefined).map((l) => l.propagate!.bind(l));
  }

  keyModified(db: Database, key: string): void {
    const hooks = this.keyModifiedHooks;
    for (let i = 0; i < hooks.length; i++) hooks[i]!(db, key);
  }

  notify(type: string, event: string, key: string, dbId: number): void {
    const hooks = this.eventHooks;
    for (let i = 0; i < hooks.length; i++) hooks[i]!(type, event, key, dbId);
  }

  propagate(dbId: number, argv: readonly string[]): void {
    if (this.propagationBuffer !== null) {
      this.propagationBuffer.push([dbId, argv]);
      return;
    }
    const hooks = this.propagateHooks;
    for (let i = 0; i < hooks.length; i++) hooks[i]!(dbId, argv);
  }

  /** A key was removed because its TTL passed (lazily or by the active cycle). */
  keyExpired(db: Database, key: string): void {
    this.stats.expiredKeys++;
    if (this.listenerList.length === 0) return;
    this.keyModified(db, key);
    this.notify('x', 'expired', key, db.id);
    this.propagate(db.id, ['DEL', key]);
  }

  flushAll(): number {
    for (const db of this.dbs) for (const l of this.listeners) l.beforeDatabaseReplaced?.(db, null);
    let n = 0;
    for (const db of this.dbs) n += db.clear();
    for (const l of this.listeners) l.databaseReplaced?.(-1);
    return n;
  }

  flushDb(db: Database): number {
    for (const l of this.listeners) l.beforeDatabaseReplaced?.(db, null);
    const n = db.clear();
    for (const l of this.listeners) l.databaseReplaced?.(db.id);
    return n;
  }

  swapDbs(a: number, b: number): void {
    for (const l of this.listeners) {
      l.beforeDatabaseReplaced?.(this.dbs[a]!, this.dbs[b]!);
      l.beforeDatabaseReplaced?.(this.dbs[b]!, this.dbs[a]!);
    }
    this.dbs[a]!.swapWith(this.dbs[b]!);
    for (const l of this.listeners) {
      l.databaseReplaced?.(a);
      l.databaseReplaced?.(b);
    }
  }

  /** Keys in all databases. */
  get totalKeys(): number {
    let n = 0;
    for (const db of this.dbs) n += db.size;
    return n;
  }

  /**
   * One slice of the active expiry cycle (Redis's activeExpireCycle): walks
   * each database's expires table with a SCAN cursor and deletes keys whose
   * time has passed, for at most `budgetMs`. Returns true if it stopped on
   * the time budget (more expired keys may be waiting).
   */
  activeExpireCycle(budgetMs: number): boolean {
    if (!this.activeExpireEnabled || this.isExpiryPaused || this.loading) return false;
    const start = performance.now();
    const deadline = start + budgetMs;
    const now = this.clock.now();
    let timedOut = false;
    let sampled = 0;
    let expired = 0;
    const dbCount = this.dbs.length;
    for (let n = 0; n < dbCount; n++) {
      const db = this.dbs[(this.expireDbIndex + n) % dbCount]!;
      if (db.expires.size === 0) continue;
      let ttlSum = 0;
      let ttlSamples = 0;
      // Visit about 20 keys per step (Redis's ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP),
      // and keep going while more than 10% of what we see is stale.
      for (;;) {
        let stepSampled = 0;
        let stepExpired = 0;
        do {
          db.expireCursor = db.expires.scan(db.expireCursor, (key) => {
            const at = db.expires.get(key);
            if (at === undefined) return;
            stepSampled++;
            if (at < now) { // Redis: now > when
              db.deleteExpired(key);
              stepExpired++;
            } else {
              ttlSum += at - now;
              ttlSamples++;
            }
          });
        } while (stepSampled < 20 && db.expireCursor !== 0 && db.expires.size > 0);
        sampled += stepSampled;
        expired += stepExpired;
        if (performance.now() > deadline) {
          timedOut = true;
          break;
        }
        if (db.expires.size === 0 || stepExpired * 10 <= stepSampled || db.expireCursor === 0) break;
      }
      if (ttlSamples > 0) {
        const avg = ttlSum / ttlSamples;
        // As Redis: a running average weighted towards the old value.
        db.avgTtl = db.avgTtl === 0 ? avg : (db.avgTtl / 50) * 49 + avg / 50;
      }
      if (timedOut) {
        this.expireDbIndex = (this.expireDbIndex + n) % dbCount;
        break;
      }
    }
    if (timedOut) this.stats.expiredTimeCapReachedCount++;
    if (sampled > 0) {
      const perc = expired / sampled;
      this.stats.expiredStalePerc = perc * 0.05 + this.stats.expiredStalePerc * 0.95;
    }
    this.stats.expireCycleCpuMs += performance.now() - start;
    return timedOut;
  }
}
