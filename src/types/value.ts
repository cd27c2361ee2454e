// The value stored under a key. Strings are latin1 JS strings (one char per
// byte): compact, fast to hash, binary safe. Every other type is an object
// implementing CollectionValue, defined in its own module under types/.

export type ValueType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

export interface CollectionValue {
  readonly type: Exclude<ValueType, 'string'>;
  /** OBJECT ENCODING's answer: listpack, quicklist, intset, hashtable, skiplist, stream. */
  encoding(): string;
  /** Approximate bytes used, for MEMORY USAGE. */
  memoryUsage(): number;
}

export type RedisValue = string | CollectionValue;

export function typeOf(value: RedisValue): ValueType {
  return typeof value === 'string' ? 'string' : value.type;
}
