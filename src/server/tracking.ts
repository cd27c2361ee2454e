// Client-side caching (Redis 7.0 tracking.c): the table of keys read by
// tracking clients, BCAST prefixes, and the invalidation messages sent when
// keys change (RESP3 pushes, or __redis__:invalidate messages to a redirect).

import { Flag, type RegisteredCommand } from '../commands/registry.js';
import type { Database } from '../keyspace/database.js';
import type { Client } from './client.js';
import type { Server } from './server.js';

/** Per-client tracking flags, as Redis's CLIENT_TRACKING_* bits. */
export const TRACKING_ON = 1;
export const TRACKING_BCAST = 2;
export const TRACKING_OPTIN = 4;
export const TRACKING_OPTOUT = 8;
/** CLIENT CACHING was given for the next command (or transaction). */
export const TRACKING_CACHING = 16;
export const TRACKING_NOLOOP = 32;
export const TRACKING_BROKEN_REDIR = 64;

export interface ClientTrackingState {
  flags: number;
  /** Client id invalidations go to; 0 for the client itself. Kept after OFF, as Redis. */
  redirect: number;
  /** BCAST prefixes of this client. */
  readonly prefixes: Set<string>;
}

/** One BCAST prefix: keys modified since the last broadcast (→ the client that last did it) and its clients. */
interface BcastState {
  keys: Map<string, Client | null>;
  readonly clients: Set<Client>;
}

/** Readonly commands whose keys Redis does not remember (their scripts' own commands count instead). */
const NOT_REMEMBERED = new Set(['eval_ro', 'evalsha_ro', 'fcall_ro']);

const INVALIDATE_PUSH = '>2\r\n$10\r\ninvalidate\r\n';
const INVALIDATE_MESSAGE = '*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n';

function bulk(s: string): string {
  return '$' + s.length + '\r\n' + s + '\r\n';
}

export class Tracking {
  /** Clients with tracking on (INFO tracking_clients). */
  clients = 0;
  /** key → ids of the clients that may cache it (keys of all databases share the table, as Redis). */
  private readonly table = new Map<string, Set<number>>();
  /** (key, client) pairs in the table (INFO tracking_total_items). */
  totalItems = 0;
  private readonly prefixTable = new Map<string, BcastState>();
  private readonly states = new Map<Client, ClientTrackingState>();
  /** The client whose command is running (Redis's server.current_client while it executes). */
  private current: Client | null = null;
  private depth = 0;
  /** Invalidations for the running client itself, sent after its reply (null: flush). */
  private readonly pending: (string | null)[] = [];
  private broadcastScheduled = false;
  private flushing = false;
  private maxKeys: number;
  /** Consecutive limitUsedSlots() runs that stayed over the limit: the effort grows with it. */
  private limitRuns = 0;

  constructor(private readonly server: Server) {
    this.maxKeys = server.config.num('tracking-table-max-keys');
    server.config.onChange((name, value) => {
      if (name === 'tracking-table-max-keys') this.maxKeys = Number(value);
    });
    server.keyspace.addListener({
      keyModified: (_db: Database, key: string) => this.invalidateKey(key, true),
      event: (_type, event, key) => {
        // Redis signals expired and evicted keys with no client: nobody's NOLOOP skips them in BCAST.
        if ((event === 'expired' || event === 'evicted') && this.prefixTable.size > 0) {
          for (const bs of this.prefixTable.values()) if (bs.keys.has(key)) bs.keys.set(key, null);
        }
      },
      beforeDatabaseReplaced: (_emptied, replacedWith) => {
        if (replacedWith === null) this.flushing = true;
      },
      // FLUSHDB/FLUSHALL (not SWAPDB) invalidate everything with one null message.
      databaseReplaced: () => {
        if (!this.flushing) return;
        this.flushing = false;
        this.invalidateOnFlush();
      },
    });
    server.clientCloseHooks.push((c) => {
      this.disable(c);
      this.states.delete(c);
    });
    server.clientResetHooks.push((c) => this.disable(c));
  }

  stateOf(client: Client): ClientTrackingState | undefined {
    return this.states.get(client);
  }

  get totalKeys(): number {
    return this.table.size;
  }

  get totalPrefixes(): number {
    return this.prefixTable.size;
  }

  // ---- enabling -----------------------------------------------------------

  /** Redis's enableTracking: flags (BCAST/OPTIN/OPTOUT/NOLOOP) replace the previous ones; prefixes add up. */
  enable(client: Client, redirect: number, options: number, prefixes: readonly string[]): void {
    let st = this.states.get(client);
    if (st === undefined) {
      st = { flags: 0, redirect: 0, prefixes: new Set() };
      this.states.set(client, st);
    }
    if ((st.flags & TRACKING_ON) === 0) this.clients++;
    st.flags = (st.flags | TRACKING_ON) & ~(TRACKING_BROKEN_REDIR | TRACKING_BCAST | TRACKING_OPTIN | TRACKING_OPTOUT | TRACKING_NOLOOP);
    st.redirect = redirect;
    if ((options & TRACKING_BCAST) !== 0) {
      st.flags |= TRACKING_BCAST;
      if (prefixes.length === 0) this.addPrefix(client, st, '');
      for (const p of prefixes) this.addPrefix(client, st, p);
    }
    st.flags |= options & (TRACKING_OPTIN | TRACKING_OPTOUT | TRACKING_NOLOOP);
    this.syncClient(client, st);
  }

  private addPrefix(client: Client, st: ClientTrackingState, prefix: string): void {
    let bs = this.prefixTable.get(prefix);
    if (bs === undefined) {
      bs = { keys: new Map(), clients: new Set() };
      this.prefixTable.set(prefix, bs);
    }
    bs.clients.add(client);
    st.prefixes.add(prefix);
  }

  /** Redis's disableTracking. Keys the client read stay in the table until they change (lazy, as Redis). */
  disable(client: Client): void {
    const st = this.states.get(client);
    if (st === undefined || (st.flags & TRACKING_ON) === 0) return;
    for (const p of st.prefixes) {
      const bs = this.prefixTable.get(p)!;
      bs.clients.delete(client);
      if (bs.clients.size === 0) this.prefixTable.delete(p);
    }
    st.prefixes.clear();
    this.clients--;
    st.flags = 0;
    this.syncClient(client, st);
  }

  setCaching(client: Client): void {
    this.states.get(client)!.flags |= TRACKING_CACHING;
  }

  /** CLIENT LIST: flags t/R/B and redir= (-1 when not tracking). */
  private syncClient(client: Client, st: ClientTrackingState): void {
    const on = (st.flags & TRACKING_ON) !== 0;
    client.trackingRedirect = on ? st.redirect : -1;
    let letters = client.extraFlags.replace(/[tRB]/g, '');
    if (on) letters += 't';
    if ((st.flags & TRACKING_BROKEN_REDIR) !== 0) letters += 'R';
    if ((st.flags & TRACKING_BCAST) !== 0) letters += 'B';
    client.extraFlags = letters;
  }

  // ---- the dispatcher's hooks --------------------------------------------

  /** Entering call(): the outermost command's client is the current one. */
  enterCall(client: Client): void {
    if (this.depth++ === 0) this.current = client;
  }

  /**
   * Leaving call(): remembers the keys a readonly command read (Redis's
   * trackingRememberKeys), and at the outermost level ends a CLIENT CACHING
   * (resetClient) and sends the client's own invalidations after its reply
   * (afterCommand → trackingHandlePendingKeyInvalidations).
   */
  leaveCall(client: Client, cmd: RegisteredCommand, argv: string[]): void {
    if (client.trackingRedirect >= 0 && (cmd.flags & Flag.readonly) !== 0) this.rememberKeys(client, cmd, argv);
    if (--this.depth > 0) return;
    if (client.trackingRedirect >= 0) this.commandDone(client, cmd);
    if (this.pending.length > 0) this.sendPending(client);
    this.current = null;
  }

  /**
   * After any processed command (run or rejected): CLIENT CACHING applies to
   * the next command only, or to the next transaction; as Redis (all CLIENT
   * subcommands share one handler there) any CLIENT subcommand keeps it.
   */
  commandDone(client: Client, cmd: RegisteredCommand | null): void {
    const st = this.states.get(client);
    if (st === undefined || client.multiQueued >= 0 || cmd?.parent?.fullName === 'client') return;
    st.flags &= ~TRACKING_CACHING;
  }

  private rememberKeys(client: Client, cmd: RegisteredCommand, argv: string[]): void {
    if ((cmd.flags & Flag.pubsub) !== 0 || NOT_REMEMBERED.has(cmd.fullName)) return;
    const st = this.states.get(client)!;
    const f = st.flags;
    if ((f & TRACKING_BCAST) !== 0) return;
    const caching = (f & TRACKING_CACHING) !== 0;
    if (((f & TRACKING_OPTIN) !== 0 && !caching) || ((f & TRACKING_OPTOUT) !== 0 && caching)) return;
    const id = client.id;
    for (const pos of cmd.keyPositions(argv)) {
      const key = argv[pos]!;
      let ids = this.table.get(key);
      if (ids === undefined) {
        ids = new Set();
        this.table.set(key, ids);
      }
      if (!ids.has(id)) {
        ids.add(id);
        this.totalItems++;
      }
    }
  }

  private sendPending(client: Client): void {
    const keys = this.pending.splice(0);
    for (const key of keys) {
      this.send(client, key === null ? nullPayload(client) : '*1\r\n' + bulk(key));
    }
  }

  // ---- invalidation ---------------------------------------------------------

  /**
   * Redis's trackingInvalidateKey: a changed key is scheduled for BCAST
   * clients, and the clients that read it are told and forgotten. `bcast`
   * false: an eviction from the table (the key itself did not change).
   */
  private invalidateKey(key: string, bcast: boolean, current: Client | null = this.current): void {
    if (this.clients === 0 && this.table.size === 0) return;
    if (bcast && this.prefixTable.size > 0) this.rememberKeyToBroadcast(key, this.current);
    const ids = this.table.get(key);
    if (ids === undefined) return;
    const clients = this.server.clients;
    for (const id of ids) {
      const target = clients.get(id);
      if (target === undefined) continue;
      const st = this.states.get(target);
      if (st === undefined || (st.flags & TRACKING_ON) === 0 || (st.flags & TRACKING_BCAST) !== 0) continue;
      if ((st.flags & TRACKING_NOLOOP) !== 0 && target === current) continue;
      // The running client gets its own invalidations after its reply.
      if (target === this.current && this.depth > 0) this.pending.push(key);
      else this.send(target, '*1\r\n' + bulk(key));
    }
    this.totalItems -= ids.size;
    this.table.delete(key);
  }

  /** Redis's trackingInvalidateKeysOnFlush: every tracking client gets a null (all keys), the table empties. */
  private invalidateOnFlush(): void {
    if (this.clients > 0) {
      for (const c of this.server.clients.values()) {
        if (c.trackingRedirect < 0) continue;
        if (c === this.current) this.pending.push(null);
        else this.send(c, nullPayload(c));
      }
    }
    this.table.clear();
    this.totalItems = 0;
  }

  private rememberKeyToBroadcast(key: string, modifier: Client | null): void {
    for (const [prefix, bs] of this.prefixTable) {
      if (key.startsWith(prefix)) bs.keys.set(key, modifier);
    }
    if (!this.broadcastScheduled) {
      this.broadcastScheduled = true;
      // Redis sends these in beforeSleep: once per event-loop turn, after the turn's replies.
      setImmediate(() => this.broadcast());
    }
  }

  /** Redis's trackingBroadcastInvalidationMessages: one message per prefix with its modified keys (sorted, as a rax). */
  broadcast(): void {
    this.broadcastScheduled = false;
    if (this.clients === 0) return;
    const prefixes = [...this.prefixTable.keys()].sort();
    for (const prefix of prefixes) {
      const bs = this.prefixTable.get(prefix)!;
      if (bs.keys.size > 0) {
        const keys = [...bs.keys.keys()].sort();
        const modified = bs.keys;
        let proto: string | null = null;
        for (const c of bs.clients) {
          const st = this.states.get(c)!;
          if ((st.flags & TRACKING_NOLOOP) !== 0) {
            // Leave out the keys this client changed last.
            const own = keys.filter((k) => modified.get(k) !== c);
            if (own.length > 0) this.send(c, arrayOf(own));
          } else {
            this.send(c, proto ??= arrayOf(keys));
          }
        }
      }
      bs.keys = new Map();
    }
  }

  /**
   * Redis's sendTrackingMessage: `payload` is the encoded key array (or
   * null), sent as an invalidate push in RESP3, or to a RESP2 redirect
   * client in pub/sub mode as a __redis__:invalidate message.
   */
  private send(client: Client, payload: string): void {
    const st = this.states.get(client)!;
    let target = client;
    let redirected = false;
    if (st.redirect !== 0) {
      const redir = this.server.clients.get(st.redirect);
      if (redir === undefined) {
        if ((st.flags & TRACKING_BROKEN_REDIR) === 0) {
          st.flags |= TRACKING_BROKEN_REDIR;
          this.syncClient(client, st);
        }
        if (client.resp === 3) this.deliver(client, '>2\r\n$21\r\ntracking-redir-broken\r\n:' + st.redirect + '\r\n');
        return;
      }
      target = redir;
      redirected = true;
    }
    if (target.resp === 3) this.deliver(target, INVALIDATE_PUSH + payload);
    else if (redirected && target.isPubSub) this.deliver(target, INVALIDATE_MESSAGE + payload);
  }

  /** Pushes survive CLIENT REPLY OFF/SKIP, as Redis's CLIENT_PUSHING: the running client's are held past the rollback. */
  private deliver(target: Client, frame: string): void {
    if (target === this.current && target.replyMode !== 'on' && target.transport !== null) target.heldPushes += frame;
    else target.pushRaw(frame);
  }

  // ---- tracking-table-max-keys ----------------------------------------------

  /**
   * Redis's trackingLimitUsedSlots (before each command and from the cron):
   * over the limit, keys are dropped from the table with an invalidation,
   * with an effort that grows while the table stays over the limit.
   * `current` is the client about to run a command (NOLOOP spares it).
   */
  limitUsedSlots(current: Client | null): void {
    const max = this.maxKeys;
    if (max === 0) return;
    if (this.table.size <= max) {
      this.limitRuns = 0;
      return;
    }
    let effort = 100 * (this.limitRuns + 1);
    while (effort-- > 0 && this.table.size > 0) {
      this.invalidateKey(this.pickKey(), false, current);
      if (this.table.size <= max) {
        this.limitRuns = 0;
        return;
      }
    }
    this.limitRuns++;
  }

  /** A key to evict: Redis walks its rax at random; we pick at random among the oldest entries (cheap on a Map). */
  private pickKey(): string {
    let skip = Math.floor(this.server.keyspace.random() * Math.min(this.table.size, 64));
    let last = '';
    for (const key of this.table.keys()) {
      last = key;
      if (skip-- === 0) break;
    }
    return last;
  }
}

function arrayOf(keys: readonly string[]): string {
  let out = '*' + keys.length + '\r\n';
  for (const k of keys) out += bulk(k);
  return out;
}

/** The flush marker is encoded in the tracking client's protocol, even when sent to a redirect (as Redis). */
function nullPayload(client: Client): string {
  return client.resp === 3 ? '_\r\n' : '$-1\r\n';
}
