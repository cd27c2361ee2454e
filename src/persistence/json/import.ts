// Streams a JSON file into a keyspace: chunks are fed to the lexer, the
// format reader hands over one key's entry at a time, and each entry is
// converted and stored before the next is read. Memory stays bounded by the
// largest single entry, whatever the file's size.

import { createReadStream } from 'node:fs';
import type { Keyspace } from '../../keyspace/keyspace.js';
import { bytesToUtf8 } from '../../embedded/typed-values.js';
import { decodeEntry, DEFAULT_LIMITS, JsonShapeError, type CollectionLimits } from './decode.js';
import { JsonLexer, JsonSyntaxError } from './lexer.js';
import { FormatReader, type EntryPos } from './reader.js';
import type { JVal } from './tree.js';

/** A file that cannot be imported; the message names the file, line, column and byte offset. */
export class JsonImportError extends Error {
  constructor(message: string, readonly offset: number, readonly keysLoaded: number) {
    super(message);
  }
}

export interface JsonImportOptions {
  /** The file's name in messages. */
  name?: string;
  limits?: CollectionLimits;
  /** Called after each chunk read. */
  onProgress?: (bytesRead: number, keysLoaded: number) => void;
}

export interface JsonImportResult {
  keysLoaded: number;
  /** Keys in the file that already existed and were replaced. */
  keysReplaced: number;
  /** Entries whose expires_at_ms had passed: not stored. */
  keysExpired: number;
  bytes: number;
}

function where(name: string, line: number, column: number, offset: number): string {
  return `'${name}' at line ${line}, column ${column} (byte offset ${offset})`;
}

/**
 * Imports a stream of JSON bytes into `keyspace`. Keys in the file replace
 * existing keys of the same name (value and TTL). Throws JsonImportError on
 * the first malformed or unsupported entry; the entries before it stay stored.
 */
export async function importJson(source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, keyspace: Keyspace, o: JsonImportOptions = {}): Promise<JsonImportResult> {
  const name = o.name ?? 'JSON input';
  const limits = o.limits ?? DEFAULT_LIMITS;
  const result: JsonImportResult = { keysLoaded: 0, keysReplaced: 0, keysExpired: 0, bytes: 0 };
  const lx = new JsonLexer();
  const store = (dbIndex: number, memberName: string, entry: JVal, pos: EntryPos): void => {
    let d;
    try {
      d = decodeEntry(entry, limits);
    } catch (err) {
      if (!(err instanceof JsonShapeError)) throw err;
      const shown = JSON.stringify(bytesToUtf8(memberName));
      throw new JsonImportError(`Bad entry in ${where(name, pos.line, pos.column, pos.offset)}, key ${shown}: ${err.message}`, pos.offset, result.keysLoaded);
    }
    const key = d.key ?? memberName;
    // As the RDB loader: entries already expired are not stored.
    if (d.expiresAt !== -1 && d.expiresAt < keyspace.clock.now()) {
      result.keysExpired++;
      return;
    }
    const db = keyspace.dbs[dbIndex]!;
    if (db.dict.has(key)) result.keysReplaced++;
    db.setKey(key, d.value);
    if (d.expiresAt !== -1) db.setExpire(key, d.expiresAt);
    result.keysLoaded++;
  };
  const reader = new FormatReader(lx, store, keyspace.dbs.length);
  const it: AsyncIterator<Buffer | string> | Iterator<Buffer | string> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  try {
    let want = 1;
    for (;;) {
      if (reader.run()) break;
      // Read until the unfinished step has twice the bytes it failed with, so
      // re-parsing a large entry costs at most about twice its size in total.
      want = Math.max(lx.available * 2, 1);
      do {
        const next = await it.next();
        if (next.done === true) {
          lx.finish();
          break;
        }
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
        result.bytes += chunk.length;
        lx.feed(chunk);
        o.onProgress?.(result.bytes, result.keysLoaded);
      } while (lx.available < want);
    }
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      throw new JsonImportError(`Bad JSON in ${where(name, err.line, err.column, err.offset)}: ${err.reason}`, err.offset, result.keysLoaded);
    }
    throw err;
  } finally {
    await it.return?.();
  }
  return result;
}

/** Imports a file by streaming it in 256 KiB chunks. */
export async function importJsonFile(path: string, keyspace: Keyspace, o: JsonImportOptions = {}): Promise<JsonImportResult> {
  const stream = createReadStream(path, { highWaterMark: 1 << 18 });
  // Surface open errors (ENOENT, EACCES) before reading starts.
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', reject);
  });
  return importJson(stream, keyspace, { name: path, ...o });
}
