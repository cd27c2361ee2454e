// What a command handler sees: the server, the client's current database,
// a reply writer, and one call to report each modification. Handlers never
// see sockets or bytes.

import type { ReplyWriter } from '../protocol/reply-writer.js';
import type { Database } from '../keyspace/database.js';
import type { Keyspace } from '../keyspace/keyspace.js';
import type { Server } from '../server/server.js';
import type { Client } from '../server/client.js';

export interface CommandContext {
  readonly server: Server;
  readonly keyspace: Keyspace;
  /** The client's selected database. */
  db: Database;
  readonly reply: ReplyWriter;
  readonly client: Client;
  /**
   * Reports a modification of `key` in `db` (default: the selected one):
   * dirty counter, WATCH invalidation, and — when `event` is given — the
   * keyspace notification of class `type` (Redis's signalModifiedKey +
   * notifyKeyspaceEvent).
   */
  modified(key: string, event?: string, type?: string, db?: Database): void;
  /** A keyspace event without a modification (e.g. `expire` after TTL removal). */
  notify(type: string, event: string, key: string, db?: Database): void;
  /**
   * Replaces what this command propagates to AOF and replicas (called once
   * per command to emit: relative TTLs become absolute, SPOP becomes SREM...).
   * Passing nothing suppresses propagation.
   */
  propagateAs(...commands: string[][]): void;
}
