// KeyValueStore: the server's engine in process, no socket. Commands go
// through the same dispatcher as TCP clients (src/server/dispatcher.ts), so
// behaviour, errors and statistics are identical; replies arrive through a
// ValueSink and are converted to JS values.

import { Client } from '../server/client.js';
import { execute } from '../server/dispatcher.js';
import { Logger } from '../server/logger.js';
import { Server, type ServerInit } from '../server/server.js';
import { ValueSink, type ReplyValue } from '../protocol/value-sink.js';
import { RedisError } from '../errors.js';
import type { Clock } from '../keyspace/clock.js';
import { isStringValue, stringBytesLength, stringValueToLatin1 } from '../types/value.js';
import { toBufferReply, toStringReply, type BufferReply, type Reply } from './reply-convert.js';
import {
  bytesToUtf8, decodeBigInt, decodeBoolean, decodeNumber, encodeKey, encodeNumber, encodeTyped, encodeValue,
  inferTyped, isCanonicalInt64, utf8ToBytes, type KeyInput, type TypedValue, type ValueInput,
} from './typed-values.js';

/** An argument of {@link KeyValueStore.command}. */
export type CommandArg = string | number | bigint | Buffer | Uint8Array;

export interface KeyValueStoreOptions {
  /** The time source for TTLs (default: the system clock). A ManualClock makes expiry testable without sleeping. */
  clock?: Clock;
  /** Number of databases (default 16). */
  databases?: number;
  /** Any redis.conf parameters, e.g. { 'hz': 100 }. */
  config?: Record<string, string | number | boolean>;
}

/** Options of {@link KeyValueStore.set}: SET's EX/PX/EXAT/PXAT, NX/XX, KEEPTTL and GET. */
export interface SetOptions {
  ex?: number;
  px?: number;
  exat?: number;
  pxat?: number;
  nx?: boolean;
  xx?: boolean;
  keepTtl?: boolean;
  get?: boolean;
}

export interface ScanOptions {
  match?: string;
  count?: number;
  /** Only keys of this type ('string', 'list', ...). */
  type?: string;
}

export type ExpireMode = 'NX' | 'XX' | 'GT' | 'LT';

/** Largest |value| the number-returning INCR family can hand back exactly. */
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An in-process Redis: the same command table, semantics and errors as the
 * TCP server. Keys and string values given as JS strings are stored as their
 * UTF-8 bytes; Buffers and Uint8Arrays as raw bytes. Error replies are thrown
 * as {@link RedisError}. Not safe to share across worker threads.
 */
export class KeyValueStore {
  /** The engine, for advanced use (CONFIG, INFO-level statistics). */
  readonly server: Server;
  private readonly sink = new ValueSink();
  private readonly client: Client;
  private closed = false;

  constructor(options: KeyValueStoreOptions = {}) {
    const config: [string, string][] = [];
    for (const [name, value] of Object.entries(options.config ?? {})) {
      config.push([name, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)]);
    }
    if (options.databases !== undefined) config.push(['databases', String(options.databases)]);
    const init: ServerInit = { config, logger: new Logger('notice', null, true) };
    if (options.clock) init.clock = options.clock;
    this.server = new Server(init);
    this.client = new Client(this.server, this.sink, '?:0', '?:0', null);
    // The embedding program is trusted: requirepass guards sockets, and there are none here.
    this.client.authenticated = true;
    this.server.addClient(this.client);
    this.server.startCron();
  }

  /**
   * Runs any command, e.g. `command('HSET', 'h', 'f', 1)`. Strings are sent
   * as UTF-8, numbers as their shortest decimal text (±Infinity as inf/-inf),
   * Buffers as raw bytes. Returns the RESP3 reply as JS values: bulk strings
   * decoded as UTF-8, integers as numbers (bigint beyond 2^53), maps as Map,
   * null for nil. Throws RedisError for an error reply.
   */
  command(...args: CommandArg[]): Reply {
    return toStringReply(this.run(encodeArgs(args)));
  }

  /** As {@link command}, but bulk strings (and map keys) stay Buffers: for binary data. */
  commandBuffer(...args: CommandArg[]): BufferReply {
    return toBufferReply(this.run(encodeArgs(args)));
  }

  /**
   * SET. Returns true when the value was set (false when NX/XX prevented it);
   * with `get: true`, returns the old value (null when there was none).
   * Values map onto bytes as {@link encodeValue} documents.
   */
  set(key: KeyInput, value: ValueInput, opts: SetOptions & { get: true }): string | null;
  set(key: KeyInput, value: ValueInput, opts?: SetOptions): boolean;
  set(key: KeyInput, value: ValueInput, opts?: SetOptions): boolean | string | null {
    const argv = ['SET', encodeKey(key), encodeValue(value)];
    if (opts !== undefined) {
      if (opts.ex !== undefined) argv.push('EX', encodeNumber(opts.ex));
      if (opts.px !== undefined) argv.push('PX', encodeNumber(opts.px));
      if (opts.exat !== undefined) argv.push('EXAT', encodeNumber(opts.exat));
      if (opts.pxat !== undefined) argv.push('PXAT', encodeNumber(opts.pxat));
      if (opts.nx) argv.push('NX');
      if (opts.xx) argv.push('XX');
      if (opts.keepTtl) argv.push('KEEPTTL');
      if (opts.get) {
        argv.push('GET');
        return this.bulkString(argv);
      }
    }
    return this.run(argv) !== null;
  }

  /** SET of a tagged value ({String}, {Integer}, {Float}, {Boolean}, {Binary}); the tag is not stored. */
  setTyped(key: KeyInput, value: TypedValue, opts?: Omit<SetOptions, 'get'>): boolean {
    return this.set(key, Buffer.from(encodeTyped(value), 'latin1'), opts);
  }

  /** GET, decoded as UTF-8 (invalid sequences become U+FFFD: use getBuffer for binary values). */
  get(key: KeyInput): string | null {
    return this.bulkString(['GET', encodeKey(key)]);
  }

  /** GET as raw bytes. */
  getBuffer(key: KeyInput): Buffer | null {
    const bytes = this.getBytes(key);
    return bytes === null ? null : Buffer.from(bytes, 'latin1');
  }

  /** GET as a number: decimal integer or float text; TypeError otherwise, RangeError if not exact. */
  getNumber(key: KeyInput): number | null {
    const bytes = this.getBytes(key);
    return bytes === null ? null : decodeNumber(bytes, encodeKey(key));
  }

  /** GET as a bigint: the value must be an int64 as INCR accepts it; TypeError otherwise. */
  getBigInt(key: KeyInput): bigint | null {
    const bytes = this.getBytes(key);
    return bytes === null ? null : decodeBigInt(bytes, encodeKey(key));
  }

  /** GET as a boolean: "1" is true, "0" false (what set() stores); TypeError otherwise. */
  getBoolean(key: KeyInput): boolean | null {
    const bytes = this.getBytes(key);
    return bytes === null ? null : decodeBoolean(bytes, encodeKey(key));
  }

  /** GET with the type inferred from the bytes (see inferTyped in typed-values.ts). */
  getTyped(key: KeyInput): TypedValue | null {
    const bytes = this.getBytes(key);
    return bytes === null ? null : inferTyped(bytes);
  }

  del(...keys: KeyInput[]): number {
    return this.integer(['DEL', ...keys.map(encodeKey)]);
  }

  /** EXISTS: how many of the keys exist (a key named twice counts twice). */
  exists(...keys: KeyInput[]): number {
    return this.integer(['EXISTS', ...keys.map(encodeKey)]);
  }

  incr(key: KeyInput): number {
    const k = encodeKey(key);
    this.checkSafeIncrement(k, 1);
    return this.integer(['INCR', k]);
  }

  decr(key: KeyInput): number {
    const k = encodeKey(key);
    this.checkSafeIncrement(k, -1);
    return this.integer(['DECR', k]);
  }

  /**
   * INCRBY. With a number delta the result is a number, and a result beyond
   * ±2^53 throws RangeError before anything changes; pass a bigint delta to
   * get a bigint result over the whole int64 range.
   */
  incrBy(key: KeyInput, delta: bigint): bigint;
  incrBy(key: KeyInput, delta: number): number;
  incrBy(key: KeyInput, delta: number | bigint): number | bigint {
    return this.addBy('INCRBY', key, delta, 1);
  }

  /** DECRBY; number/bigint results as for {@link incrBy}. */
  decrBy(key: KeyInput, delta: bigint): bigint;
  decrBy(key: KeyInput, delta: number): number;
  decrBy(key: KeyInput, delta: number | bigint): number | bigint {
    return this.addBy('DECRBY', key, delta, -1);
  }

  /** INCRBYFLOAT; returns the new value as a number. */
  incrByFloat(key: KeyInput, delta: number): number {
    const text = this.bulkBytes(['INCRBYFLOAT', encodeKey(key), encodeNumber(delta)]);
    return Number(text);
  }

  /** EXPIRE: true when the timeout was set. */
  expire(key: KeyInput, seconds: number, mode?: ExpireMode): boolean {
    return this.flag('EXPIRE', key, seconds, mode);
  }

  /** PEXPIRE: true when the timeout was set. */
  pexpire(key: KeyInput, ms: number, mode?: ExpireMode): boolean {
    return this.flag('PEXPIRE', key, ms, mode);
  }

  /** TTL in seconds; -1 when the key has no timeout, -2 when it does not exist. */
  ttl(key: KeyInput): number {
    return this.integer(['TTL', encodeKey(key)]);
  }

  /** PTTL in milliseconds; -1 no timeout, -2 no key. */
  pttl(key: KeyInput): number {
    return this.integer(['PTTL', encodeKey(key)]);
  }

  /** PERSIST: true when a timeout was removed. */
  persist(key: KeyInput): boolean {
    return this.integer(['PERSIST', encodeKey(key)]) === 1;
  }

  mget(...keys: KeyInput[]): (string | null)[] {
    const reply = this.run(['MGET', ...keys.map(encodeKey)]) as (Buffer | null)[];
    return reply.map((b) => (b === null ? null : b.toString('utf8')));
  }

  mgetBuffer(...keys: KeyInput[]): (Buffer | null)[] {
    return this.run(['MGET', ...keys.map(encodeKey)]) as (Buffer | null)[];
  }

  /** MSET from an object, a Map or [key, value] pairs; values map onto bytes as set() does. */
  mset(entries: Record<string, ValueInput> | Iterable<readonly [KeyInput, ValueInput]>): void {
    const argv = ['MSET'];
    const pairs = isIterable(entries) ? entries : Object.entries(entries);
    for (const [k, v] of pairs) argv.push(encodeKey(k), encodeValue(v));
    this.run(argv);
  }

  /** KEYS pattern (glob), decoded as UTF-8. */
  keys(pattern = '*'): string[] {
    return (this.run(['KEYS', utf8ToBytes(pattern)]) as Buffer[]).map((b) => b.toString('utf8'));
  }

  /** One SCAN step: the next cursor ('0' when done) and a batch of keys. */
  scan(cursor: string | number | bigint = 0, opts: ScanOptions = {}): { cursor: string; keys: string[] } {
    const argv = ['SCAN', String(cursor)];
    if (opts.match !== undefined) argv.push('MATCH', utf8ToBytes(opts.match));
    if (opts.count !== undefined) argv.push('COUNT', encodeNumber(opts.count));
    if (opts.type !== undefined) argv.push('TYPE', opts.type);
    const [next, keys] = this.run(argv) as [Buffer, Buffer[]];
    return { cursor: next.toString('latin1'), keys: keys.map((b) => b.toString('utf8')) };
  }

  /**
   * Every key, by repeated SCAN (with SCAN's guarantees: keys present for the
   * whole iteration are returned at least once). Usable with for..of and for await..of.
   */
  *scanIterator(opts: ScanOptions = {}): Generator<string, void, undefined> {
    let cursor = '0';
    do {
      const step = this.scan(cursor, opts);
      cursor = step.cursor;
      yield* step.keys;
    } while (cursor !== '0');
  }

  /** TYPE: 'none', 'string', 'list', 'set', 'zset', 'hash' or 'stream'. */
  type(key: KeyInput): string {
    return this.run(['TYPE', encodeKey(key)]) as string;
  }

  rename(key: KeyInput, newKey: KeyInput): void {
    this.run(['RENAME', encodeKey(key), encodeKey(newKey)]);
  }

  flushAll(): void {
    this.run(['FLUSHALL']);
  }

  /** SELECT: later commands use database `db`. */
  select(db: number): void {
    this.run(['SELECT', encodeNumber(db)]);
  }

  /** The selected database's index. */
  get db(): number {
    return this.client.db.id;
  }

  dbSize(): number {
    return this.integer(['DBSIZE']);
  }

  /** Stops the periodic tasks (active expiry); later calls throw. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.stopCron();
    this.server.removeClient(this.client);
  }

  /** Runs argv (latin1 byte strings) and returns the single reply; throws error replies. */
  private run(argv: string[]): ReplyValue {
    if (this.closed) throw new Error('KeyValueStore is closed');
    execute(this.client, argv);
    const replies = this.sink.takeAll();
    if (replies.length === 1) {
      const reply = replies[0]!;
      if (reply instanceof RedisError) throw utf8Error(reply);
      return reply;
    }
    if (replies.length === 0) {
      throw new Error(`'${bytesToUtf8(argv[0]!)}' produced no reply: commands that block or wait for pushes cannot run in process`);
    }
    return replies; // commands that reply more than once (SUBSCRIBE a b): every reply, in order
  }

  private addBy(name: string, key: KeyInput, delta: number | bigint, sign: 1 | -1): number | bigint {
    const k = encodeKey(key);
    if (typeof delta === 'bigint') return BigInt(this.run([name, k, delta.toString()]) as number | bigint);
    this.checkSafeIncrement(k, delta * sign);
    return this.integer([name, k, encodeNumber(delta)]);
  }

  private integer(argv: string[]): number {
    return Number(this.run(argv));
  }

  private flag(name: string, key: KeyInput, amount: number, mode: ExpireMode | undefined): boolean {
    const argv = [name, encodeKey(key), encodeNumber(amount)];
    if (mode !== undefined) argv.push(mode);
    return this.integer(argv) === 1;
  }

  private bulkBytes(argv: string[]): string | null {
    const reply = this.run(argv) as Buffer | null;
    return reply === null ? null : reply.toString('latin1');
  }

  private bulkString(argv: string[]): string | null {
    const reply = this.run(argv) as Buffer | null;
    return reply === null ? null : reply.toString('utf8');
  }

  private getBytes(key: KeyInput): string | null {
    return this.bulkBytes(['GET', encodeKey(key)]);
  }

  /** Refuses (before any change) an INCRBY whose result a number cannot hold exactly. */
  private checkSafeIncrement(key: string, delta: number): void {
    const found = this.client.db.lookupNoTouch(key);
    if (!isStringValue(found) || stringBytesLength(found) > 20 || !Number.isSafeInteger(delta)) return;
    const current = stringValueToLatin1(found);
    if (current.length <= 15 && Math.abs(delta) < 2 ** 52) return; // |result| < 10^15 + 2^52 < 2^53
    if (!isCanonicalInt64(current)) return; // INCRBY itself rejects it
    const result = BigInt(current) + BigInt(delta);
    if ((result > SAFE || result < -SAFE) && result <= 9223372036854775807n && result >= -9223372036854775808n) {
      throw new RangeError(`INCRBY result ${result} is beyond what a number holds exactly; pass a bigint delta`);
    }
  }
}

function encodeArgs(args: readonly CommandArg[]): string[] {
  const argv = new Array<string>(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (typeof a === 'number') {
      if (Number.isNaN(a)) throw new TypeError(`argument ${i} is NaN`);
      argv[i] = a === Infinity ? 'inf' : a === -Infinity ? '-inf' : encodeNumber(a);
    } else if (typeof a === 'bigint') {
      argv[i] = a.toString();
    } else {
      argv[i] = encodeKey(a);
    }
  }
  if (argv.length === 0) throw new TypeError('command() needs at least the command name');
  return argv;
}

/** Error texts quote arguments as bytes: show them to JS as the UTF-8 the caller passed. */
function utf8Error(err: RedisError): RedisError {
  const text = bytesToUtf8(err.message);
  return text === err.message ? err : new RedisError(text);
}

function isIterable<T>(x: object): x is Iterable<T> {
  return typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}
