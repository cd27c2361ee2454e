// Per-client state. A Client is also the CommandContext its commands run
// with, so dispatching allocates nothing per command. Socket clients write
// to a RespEncoder; in-process clients (KeyValueStore) to a ValueSink.

import type { CommandContext } from '../commands/context.js';
import type { RegisteredCommand } from '../commands/registry.js';
import type { Database } from '../keyspace/database.js';
import type { Keyspace } from '../keyspace/keyspace.js';
import type { ReplyWriter } from '../protocol/reply-writer.js';
import type { Server } from './server.js';
import type { TransactionState } from './transactions.js';

/** CLIENT REPLY state: 'skip-next' is set by CLIENT REPLY SKIP and becomes 'skip' for the following command. */
export type ReplyMode = 'on' | 'off' | 'skip-next' | 'skip';

/** The socket-side operations a client may ask of its connection. */
export interface ClientTransport {
  /** Closes after the pending replies are written (QUIT, protocol errors, CLIENT KILL of oneself). */
  closeAfterReply(): void;
  /** Closes now (CLIENT KILL). */
  kill(): void;
  /** Bytes waiting in the output buffer (CLIENT LIST omem). */
  readonly outputBytes: number;
  /** Bytes received but not yet processed (CLIENT LIST qbuf), as Redis's querybuf length. */
  readonly queryBufferBytes: number;
  /** Writes pending replies soon: for output produced outside this client's own reads (MONITOR, pub/sub). */
  scheduleFlush(): void;
  /** The socket's file descriptor (CLIENT LIST fd), -1 when unknown. */
  readonly fd: number;
  /** The command held back by CLIENT PAUSE, if any (CLIENT LIST flag b, argv-mem). */
  readonly postponedArgv: readonly string[] | null;
  /** Socket events being waited for, as Redis's CLIENT LIST events= ('r', 'rw', 'w' or ''). */
  readonly events: string;
  /** Largest reply output of one flush (CLIENT LIST rbp). */
  readonly replyPeakBytes: number;
  /** Whether the connection closes once its replies are written (CLIENT LIST flag c). */
  readonly isClosingAfterReply: boolean;
  /** Stops processing this client's input: it is blocked in BLPOP & co (server/blocking.ts). */
  block?(): void;
  /** Ends block(): pending replies are written and input processing resumes. */
  unblock?(): void;
}

export class Client implements CommandContext {
  readonly id: number;
  readonly keyspace: Keyspace;
  db: Database;
  /** Name set by CLIENT SETNAME / HELLO SETNAME, '' when none. */
  name = '';
  /** Set by AUTH/HELLO AUTH; only consulted while requirepass is set (see authRequired). */
  authenticated: boolean;
  user = 'default';
  readonly createdAtMs: number;
  lastInteractionMs: number;
  /** The command being run, or the last one looked up; null after an unknown one (CLIENT LIST cmd=NULL). */
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
  /** Subscription counts, kept by the pub/sub code (CLIENT LIST sub/psub/ssub; any of them makes the client type pubsub, flag P). */
  subscribedChannels = 0;
  subscribedPatterns = 0;
  subscribedShardChannels = 0;
  /**
   * Pub/sub pushes produced by this client's own command while its replies
   * are off (CLIENT REPLY OFF/SKIP): Redis still sends them, so the
   * connection appends them after dropping the command's reply.
   */
  heldPushes = '';
  /** When the client was first seen over its soft output buffer limit (unix seconds), 0 when under. */
  obufSoftLimitReachedSec = 0;
  /** Commands queued in MULTI, -1 outside MULTI; kept by the transaction code (CLIENT LIST multi=, flag x). */
  multiQueued = -1;
  /** Sum of the argument bytes queued in MULTI (CLIENT LIST multi-mem). */
  multiArgvBytes = 0;
  /** Set while EXEC or a script runs this client's commands: MONITOR refuses, blocking commands don't block (Redis's CLIENT_DENY_BLOCKING). */
  denyBlocking = false;
  /** Bitwise OR of the flags of the queued commands: a WRITE pause holds EXEC when it includes a write. */
  multiFlags = 0;
  /** MULTI queue and WATCHed keys (transactions.ts); null while the client uses neither. */
  transaction: TransactionState | null = null;
  /** Where tracking invalidations are redirected, -1 when not tracking; kept by the tracking code (CLIENT LIST redir=). */
  trackingRedirect = -1;
  /**
   * Further CLIENT LIST flags owned by other features, as Redis's letters
   * (d: WATCH touched, t/R/B: tracking, r: READONLY, ...); CLIENT LIST
   * puts all flags in Redis's order.
   */
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

  /**
   * As Redis's authRequired(): requirepass is set and this client has not
   * authenticated. Clients connected before requirepass was set stay
   * authenticated; clearing requirepass lets everyone in.
   */
  get authRequired(): boolean {
    return !this.authenticated && this.server.requiresAuth;
  }

  /** Subscribed to any channel, pattern or shard channel (client type pubsub). */
  get isPubSub(): boolean {
    return this.subscribedChannels + this.subscribedPatterns + this.subscribedShardChannels > 0;
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

  /** HELLO's protocol switch. In-process clients keep their sink's fixed protocol. */
  setResp(resp: 2 | 3): void {
    if (this.transport !== null) this.reply.resp = resp;
  }

  /** MONITOR: this client receives every command the server runs from now on. */
  startMonitoring(): void {
    this.isMonitor = true;
    this.server.monitors.add(this);
  }

  /**
   * RESET (Redis's clearClientConnectionState): stop monitoring, database 0,
   * RESP2, default user (unauthenticated again when requirepass is set), no
   * name, replies on; features (MULTI/WATCH, pub/sub, tracking) clear their
   * own state through server.clientResetHooks.
   */
  resetConnectionState(): void {
    if (this.isMonitor) {
      this.isMonitor = false;
      this.server.monitors.delete(this);
    }
    this.db = this.keyspace.db(0);
    this.setResp(2);
    this.user = 'default';
    this.authenticated = !this.server.requiresAuth;
    for (const hook of this.server.clientResetHooks) hook(this);
    this.name = '';
    this.replyMode = 'on';
  }
}
