// Per-client state. A Client is also the CommandContext its commands run
// with, so dispatching allocates nothing per command. Socket clients write
// to a RespEncoder; in-process clients (KeyValueStore) to a ValueSink.

import type { CommandContext } from '../commands/context.js';
import type { RegisteredCommand } from '../commands/registry.js';
import type { Database } from '../keyspace/database.js';
import type { Keyspace } from '../keyspace/keyspace.js';
import type { ReplyWriter } from '../protocol/reply-writer.js';
import type { Server } from './server.js';

/** CLIENT REPLY state: 'skip-next' is set by CLIENT REPLY SKIP and becomes 'skip' for the following command. */
export type ReplyMode = 'on' | 'off' | 'skip-next' | 'skip';

/** The socket-side operations a client may ask of its connection. */
export interface ClientTransport {
  /** Closes after the pending replies are written (QUIT, protocol errors). */
  closeAfterReply(): void;
  /** Closes now (CLIENT KILL). */
  kill(): void;
  /** Bytes waiting in the output buffer (CLIENT LIST omem). */
  readonly outputBytes: number;
  /** Bytes received but not yet parsed (CLIENT LIST qbuf). */
  readonly queryBufferBytes: number;
  /** Writes pending replies soon: for output produced outside this client's own reads (MONITOR, pub/sub). */
  scheduleFlush(): void;
}

export class Client implements CommandContext {
  readonly id: number;
  readonly keyspace: Keyspace;
  db: Database;
  /** Name set by CLIENT SETNAME / HELLO SETNAME, '' when none. */
  name = '';
  libName = '';
  libVersion = '';
  authenticated: boolean;
  user = 'default';
  readonly createdAtMs: number;
  lastInteractionMs: number;
  /** The command being run, or the last one (CLIENT LIST cmd=). */
  lastCommand: RegisteredCommand | null = null;
  replyMode: ReplyMode = 'on';
  /** true for MONITOR clients. */
  isMonitor = false;
  /** CLIENT NO-EVICT */
  noEvict = false;
  /** Set when the client must not run more commands (closing). */
  isClosing = false;
  /** Commands emitted for propagation by the current command (null: its own argv). */
  propagateOverride: string[][] | null = null;
  /** Extra per-client flags shown by CLIENT LIST (e.g. 'x' in MULTI); owned by the features that set them. */
  extraFlags = '';

  constructor(
    readonly server: Server,
    public reply: ReplyWriter & { resp: 2 | 3 },
    readonly addr: string,
    readonly laddr: string,
    readonly transport: ClientTransport | null,
  ) {
    this.id = server.nextClientId++;
    this.keyspace = server.keyspace;
    this.db = server.keyspace.db(0);
    this.authenticated = !server.requiresAuth;
    this.createdAtMs = server.keyspace.clock.now();
    this.lastInteractionMs = this.createdAtMs;
  }

  get client(): Client {
    return this;
  }

  get resp(): 2 | 3 {
    return this.reply.resp;
  }

  modified(key: string, event?: string, type = 'g', db: Database = this.db): void {
    const ks = this.keyspace;
    ks.dirty++;
    ks.keyModified(db, key);
    if (event !== undefined) ks.notify(type, event, key, db.id);
  }

  notify(type: string, event: string, key: string, db: Database = this.db): void {
    this.keyspace.notify(type, event, key, db.id);
  }

  propagateAs(...commands: string[][]): void {
    this.propagateOverride = commands;
  }

  /**
   * Sends already-encoded RESP produced on behalf of another client
   * (MONITOR lines, pub/sub messages) and makes sure it is flushed.
   */
  pushRaw(encoded: string): void {
    const reply = this.reply as { raw?(s: string): void };
    if (reply.raw === undefined || this.transport === null) return;
    reply.raw(encoded);
    this.transport.scheduleFlush();
  }
}
