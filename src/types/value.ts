// The value stored under a key. Strings are latin1 JS strings (one char per
// byte): compact, fast to hash, binary safe; or, once edited in place (APPEND,
// SETRANGE, SETBIT, BITFIELD, PFADD), a ByteString. Every other type is an
// object implementing CollectionValue, defined in its own module under types/.

import { ByteString } from './byte-string.js';

export { ByteString };

export type ValueType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

export interface CollectionValue {
  readonly type: Exclude<ValueType, 'string'>;
  /** OBJECT ENCODING's answer: listpack, quicklist, intset, hashtable, skiplist, stream. */
  encoding(): string;
  /** Approximate bytes used, for MEMORY USAGE. */
  memoryUsage(): number;
}

/** A Redis string value: a latin1 JS string, or a ByteString edited in place. */
export type StringValue = string | ByteString;

export type RedisValue = StringValue | CollectionValue;

/** Whether `v` is a Redis string (either form). */
export function isStringValue(v: RedisValue | undefined): v is StringValue {
  return typeof v === 'string' || v instanceof ByteString;
}

/** The string's length in bytes (STRLEN). */
export function stringBytesLength(v: StringValue): number {
  return typeof v === 'string' ? v.length : v.len;
}

/** The string as a latin1 JS string (O(n) for a ByteString). */
export function stringValueToLatin1(v: StringValue): string {
  return typeof v === 'string' ? v : v.toLatin1();
}

/** The string's bytes: a view of a ByteString's storage (valid until its next write), or a new Buffer. */
export function stringValueBytes(v: StringValue): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'latin1') : v.view();
}

/** The string as a bulk reply: never a view of live storage (see ByteString.snapshot). */
export function stringReplyValue(v: StringValue): string | Buffer {
  return typeof v === 'string' ? v : v.snapshot();
}

/** A ByteString to edit in place: `v` itself, or a raw copy of a JS string (dbUnshareStringValue). */
export function unshareString(v: StringValue | undefined, extra = 0): ByteString {
  if (v instanceof ByteString) return v;
  return ByteString.fromLatin1(v ?? '', extra);
}

export function typeOf(value: RedisValue): ValueType {
  return typeof value === 'string' ? 'string' : value.type;
}
