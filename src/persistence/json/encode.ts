// Export side of the JSON format: one key → the text of its entry, in pieces
// (a generator, so the writer can wait for the file between the elements of
// a large collection). Redis strings get their tag from KeyValueStore's
// inference (getTyped); anything that is not UTF-8 is written as bytes.

import { isUtf8 } from 'node:buffer';
import { inferTyped } from '../../embedded/typed-values.js';
import { HashValue } from '../../types/hash-value.js';
import { ListValue } from '../../types/list-value.js';
import { SetValue } from '../../types/set-value.js';
import { ZSetValue } from '../../types/zset-value.js';
import { isStringValue, stringValueToLatin1, type RedisValue } from '../../types/value.js';

const NON_ASCII = /[^\x00-\x7f]/;

/** Elements of a collection per yielded piece. */
const PIECE_ELEMENTS = 256;

/** Whether a byte string is valid UTF-8 (what JSON text can carry). */
export function isUtf8Bytes(bytes: string): boolean {
  return !NON_ASCII.test(bytes) || isUtf8(Buffer.from(bytes, 'latin1'));
}

/** JSON string literal of UTF-8 bytes (the caller checked they are UTF-8). */
function textLiteral(bytes: string): string {
  return JSON.stringify(NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes);
}

function byteArray(bytes: string): string {
  return `[${Buffer.from(bytes, 'latin1').join(',')}]`;
}

/** A collection element: a JSON string when UTF-8, else {"Binary": [...]}. */
export function elementJson(bytes: string): string {
  return isUtf8Bytes(bytes) ? textLiteral(bytes) : `{"Binary":${byteArray(bytes)}}`;
}

/**
 * A readable, unique label for a key that is not UTF-8, in redis-cli's
 * quoting (\xff for bytes outside printable ASCII); the bytes themselves go
 * in the entry's "key" member.
 */
export function binaryKeyLabel(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 0x5c || c === 0x22) out += `\\${bytes[i]}`;
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c >= 0x20 && c < 0x7f) out += bytes[i];
    else out += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** A score: shortest round-trip text, "-0" kept, infinities as "inf"/"-inf" (JSON has no Infinity). */
export function scoreJson(x: number): string {
  if (x === Infinity) return '"inf"';
  if (x === -Infinity) return '"-inf"';
  return Object.is(x, -0) ? '-0' : String(x);
}

/** A Redis string's typed form: Integer and Float keep their exact digits. */
export function stringJson(bytes: string): string {
  const typed = inferTyped(bytes);
  if ('Integer' in typed) return `{"Integer":${bytes}}`;
  if ('Float' in typed) return `{"Float":${bytes}}`;
  if ('String' in typed) return `{"String":${JSON.stringify(typed.String)}}`;
  return `{"Binary":${byteArray(bytes)}}`;
}

/** Yields `open`, the elements joined by commas in pieces, then `close`. */
function* elements<T>(open: string, items: readonly T[], one: (item: T) => string, close: string): Generator<string> {
  let piece = open;
  for (let i = 0; i < items.length; i++) {
    piece += (i === 0 ? '' : ',') + one(items[i]!);
    if (i % PIECE_ELEMENTS === PIECE_ELEMENTS - 1) {
      yield piece;
      piece = '';
    }
  }
  yield piece + close;
}

function pairsOf(h: HashValue): [string, string][] {
  const out: [string, string][] = [];
  h.forEach((f, v) => { out.push([f, v]); });
  return out;
}

/** The entry of one key: `"name":{...}` (no separator, no newline). */
export function* entryJson(key: string, value: RedisValue, expiresAt: number): Generator<string> {
  const ttl = expiresAt === -1 ? '' : `,"expires_at_ms":${expiresAt}`;
  const head = isUtf8Bytes(key) ? `${textLiteral(key)}:{` : `${JSON.stringify(binaryKeyLabel(key))}:{"key":${elementJson(key)},`;
  if (isStringValue(value)) {
    yield `${head}${stringJson(stringValueToLatin1(value)).slice(1, -1)}${ttl}}`;
    return;
  }
  if (value instanceof ListValue) {
    yield* elements(`${head}"List":[`, value.toArray(), elementJson, `]${ttl}}`);
  } else if (value instanceof SetValue) {
    yield* elements(`${head}"Set":[`, value.members(), elementJson, `]${ttl}}`);
  } else if (value instanceof HashValue) {
    const pairs = pairsOf(value);
    if (pairs.every(([f]) => isUtf8Bytes(f))) {
      yield* elements(`${head}"Hash":{`, pairs, ([f, v]) => `${textLiteral(f)}:${elementJson(v)}`, `}${ttl}}`);
    } else {
      yield* elements(`${head}"Hash":[`, pairs, ([f, v]) => `[${elementJson(f)},${elementJson(v)}]`, `]${ttl}}`);
    }
  } else if (value instanceof ZSetValue) {
    const items: [string, number][] = [];
    value.rangeByRank(0, value.size - 1, false, (m, s) => { items.push([m, s]); });
    yield* elements(`${head}"SortedSet":[`, items, ([m, s]) => `[${elementJson(m)},${scoreJson(s)}]`, `]${ttl}}`);
  } else {
    throw new Error(`cannot export a value of type ${(value as { type: string }).type} (key ${JSON.stringify(binaryKeyLabel(key))})`);
  }
}
