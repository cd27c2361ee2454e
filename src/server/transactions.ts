// MULTI/EXEC/WATCH state (Redis's multi.c): the per-client queue and dirty
// flags, the per-database index of WATCHed keys, and EXEC itself, which runs
// the queued commands through the dispatcher's call() like any other command.

import { EXEC_ABORT, type RedisError } from '../errors.js';
import type { RegisteredCommand } from '../commands/registry.js';
import type { Database } from '../keyspace/database.js';
import type { Keyspace, KeyspaceListener } from '../keyspace/keyspace.js';
import type { Client } from './client.js';
import { call } from './dispatcher.js';
import type { Server } from './server.js';

/** One WATCHed key of one client (Redis's watchedKey). */
interface WatchedKey {
  readonly client: Client;
  readonly db: Database;
  readonly key: string;
  /** The key was already logically expired when WATCH was called. */
  expired: boolean;
}

interface QueuedCommand {
  readonly cmd: RegisteredCommand;
  readonly argv: string[];
}

/** A client's MULTI queue and WATCHed keys (held in client.transaction). */
export class TransactionState {
  queue: QueuedCommand[] = [];
  /** A command was rejected while queueing: EXEC replies EXECABORT (CLIENT_DIRTY_EXEC). */
  dirtyExec = false;
  /** A WATCHed key was touched: EXEC replies a null array (CLIENT_DIRTY_CAS, CLIENT LIST flag d). */
  dirtyCas = false;
  watched: WatchedKey[] = [];
}

/** Pointer size Redis adds per queued argument to multi-mem (sizeof(robj*)). */
const ARGV_POINTER_BYTES = 8;

/** Commands that run at once inside MULTI instead of being queued (as processCommand). */
const NOT_QUEUED = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

/** Whether `cmd` is queued rather than run when `client` is inside MULTI. */
export function isQueuedInMulti(cmd: RegisteredCommand): boolean {
  return !NOT_QUEUED.has(cmd.fullName);
}

function stateOf(client: Client): TransactionState {
  let s = client.transaction;
  if (s === null) {
    s = new TransactionState();
    client.transaction = s;
  }
  return s;
}

function setDirtyCas(client: Client, dirty: boolean): void {
  stateOf(client).dirtyCas = dirty;
  const has = client.extraFlags.includes('d');
  if (dirty && !has) client.extraFlags += 'd';
  else if (!dirty && has) client.extraFlags = client.extraFlags.replace('d', '');
}

/** Redis's keyIsExpired: the key is physically present with a TTL in the past (no deletion). */
function keyIsExpired(db: Database, key: string): boolean {
  const at = db.getExpire(key);
  return at !== -1 && db.keyspace.clock.now() > at;
}

/**
 * The server-wide transaction machinery: the WATCH index (listening to the
 * keyspace for touched keys) and the MULTI/EXEC/DISCARD/WATCH operations.
 */
export class Transactions implements KeyspaceListener {
  /** Per database index: key → the watchers of that key, in WATCH order. */
  private readonly watchedByDb: Map<string, WatchedKey[]>[];
  private readonly keyspace: Keyspace;

  constructor(server: Server) {
    this.keyspace = server.keyspace;
    this.watchedByDb = server.keyspace.dbs.map(() => new Map());
    server.keyspace.addListener(this);
    server.clientCloseHooks.push((c) => this.discard(c));
    server.clientResetHooks.push((c) => this.discard(c));
  }

  // ---- MULTI ------------------------------------------------------------

  multi(client: Client): void {
    stateOf(client);
    client.multiQueued = 0;
    client.multiArgvBytes = 0;
    client.multiFlags = 0;
  }

  /** Adds a command to the MULTI queue (Redis's queueMultiCommand). */
  queue(client: Client, cmd: RegisteredCommand, argv: string[]): void {
    const s = stateOf(client);
    // As Redis: nothing is kept once the transaction is known to fail.
    if (s.dirtyExec || s.dirtyCas) return;
    s.queue.push({ cmd, argv });
    client.multiQueued++;
    client.multiFlags |= cmd.flags;
    let bytes = ARGV_POINTER_BYTES * argv.length;
    for (const a of argv) bytes += a.length;
    client.multiArgvBytes += bytes;
  }

  /** A command was rejected while queueing (Redis's flagTransaction). */
  flagDirtyExec(client: Client): void {
    if (client.multiQueued >= 0) stateOf(client).dirtyExec = true;
  }

  /** Leaves MULTI and forgets every WATCHed key (Redis's discardTransaction). */
  discard(client: Client): void {
    const s = client.transaction;
    if (s === null) return;
    this.unwatchAll(client);
    s.queue = [];
    s.dirtyExec = false;
    setDirtyCas(client, false);
    client.multiQueued = -1;
    client.multiArgvBytes = 0;
    client.multiFlags = 0;
    client.transaction = null;
  }

  /**
   * EXEC: null array when a WATCHed key was touched (or expired since), EXECABORT
   * after a queueing error, otherwise an array of the queued commands' replies.
   * Returns the error to reply with, or null once the reply is written.
   */
  exec(client: Client): RedisError | null {
    const s = stateOf(client);
    if (!s.dirtyCas && this.isWatchedKeyExpired(client)) setDirtyCas(client, true);
    if (s.dirtyExec) {
      this.discard(client);
      return EXEC_ABORT;
    }
    if (s.dirtyCas) {
      this.discard(client);
      client.reply.nullArray();
      return null;
    }
    const queue = s.queue;
    this.unwatchAll(client);
    const wasDenyBlocking = client.denyBlocking;
    // A transaction's commands each give exactly one reply: nothing blocks.
    client.denyBlocking = true;
    const ks = this.keyspace;
    const ownsBuffer = ks.propagationBuffer === null;
    if (ownsBuffer) ks.propagationBuffer = [];
    try {
      client.reply.array(queue.length);
      for (const q of queue) call(client, q.cmd, q.argv);
    } finally {
      client.denyBlocking = wasDenyBlocking;
      // The last queued command's override is not EXEC's own.
      client.propagateOverride = null;
      this.discard(client);
      if (ownsBuffer) this.flushPropagation();
    }
    return null;
  }

  /**
   * Emits what EXEC's commands propagated: one command as it is, several
   * wrapped in MULTI ... EXEC (Redis 7.0's propagatePendingCommands). MULTI
   * takes the first command's database, EXEC the last one's.
   */
  private flushPropagation(): void {
    const ks = this.keyspace;
    const ops = ks.propagationBuffer!;
    ks.propagationBuffer = null;
    if (ops.length === 0) return;
    if (ops.length === 1) {
      ks.propagate(ops[0]![0], ops[0]![1]);
      return;
    }
    ks.propagate(ops[0]![0], ['MULTI']);
    for (const [dbId, argv] of ops) ks.propagate(dbId, argv);
    ks.propagate(ops[ops.length - 1]![0], ['EXEC']);
  }

  // ---- WATCH ------------------------------------------------------------

  /** WATCH key... in the client's database (Redis's watchForKey per key). */
  watch(client: Client, keys: readonly string[]): void {
    const s = stateOf(client);
    // No point in watching once the transaction is known to fail.
    if (s.dirtyCas) return;
    const db = client.db;
    const index = this.watchedByDb[db.id]!;
    for (const key of keys) {
      if (s.watched.some((w) => w.db === db && w.key === key)) continue;
      const wk: WatchedKey = { client, db, key, expired: keyIsExpired(db, key) };
      s.watched.push(wk);
      const list = index.get(key);
      if (list === undefined) index.set(key, [wk]);
      else list.push(wk);
    }
  }

  /** UNWATCH: forgets the keys and a touch that already happened. */
  unwatch(client: Client): void {
    if (client.transaction === null) return;
    this.unwatchAll(client);
    setDirtyCas(client, false);
    if (client.multiQueued < 0 && client.transaction.queue.length === 0) client.transaction = null;
  }

  /** Drops the client's WATCHed keys; its dirty flag is up to the caller (Redis's unwatchAllKeys). */
  private unwatchAll(client: Client): void {
    const s = client.transaction;
    if (s === null || s.watched.length === 0) return;
    for (const wk of s.watched) {
      const index = this.watchedByDb[wk.db.id]!;
      const list = index.get(wk.key);
      if (list === undefined) continue;
      const i = list.indexOf(wk);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) index.delete(wk.key);
    }
    s.watched = [];
  }

  /** Keys WATCHed by `client` (for tests and introspection). */
  watchedCount(client: Client): number {
    return client.transaction?.watched.length ?? 0;
  }

  /** A WATCHed key, live at WATCH time, has expired since (Redis's isWatchedKeyExpired). */
  private isWatchedKeyExpired(client: Client): boolean {
    const s = client.transaction;
    if (s === null) return false;
    for (const wk of s.watched) {
      if (!wk.expired && keyIsExpired(wk.db, wk.key)) return true;
    }
    return false;
  }

  private markDirty(client: Client): void {
    setDirtyCas(client, true);
    // A dirty client stays dirty: its keys need not be watched any more.
    this.unwatchAll(client);
  }

  // ---- keyspace listener --------------------------------------------------

  /** Redis's touchWatchedKey. */
  keyModified(db: Database, key: string): void {
    const index = this.watchedByDb[db.id];
    if (index === undefined || index.size === 0) return;
    const list = index.get(key);
    if (list === undefined) return;
    for (const wk of list.slice()) {
      if (wk.expired) {
        // Watched while already expired: its deletion is no logical change.
        if (!db.dict.has(key)) {
          wk.expired = false;
          continue;
        }
        // As Redis 7.0 (a `break` in touchWatchedKey): the remaining watchers
        // of this key are not touched either.
        break;
      }
      this.markDirty(wk.client);
    }
  }

  /**
   * FLUSHDB/FLUSHALL (`replacedWith` null) and SWAPDB, before the data
   * changes: Redis's touchAllWatchedKeysInDb. A watcher is touched when the
   * key exists in the emptied database or in the one replacing it.
   */
  beforeDatabaseReplaced(emptied: Database, replacedWith: Database | null): void {
    if (emptied === replacedWith) return;
    const index = this.watchedByDb[emptied.id];
    if (index === undefined || index.size === 0) return;
    for (const [key, list] of [...index]) {
      const existsInEmptied = emptied.dict.has(key);
      const existsInReplacement = replacedWith !== null && replacedWith.dict.has(key);
      if (!existsInEmptied && !existsInReplacement) continue;
      for (const wk of list.slice()) {
        if (wk.expired) {
          if (!existsInReplacement) {
            wk.expired = false; // expired key now deleted: no logical change
            continue;
          }
          if (keyIsExpired(replacedWith!, key)) continue; // stays expired
        } else if (!existsInEmptied && keyIsExpired(replacedWith!, key)) {
          wk.expired = true; // a missing key replaced by an expired one
          continue;
        }
        this.markDirty(wk.client);
      }
    }
  }
}
