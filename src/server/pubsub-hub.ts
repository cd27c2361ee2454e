// The pub/sub hub: channel, pattern and shard-channel subscriptions, and
// message fan-out. A message is encoded once per protocol and the same string
// is appended to every subscriber's output (each flushed once per loop turn).

import { compileGlob, type Matcher } from '../util/glob.js';
import type { Client } from './client.js';
import type { OutputBufferLimits } from './output-limits.js';
import type { Server } from './server.js';

/** The three subscription kinds; their confirmation and message words differ. */
export type SubscriptionKind = 'channel' | 'pattern' | 'shard';

interface PatternEntry {
  readonly match: Matcher;
  readonly clients: Set<Client>;
}

/** One client's subscriptions, in subscription order (unsubscribe-all replies in this order). */
interface ClientSubscriptions {
  readonly channels: Set<string>;
  readonly patterns: Set<string>;
  readonly shard: Set<string>;
}

/** RESP bulk string, latin1 (one char per byte). */
function bulk(s: string): string {
  return '$' + s.length + '\r\n' + s + '\r\n';
}

const SUBSCRIBE_WORD: Record<SubscriptionKind, string> = { channel: 'subscribe', pattern: 'psubscribe', shard: 'ssubscribe' };
const UNSUBSCRIBE_WORD: Record<SubscriptionKind, string> = {
  channel: 'unsubscribe', pattern: 'punsubscribe', shard: 'sunsubscribe',
};

export class PubSubHub {
  /** channel → subscribers, in subscription order (Redis 7.0 keeps a list per channel). */
  readonly channels = new Map<string, Set<Client>>();
  readonly patterns = new Map<string, PatternEntry>();
  readonly shardChannels = new Map<string, Set<Client>>();
  private readonly byClient = new Map<Client, ClientSubscriptions>();
  /** Subscribers found over their output buffer limit during a delivery, closed after it. */
  private overLimit: Client[] = [];

  constructor(server: Server, private readonly limits: OutputBufferLimits) {
    server.clientCloseHooks.push((c) => this.removeAll(c));
    server.clientResetHooks.push((c) => this.removeAll(c));
  }

  // ---- subscriptions ----------------------------------------------------

  /** Adds a subscription; false when the client already had it. Updates the client's counters. */
  subscribe(client: Client, kind: SubscriptionKind, name: string): boolean {
    const subs = this.subscriptionsOf(client, true);
    const own = kind === 'channel' ? subs.channels : kind === 'pattern' ? subs.patterns : subs.shard;
    if (own.has(name)) return false;
    own.add(name);
    if (kind === 'pattern') {
      let entry = this.patterns.get(name);
      if (entry === undefined) {
        entry = { match: compileGlob(name), clients: new Set() };
        this.patterns.set(name, entry);
      }
      entry.clients.add(client);
    } else {
      const table = kind === 'channel' ? this.channels : this.shardChannels;
      let set = table.get(name);
      if (set === undefined) {
        set = new Set();
        table.set(name, set);
      }
      set.add(client);
    }
    this.syncCounts(client, subs);
    return true;
  }

  /** Removes a subscription; false when the client did not have it. */
  unsubscribe(client: Client, kind: SubscriptionKind, name: string): boolean {
    const subs = this.byClient.get(client);
    if (subs === undefined) return false;
    const own = kind === 'channel' ? subs.channels : kind === 'pattern' ? subs.patterns : subs.shard;
    if (!own.delete(name)) return false;
    if (kind === 'pattern') {
      const entry = this.patterns.get(name)!;
      entry.clients.delete(client);
      // Drop empty entries, so that PUBSUB CHANNELS/NUMPAT and memory follow live subscriptions only.
      if (entry.clients.size === 0) this.patterns.delete(name);
    } else {
      const table = kind === 'channel' ? this.channels : this.shardChannels;
      const set = table.get(name)!;
      set.delete(client);
      if (set.size === 0) table.delete(name);
    }
    this.syncCounts(client, subs);
    return true;
  }

  /** The client's subscriptions of one kind, in subscription order (a copy: callers unsubscribe while iterating). */
  subscriptions(client: Client, kind: SubscriptionKind): string[] {
    const subs = this.byClient.get(client);
    if (subs === undefined) return [];
    return [...(kind === 'channel' ? subs.channels : kind === 'pattern' ? subs.patterns : subs.shard)];
  }

  /** Drops every subscription of a client silently (disconnect, RESET). */
  removeAll(client: Client): void {
    const subs = this.byClient.get(client);
    if (subs === undefined) return;
    for (const ch of [...subs.channels]) this.unsubscribe(client, 'channel', ch);
    for (const p of [...subs.patterns]) this.unsubscribe(client, 'pattern', p);
    for (const ch of [...subs.shard]) this.unsubscribe(client, 'shard', ch);
    this.byClient.delete(client);
  }

  private subscriptionsOf(client: Client, create: true): ClientSubscriptions {
    let subs = this.byClient.get(client);
    if (subs === undefined && create) {
      subs = { channels: new Set(), patterns: new Set(), shard: new Set() };
      this.byClient.set(client, subs);
    }
    return subs!;
  }

  private syncCounts(client: Client, subs: ClientSubscriptions): void {
    client.subscribedChannels = subs.channels.size;
    client.subscribedPatterns = subs.patterns.size;
    client.subscribedShardChannels = subs.shard.size;
    if (subs.channels.size + subs.patterns.size + subs.shard.size === 0) this.byClient.delete(client);
  }

  // ---- confirmations ------------------------------------------------------

  /**
   * Sends a (p|s)(un)subscribe confirmation: [word, name or nil, count]. The
   * count is channels + patterns, or shard channels for the shard kind, as
   * Redis. Confirmations are pushes: as Redis 7.0.15, CLIENT REPLY OFF/SKIP do
   * not drop them, so they are held past the reply-mode rollback.
   */
  confirm(client: Client, kind: SubscriptionKind, subscribed: boolean, name: string | null): void {
    const word = subscribed ? SUBSCRIBE_WORD[kind] : UNSUBSCRIBE_WORD[kind];
    const count = kind === 'shard' ? client.subscribedShardChannels : client.subscribedChannels + client.subscribedPatterns;
    if (client.replyMode !== 'on' && client.transport !== null) {
      const nil = client.resp === 2 ? '$-1\r\n' : '_\r\n';
      client.heldPushes += (client.resp === 2 ? '*3\r\n' : '>3\r\n') + bulk(word) + (name === null ? nil : bulk(name))
        + ':' + count + '\r\n';
      return;
    }
    const reply = client.reply;
    reply.push(3);
    reply.bulk(word);
    if (name === null) reply.null();
    else reply.bulk(name);
    reply.integer(count);
  }

  // ---- publishing ---------------------------------------------------------

  /**
   * PUBLISH: delivers `message` to the channel's subscribers, then to every
   * matching pattern's subscribers (a client with both gets it twice).
   * Returns the number of deliveries. `publisher` is the client running the
   * command, if any (its own copies must survive CLIENT REPLY OFF).
   */
  publish(channel: string, message: string, publisher: Client | null = null): number {
    let receivers = 0;
    const subs = this.channels.get(channel);
    if (subs !== undefined) receivers += this.fanOut(subs, 'message', null, channel, message, publisher);
    if (this.patterns.size > 0) {
      for (const [pattern, entry] of this.patterns) {
        if (entry.match(channel)) receivers += this.fanOut(entry.clients, 'pmessage', pattern, channel, message, publisher);
      }
    }
    this.closeOverLimit();
    return receivers;
  }

  /** SPUBLISH: shard channels ignore patterns. */
  spublish(channel: string, message: string, publisher: Client | null = null): number {
    const subs = this.shardChannels.get(channel);
    if (subs === undefined) return 0;
    const receivers = this.fanOut(subs, 'smessage', null, channel, message, publisher);
    this.closeOverLimit();
    return receivers;
  }

  /** Encodes the frame at most once per protocol and appends it to each subscriber. */
  private fanOut(clients: Set<Client>, word: string, pattern: string | null, channel: string, message: string,
    publisher: Client | null): number {
    let frame2: string | null = null;
    let frame3: string | null = null;
    const limits = this.limits;
    for (const c of clients) {
      let frame: string;
      if (c.resp === 2) {
        frame = frame2 ??= messageFrame('*', word, pattern, channel, message);
      } else {
        frame = frame3 ??= messageFrame('>', word, pattern, channel, message);
      }
      if (c === publisher && c.replyMode !== 'on') c.heldPushes += frame;
      else c.pushRaw(frame);
      if (limits.pubsubLimited && c.transport !== null && limits.exceeded(c)) this.overLimit.push(c);
    }
    return clients.size;
  }

  private closeOverLimit(): void {
    if (this.overLimit.length === 0) return;
    const list = this.overLimit;
    this.overLimit = [];
    for (const c of list) this.limits.closeAsap(c);
  }

  // ---- introspection (PUBSUB, INFO) ---------------------------------------

  numsub(channel: string): number {
    return this.channels.get(channel)?.size ?? 0;
  }

  shardNumsub(channel: string): number {
    return this.shardChannels.get(channel)?.size ?? 0;
  }

  /** Unique patterns with at least one subscriber (PUBSUB NUMPAT, INFO pubsub_patterns). */
  get numpat(): number {
    return this.patterns.size;
  }
}

function messageFrame(head: '*' | '>', word: string, pattern: string | null, channel: string, message: string): string {
  return pattern === null
    ? head + '3\r\n' + bulk(word) + bulk(channel) + bulk(message)
    : head + '4\r\n' + bulk(word) + bulk(pattern) + bulk(channel) + bulk(message);
}
