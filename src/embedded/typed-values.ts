// How the embedded API's typed JS values (the seed's String, Integer, Float,
// Boolean and Binary) map onto Redis strings and back. A Redis string is a
// byte string with no type tag: the mapping is chosen so INCR/INCRBYFLOAT
// read what set() stores, and getTyped() infers a tag from the bytes alone.

/** A key: JS strings are UTF-8 encoded; Buffers and Uint8Arrays are raw bytes. */
export type KeyInput = string | Buffer | Uint8Array;

/** A value the typed setters accept (see {@link encodeValue} for the bytes each becomes). */
export type ValueInput = string | number | bigint | boolean | Buffer | Uint8Array;

/**
 * The seed's tagged value (its JSON file variant names). The tag is not
 * stored: getTyped() infers it from the bytes (see {@link inferTyped}).
 */
export type TypedValue =
  | { String: string }
  | { Integer: number | bigint }
  | { Float: number }
  | { Boolean: boolean }
  | { Binary: Uint8Array };

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const NON_ASCII = /[^\x00-\x7f]/;

/** A JS string as a latin1 byte string of its UTF-8 encoding (ASCII passes through untouched). */
export function utf8ToBytes(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}

/** A latin1 byte string decoded as UTF-8 (invalid sequences become U+FFFD). */
export function bytesToUtf8(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

function rawBytes(u: Uint8Array): string {
  return Buffer.isBuffer(u) ? u.toString('latin1') : Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('latin1');
}

/** A key as the engine's latin1 byte string. */
export function encodeKey(key: KeyInput): string {
  if (typeof key === 'string') return utf8ToBytes(key);
  if (key instanceof Uint8Array) return rawBytes(key);
  throw new TypeError(`key must be a string, Buffer or Uint8Array, got ${describe(key)}`);
}

/** Decimal digits of an int64 bigint, as INCR stores it; RangeError outside int64. */
export function encodeBigInt(n: bigint): string {
  if (n > INT64_MAX || n < INT64_MIN) {
    throw new RangeError(`bigint ${n} is outside the signed 64-bit range Redis integers have`);
  }
  return n.toString();
}

/**
 * A number's bytes: a safe integer as its decimal digits (as INCR stores it;
 * -0 becomes "0"), any other finite number as JS's shortest round-trip text
 * String(x) (e.g. "0.1", "1e-7", "1e+21"), which INCRBYFLOAT and
 * Number() both read back exactly. NaN and ±Infinity are rejected.
 */
export function encodeNumber(x: number): string {
  if (Number.isSafeInteger(x)) return Object.is(x, -0) ? '0' : String(x);
  if (!Number.isFinite(x)) throw new TypeError(`cannot store ${x}: only finite numbers map onto Redis strings`);
  return String(x);
}

/**
 * The bytes stored for a typed value:
 * - string → its UTF-8 bytes
 * - number → see {@link encodeNumber}
 * - bigint → decimal digits (must fit in int64)
 * - boolean → "1" or "0"
 * - Buffer / Uint8Array → the raw bytes
 */
export function encodeValue(value: ValueInput): string {
  switch (typeof value) {
    case 'string': return utf8ToBytes(value);
    case 'number': return encodeNumber(value);
    case 'bigint': return encodeBigInt(value);
    case 'boolean': return value ? '1' : '0';
    default:
      if (value instanceof Uint8Array) return rawBytes(value);
      throw new TypeError(`cannot store ${describe(value)}: expected string, number, bigint, boolean, Buffer or Uint8Array`);
  }
}

/** The bytes stored for a tagged value; the tag itself is not stored. */
export function encodeTyped(value: TypedValue): string {
  if (value === null || typeof value !== 'object') throw new TypeError(`not a typed value: ${describe(value)}`);
  const tags = Object.keys(value);
  if (tags.length !== 1) throw new TypeError(`a typed value has exactly one of String, Integer, Float, Boolean, Binary; got {${tags.join(', ')}}`);
  if ('String' in value && typeof value.String === 'string') return utf8ToBytes(value.String);
  if ('Integer' in value) {
    const n = value.Integer;
    if (typeof n === 'bigint') return encodeBigInt(n);
    if (typeof n === 'number' && Number.isSafeInteger(n)) return encodeNumber(n);
    throw new TypeError(`Integer must be a safe integer number or an int64 bigint, got ${describe(n)}`);
  }
  if ('Float' in value && typeof value.Float === 'number') return encodeNumber(value.Float);
  if ('Boolean' in value && typeof value.Boolean === 'boolean') return value.Boolean ? '1' : '0';
  if ('Binary' in value && value.Binary instanceof Uint8Array) return rawBytes(value.Binary);
  throw new TypeError(`malformed typed value: ${describe(value)}`);
}

/** Whether the bytes are an integer exactly as Redis's string2ll accepts it (canonical int64 digits). */
export function isCanonicalInt64(bytes: string): boolean {
  const n = bytes.length;
  if (n === 0 || n > 20) return false;
  let i = bytes.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i === n) return false;
  const first = bytes.charCodeAt(i);
  if (first === 48 /* 0 */) return n === 1;
  for (; i < n; i++) {
    const c = bytes.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  if (n < 19) return true;
  const v = BigInt(bytes);
  return v <= INT64_MAX && v >= INT64_MIN;
}

/** Decimal float syntax accepted by the typed getters (no hex, no inf/nan, no spaces). */
const FLOAT_SYNTAX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** An int64 as a number when exactly representable, else a bigint. */
function int64Value(bytes: string): number | bigint {
  const n = Number(bytes);
  return Number.isSafeInteger(n) ? n : BigInt(bytes);
}

/** What the bytes hold, as what: used in the getters' TypeErrors. */
function preview(bytes: string): string {
  const shown = bytes.length > 40 ? `${bytes.slice(0, 40)}...` : bytes;
  return JSON.stringify(bytesToUtf8(shown));
}

/** getNumber's conversion: decimal integer or float text → number; TypeError/RangeError otherwise. */
export function decodeNumber(bytes: string, key: string): number {
  if (!FLOAT_SYNTAX.test(bytes)) {
    throw new TypeError(`value at key ${preview(key)} is not a number: ${preview(bytes)}`);
  }
  const x = Number(bytes);
  if (!Number.isFinite(x)) throw new RangeError(`value at key ${preview(key)} overflows a double: ${preview(bytes)}`);
  // Integer digits beyond 2^53 that a double cannot hold exactly would be silently rounded.
  if (/^[+-]?\d+$/.test(bytes) && !Number.isSafeInteger(x) && BigInt(bytes) !== BigInt(x)) {
    throw new RangeError(`value at key ${preview(key)} is an integer a number cannot hold exactly (${bytes}); use getBigInt`);
  }
  return x;
}

/** getBigInt's conversion: canonical int64 digits (what INCR accepts) → bigint. */
export function decodeBigInt(bytes: string, key: string): bigint {
  if (!isCanonicalInt64(bytes)) {
    throw new TypeError(`value at key ${preview(key)} is not a 64-bit integer: ${preview(bytes)}`);
  }
  return BigInt(bytes);
}

/** getBoolean's conversion: exactly "1" or "0", what set() stores for true and false. */
export function decodeBoolean(bytes: string, key: string): boolean {
  if (bytes === '1') return true;
  if (bytes === '0') return false;
  throw new TypeError(`value at key ${preview(key)} is not a boolean ("1" or "0"): ${preview(bytes)}`);
}

/**
 * getTyped's inference, in this order:
 * 1. canonical int64 digits (as INCR accepts them: no '+', no leading zeros)
 *    → Integer (a number when a safe integer, else a bigint);
 * 2. the canonical JS text of a finite double (String(Number(s)) === s,
 *    e.g. "1.5", "1e-7", "1e+21") → Float;
 * 3. valid UTF-8 → String;
 * 4. anything else → Binary (a Buffer).
 * Every rule is exact, so setTyped(k, getTyped(k)) rewrites the same bytes.
 */
export function inferTyped(bytes: string): TypedValue {
  if (isCanonicalInt64(bytes)) return { Integer: int64Value(bytes) };
  if (bytes.length > 0 && bytes.length < 32 && FLOAT_SYNTAX.test(bytes)) {
    const x = Number(bytes);
    if (Number.isFinite(x) && String(x) === bytes) return { Float: x };
  }
  if (!NON_ASCII.test(bytes)) return { String: bytes };
  const buf = Buffer.from(bytes, 'latin1');
  const text = buf.toString('utf8');
  if (Buffer.byteLength(text, 'utf8') === buf.length && Buffer.from(text, 'utf8').equals(buf)) return { String: text };
  return { Binary: buf };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)) ?? typeof v;
    } catch {
      return 'object';
    }
  }
  return `${typeof v} ${String(v)}`;
}
