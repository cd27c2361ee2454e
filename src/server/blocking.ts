// Clients blocked on keys (BLPOP, BLMOVE, BLMPOP; later BZPOP*/XREAD): per
// db+key FIFO queues, deadlines on the keyspace clock, and the serving of
// blocked clients once the command that made their keys ready has finished
// (Redis's blocked.c: blockForKeys, signalKeyAsReady, handleClientsBlockedOnKeys).
// A served client re-runs its command: the handler then finds data and
// propagates its non-blocking form itself (ctx.propagateAs).

import { RedisError } from '../errors.js';
import type { Database } from '../keyspace/database.js';
import type { RegisteredCommand } from '../commands/registry.js';
import type { CommandContext } from '../commands/context.js';
import { typeOf, type ValueType } from '../types/value.js';
import type { Client } from './client.js';
import type { Server } from './server.js';

/** What a blocked command answers on timeout (and CLIENT UNBLOCK ... TIMEOUT). */
export type TimeoutReply = 'null' | 'nullArray';

export interface BlockedClient {
  readonly client: Client;
  readonly dbId: number;
  readonly keys: readonly string[];
  /** The type a key must hold to be worth a retry (Redis serves only keys of the blocked type). */
  readonly valueType: ValueType;
  /** Absolute deadline (ms, keyspace clock), 0 = forever. */
  readonly deadline: number;
  readonly timeoutReply: TimeoutReply;
  readonly cmd: RegisteredCommand;
  readonly argv: string[];
  timer: NodeJS.Timeout | null;
}

export const UNBLOCKED_ERROR = new RedisError('UNBLOCKED client unblocked via CLIENT UNBLOCK');

/** setTimeout's longest delay; longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Blocking {
  /** `${dbId}\n${key}` → blocked clients in arrival order (a Set iterates in insertion order). */
  private readonly queues = new Map<string, Set<BlockedClient>>();
  private readonly byClient = new Map<Client, BlockedClient>();
  /** Keys signalled ready since the last handleReady, deduplicated, in signal order. */
  private ready = new Map<string, { dbId: number; key: string }>();
  /** Set while a blocked client's command is being retried. */
  private retrying: BlockedClient | null = null;
  private retryKeyName: string | null = null;
  private stillBlocked = false;
  private handling = false;

  constructor(private readonly server: Server) {
    server.keyspace.addListener({
      keyModified: (db, key) => {
        if (this.byClient.size !== 0) this.signalKeyAsReady(db, key);
      },
      databaseReplaced: (dbId) => {
        if (this.byClient.size !== 0) this.scanDatabases(dbId);
      },
    });
    server.clientCloseHooks.push((client) => {
      const bc = this.byClient.get(client);
      if (bc !== undefined) this.remove(bc);
    });
  }

  /** INFO blocked_clients (clients blocked on keys). */
  get blockedCount(): number {
    return this.byClient.size;
  }

  /** INFO clients_in_timeout_table: blocked clients with a deadline. */
  get withTimeoutCount(): number {
    let n = 0;
    for (const bc of this.byClient.values()) if (bc.deadline !== 0) n++;
    return n;
  }

  isBlocked(client: Client): boolean {
    return this.byClient.has(client);
  }

  /** Whether a blocking command may block this client (not in MULTI/EXEC, scripts or in-process). */
  canBlock(ctx: CommandContext): boolean {
    const c = ctx.client;
    return this.retrying !== null || (!c.denyBlocking && c.multiQueued < 0 && c.transport !== null);
  }

  /** During a retry: the key that became ready (the command serves from it only, as Redis). */
  retryKey(ctx: CommandContext): string | null {
    return this.retrying !== null && this.retrying.client === ctx.client ? this.retryKeyName : null;
  }

  /**
   * Blocks the running client on `keys` (Redis's blockForKeys). During a retry
   * it only records that the client stays blocked where it is.
   */
  block(ctx: CommandContext, argv: string[], keys: readonly string[], valueType: ValueType, deadline: number,
    timeoutReply: TimeoutReply): void {
    if (this.retrying !== null) {
      this.stillBlocked = true;
      return;
    }
    const client = ctx.client;
    const cmd = client.lastCommand;
    if (cmd === null || client.transport === null) throw new Error('blocking outside a command');
    const bc: BlockedClient = {
      client, dbId: ctx.db.id, keys: [...new Set(keys)], valueType, deadline, timeoutReply, cmd,
      argv, timer: null,
    };
    this.byClient.set(client, bc);
    for (const key of bc.keys) {
      const id = queueId(bc.dbId, key);
      let q = this.queues.get(id);
      if (q === undefined) this.queues.set(id, q = new Set());
      q.add(bc);
    }
    client.transport.block?.();
    if (deadline !== 0) this.arm(bc);
  }

  /** Marks a key as possibly ready for clients blocked on it (Redis's signalKeyAsReady). */
  signalKeyAsReady(db: Database | number, key: string): void {
    const dbId = typeof db === 'number' ? db : db.id;
    const id = queueId(dbId, key);
    if (!this.queues.has(id) || this.ready.has(id)) return;
    this.ready.set(id, { dbId, key });
  }

  get hasReadyKeys(): boolean {
    return this.ready.size !== 0;
  }

  /**
   * Serves clients blocked on ready keys, FIFO per key, until no more keys
   * become ready (a served BLMOVE can make its destination ready). Called by
   * the dispatcher after each top-level command.
   */
  handleReady(): void {
    if (this.handling) return;
    this.handling = true;
    try {
      while (this.ready.size !== 0) {
        const batch = this.ready;
        this.ready = new Map();
        for (const [id, { dbId, key }] of batch) {
          const q = this.queues.get(id);
          if (q === undefined) continue;
          for (const bc of [...q]) {
            if (this.byClient.get(bc.client) !== bc) continue;
            const value = this.server.keyspace.db(dbId).lookupNoTouch(key);
            if (value === undefined) break;
            if (typeOf(value) !== bc.valueType) break;
            this.retry(bc, key);
          }
        }
      }
    } finally {
      this.handling = false;
    }
  }

  /** CLIENT UNBLOCK: false when the client is not blocked on keys. */
  unblockByRequest(client: Client, withError: boolean): boolean {
    const bc = this.byClient.get(client);
    if (bc === undefined) return false;
    if (withError) {
      client.reply.error(UNBLOCKED_ERROR.message);
      this.server.recordError(UNBLOCKED_ERROR.code);
    } else {
      replyTimeout(bc);
    }
    this.unblock(bc);
    return true;
  }

  /** Re-runs a blocked command in the context it blocked in; errors are its reply. */
  private retry(bc: BlockedClient, key: string): void {
    const client = bc.client;
    const ks = this.server.keyspace;
    this.retrying = bc;
    this.retryKeyName = key;
    this.stillBlocked = false;
    const savedDb = client.db;
    client.db = ks.db(bc.dbId);
    client.propagateOverride = null;
    const dirtyBefore = ks.dirty;
    try {
      bc.cmd.spec.run(client, bc.argv);
    } catch (err) {
      if (!(err instanceof RedisError)) throw err;
      client.reply.error(err.message);
      this.server.recordError(err.code);
    } finally {
      this.retrying = null;
      this.retryKeyName = null;
    }
    const override = client.propagateOverride as string[][] | null;
    if (override !== null && ks.dirty !== dirtyBefore) for (const c of override) ks.propagate(bc.dbId, c);
    client.propagateOverride = null;
    client.db = savedDb;
    if (!this.stillBlocked) this.unblock(bc);
  }

  private unblock(bc: BlockedClient): void {
    this.remove(bc);
    bc.client.transport?.unblock?.();
  }

  private remove(bc: BlockedClient): void {
    if (this.byClient.get(bc.client) !== bc) return;
    this.byClient.delete(bc.client);
    if (bc.timer !== null) clearTimeout(bc.timer);
    bc.timer = null;
    for (const key of bc.keys) {
      const id = queueId(bc.dbId, key);
      const q = this.queues.get(id);
      if (q === undefined) continue;
      q.delete(bc);
      if (q.size === 0) this.queues.delete(id);
    }
  }

  private arm(bc: BlockedClient): void {
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, bc.deadline - this.server.keyspace.clock.now()));
    bc.timer = setTimeout(() => {
      bc.timer = null;
      if (this.byClient.get(bc.client) !== bc) return;
      // A manual clock may lag real time: look again later.
      if (this.server.keyspace.clock.now() < bc.deadline) {
        this.arm(bc);
        return;
      }
      replyTimeout(bc);
      this.unblock(bc);
    }, delay);
  }

  /** After SWAPDB/FLUSH: every blocked key of the database(s) is worth a look (Redis's scanDatabaseForReadyKeys). */
  private scanDatabases(dbId: number): void {
    for (const [id, q] of this.queues) {
      const first = q.values().next().value as BlockedClient | undefined;
      if (first === undefined || (dbId !== -1 && first.dbId !== dbId)) continue;
      const key = id.slice(id.indexOf('\n') + 1);
      if (this.server.keyspace.db(first.dbId).exists(key)) this.signalKeyAsReady(first.dbId, key);
    }
  }
}

function replyTimeout(bc: BlockedClient): void {
  if (bc.timeoutReply === 'null') bc.client.reply.null();
  else bc.client.reply.nullArray();
}

function queueId(dbId: number, key: string): string {
  return `${dbId}\n${key}`;
}
