// Import side of the JSON format: one key's entry (a JObj such as
// {"List": [...], "expires_at_ms": 1700000000000}) → a Redis value, built as
// the commands would build it (encodings follow the config's listpack/intset
// limits). Scalars map onto Redis strings exactly as KeyValueStore.setTyped does.

import type { Config } from '../../config/config.js';
import { bytesToUtf8, encodeBigInt, encodeNumber } from '../../embedded/typed-values.js';
import { HashValue } from '../../types/hash-value.js';
import { ListValue } from '../../types/list-value.js';
import { SetValue } from '../../types/set-value.js';
import { ZSetValue } from '../../types/zset-value.js';
import type { RedisValue } from '../../types/value.js';
import { describeValue, JObj, type JVal } from './tree.js';

/** A JSON file that does not describe Redis data; `path` locates the value inside the entry. */
export class JsonShapeError extends Error {}

/** The encoding thresholds the commands use (hash/zset listpack, set intset). */
export interface CollectionLimits {
  hashEntries: number;
  hashValue: number;
  setIntsetEntries: number;
  zsetEntries: number;
  zsetValue: number;
}

export const DEFAULT_LIMITS: CollectionLimits = {
  hashEntries: 128, hashValue: 64, setIntsetEntries: 512, zsetEntries: 128, zsetValue: 64,
};

export function limitsFromConfig(config: Config): CollectionLimits {
  return {
    hashEntries: config.num('hash-max-listpack-entries'),
    hashValue: config.num('hash-max-listpack-value'),
    setIntsetEntries: config.num('set-max-intset-entries'),
    zsetEntries: config.num('zset-max-listpack-entries'),
    zsetValue: config.num('zset-max-listpack-value'),
  };
}

export const SCALAR_TAGS = ['String', 'Integer', 'Float', 'Boolean', 'Binary'] as const;
export const COLLECTION_TAGS = ['List', 'Hash', 'Set', 'SortedSet'] as const;
/** Reserved for Redis streams, which respite does not implement yet. */
export const RESERVED_TAGS = ['Stream'] as const;
const ALL_TAGS = [...SCALAR_TAGS, ...COLLECTION_TAGS];

export interface DecodedEntry {
  /** The key's bytes from a "key" member (keys that are not UTF-8), else null: the member name is the key. */
  key: string | null;
  value: RedisValue;
  /** Absolute expiry in ms, or -1. */
  expiresAt: number;
}

const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

/** "List element [3]: " before a scalar's message, nothing for a top-level value. */
function at(what: string): string {
  return what === '' ? '' : `${what}: `;
}

function fail(msg: string): never {
  throw new JsonShapeError(msg);
}

function bytesOf(v: JVal, what: string): string {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
  if (Array.isArray(v) && v.length === 0) return '';
  fail(`${what} must be an array of integers 0-255, got ${describeValue(v)}`);
}

/** A scalar tag's value → the Redis string bytes (KeyValueStore's mapping). */
function scalarBytes(tag: string, v: JVal, what: string): string {
  switch (tag) {
    case 'String':
      if (typeof v !== 'string') fail(`${at(what)}String must be a string, got ${describeValue(v)}`);
      return v;
    case 'Integer':
      if (typeof v === 'bigint') {
        if (v < INT64_MIN || v > INT64_MAX) fail(`${at(what)}Integer ${v} is outside the signed 64-bit range`);
        return encodeBigInt(v);
      }
      // Digits beyond 2^53 arrive as bigint; a number past 2^53 came from a fraction or exponent and is not exact.
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
        fail(`${at(what)}Integer must be an integer within the signed 64-bit range (written as plain digits), got ${typeof v === 'number' ? String(v) : describeValue(v)}`);
      }
      return encodeNumber(v);
    case 'Float': {
      if (typeof v !== 'number' && typeof v !== 'bigint') fail(`${at(what)}Float must be a number, got ${describeValue(v)}`);
      const x = Number(v);
      if (!Number.isFinite(x)) fail(`${at(what)}Float ${String(v)} is out of the range of a double`);
      return encodeNumber(x);
    }
    case 'Boolean':
      if (typeof v !== 'boolean') fail(`${at(what)}Boolean must be true or false, got ${describeValue(v)}`);
      return v ? '1' : '0';
    default:
      return bytesOf(v, `${at(what)}Binary`);
  }
}

/** One collection element: a JSON string (UTF-8 text) or a one-member scalar object such as {"Binary": [...]}. */
function elementBytes(v: JVal, what: string): string {
  if (typeof v === 'string') return v;
  if (v instanceof JObj && v.names.length === 1 && (SCALAR_TAGS as readonly string[]).includes(v.names[0]!)) {
    return scalarBytes(v.names[0]!, v.values[0]!, what);
  }
  fail(`${what} must be a string or a one-member object such as {"Binary": [...]} or {"Integer": 1}, got ${describeValue(v)}`);
}

function arrayOf(v: JVal, tag: string): JVal[] {
  if (v instanceof Uint8Array) fail(`${tag} elements must be strings or typed values such as {"Integer": 1}, got numbers`);
  if (!Array.isArray(v)) fail(`${tag} must be an array, got ${describeValue(v)}`);
  if (v.length === 0) fail(`an empty ${tag} cannot be stored: Redis has no empty collections`);
  return v;
}

function pairAt(items: JVal[], i: number, tag: string, second: string): [JVal, JVal] {
  const p = items[i]!;
  if (p instanceof Uint8Array || !Array.isArray(p) || p.length !== 2) {
    fail(`${tag} element [${i}] must be a pair [${tag === 'Hash' ? 'field' : 'member'}, ${second}], got ${p instanceof Uint8Array ? `an array of ${p.length} numbers` : Array.isArray(p) ? `an array of ${p.length}` : describeValue(p)}`);
  }
  return [p[0]!, p[1]!];
}

function list(v: JVal): ListValue {
  const items = arrayOf(v, 'List');
  const out = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = elementBytes(items[i]!, `List element [${i}]`);
  return ListValue.from(out);
}

function set(v: JVal, lim: CollectionLimits): SetValue {
  const items = arrayOf(v, 'Set');
  let s: SetValue | null = null;
  for (let i = 0; i < items.length; i++) {
    const m = elementBytes(items[i]!, `Set element [${i}]`);
    if (s === null) s = SetValue.forMember(m);
    s.add(m, lim.setIntsetEntries);
  }
  return s!;
}

function hashSet(h: HashValue, field: string, value: string, lim: CollectionLimits): void {
  // As hashTypeSet: too long an entry converts first, too many entries after.
  if (h.lp !== null && (field.length > lim.hashValue || value.length > lim.hashValue)) h.convert();
  h.set(field, value);
  if (h.lp !== null && h.size > lim.hashEntries) h.convert();
}

function hash(v: JVal, lim: CollectionLimits): HashValue {
  const h = new HashValue();
  if (v instanceof JObj) {
    if (v.names.length === 0) fail('an empty Hash cannot be stored: Redis has no empty collections');
    for (let i = 0; i < v.names.length; i++) {
      hashSet(h, v.names[i]!, elementBytes(v.values[i]!, `Hash value of field ${JSON.stringify(bytesToUtf8(v.names[i]!))}`), lim);
    }
    return h;
  }
  if (!Array.isArray(v) && !(v instanceof Uint8Array)) fail(`Hash must be an object {field: value} or an array of [field, value] pairs, got ${describeValue(v)}`);
  const items = arrayOf(v, 'Hash');
  for (let i = 0; i < items.length; i++) {
    const [f, val] = pairAt(items, i, 'Hash', 'value');
    hashSet(h, elementBytes(f, `Hash field [${i}]`), elementBytes(val, `Hash value [${i}]`), lim);
  }
  return h;
}

const INFINITIES = new Map([['inf', Infinity], ['+inf', Infinity], ['-inf', -Infinity], ['infinity', Infinity], ['+infinity', Infinity], ['-infinity', -Infinity]]);

function score(v: JVal, i: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const x = INFINITIES.get(v.toLowerCase());
    if (x !== undefined) return x;
  }
  fail(`SortedSet score [${i}] must be a number, "inf" or "-inf", got ${typeof v === 'string' ? JSON.stringify(v) : describeValue(v)}`);
}

function sortedSet(v: JVal, lim: CollectionLimits): ZSetValue {
  const items = arrayOf(v, 'SortedSet');
  const z = new ZSetValue();
  const limits = { entries: lim.zsetEntries, value: lim.zsetValue };
  for (let i = 0; i < items.length; i++) {
    const [m, s] = pairAt(items, i, 'SortedSet', 'score');
    const x = score(s, i);
    if (!Number.isFinite(x) && typeof s === 'number') fail(`SortedSet score [${i}] is out of the range of a double (write "inf" or "-inf")`);
    z.set(elementBytes(m, `SortedSet member [${i}]`), x, limits);
  }
  return z;
}

function expiry(v: JVal): number {
  if (v === null) return -1;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  fail(`expires_at_ms must be an integer (milliseconds since the Unix epoch) or null, got ${typeof v === 'number' || typeof v === 'bigint' ? String(v) : describeValue(v)}`);
}

/** Converts one key's entry; throws JsonShapeError saying what is wrong. */
export function decodeEntry(entry: JVal, lim: CollectionLimits): DecodedEntry {
  if (!(entry instanceof JObj)) {
    fail(`each key's value must be an object such as {"String": "..."} or {"List": [...]}, got ${describeValue(entry)}`);
  }
  let tag: string | null = null;
  let payload: JVal = null;
  let key: string | null = null;
  let expiresAt = -1;
  for (let i = 0; i < entry.names.length; i++) {
    const name = entry.names[i]!;
    const v = entry.values[i]!;
    if (name === 'expires_at_ms') expiresAt = expiry(v);
    else if (name === 'key') key = elementBytes(v, 'key');
    else if ((RESERVED_TAGS as readonly string[]).includes(name)) fail(`${name} values are not supported: respite does not implement Redis streams yet`);
    else if ((ALL_TAGS as readonly string[]).includes(name)) {
      if (tag !== null && tag !== name) fail(`an entry has exactly one type, got both ${tag} and ${name}`);
      tag = name;
      payload = v;
    } else {
      fail(`unknown member ${JSON.stringify(name)} (expected one of ${ALL_TAGS.join(', ')}, plus optional expires_at_ms and key)`);
    }
  }
  if (tag === null) fail(`an entry needs a type: one of ${ALL_TAGS.join(', ')}`);
  let value: RedisValue;
  switch (tag) {
    case 'List': value = list(payload); break;
    case 'Set': value = set(payload, lim); break;
    case 'Hash': value = hash(payload, lim); break;
    case 'SortedSet': value = sortedSet(payload, lim); break;
    default: value = scalarBytes(tag, payload, '');
  }
  return { key, value, expiresAt };
}
