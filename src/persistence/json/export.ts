// Streams a keyspace out as JSON: databases are walked with the dict's SCAN
// cursor, entries are written in 64 KiB pieces and the writer waits for
// 'drain' whenever the file falls behind, so memory stays bounded by the
// largest single key. A file is written to a temporary name and renamed at
// the end, so a failed export never leaves a truncated file behind.

import { createWriteStream, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Keyspace } from '../../keyspace/keyspace.js';
import { entryJson } from './encode.js';
import { FORMAT_VERSION, WRAPPER_MARK } from './reader.js';

const FLUSH_CHARS = 1 << 16;

export interface JsonExportOptions {
  /** Called every few thousand keys and at the end. */
  onProgress?: (keysWritten: number, keysTotal: number) => void;
}

export interface JsonExportResult {
  keysWritten: number;
  /** Keys whose TTL had passed but that active expiry had not removed yet: not written. */
  keysExpired: number;
  bytes: number;
}

/**
 * Writes every live key as JSON to `out`. With keys in database 0 only, the
 * file is the seed's plain object of key → entry; otherwise the
 * {"respite-json": 1, "databases": {...}} wrapper. The keyspace must not
 * change meanwhile (the server exports before it serves).
 */
export async function exportJson(keyspace: Keyspace, out: Writable, o: JsonExportOptions = {}): Promise<JsonExportResult> {
  const result: JsonExportResult = { keysWritten: 0, keysExpired: 0, bytes: 0 };
  const now = keyspace.clock.now();
  const total = keyspace.dbs.reduce((n, db) => n + db.size, 0);
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    result.bytes += Buffer.byteLength(text, 'utf8');
    if (!out.write(text, 'utf8')) await once(out, 'drain');
  };
  // Synchronous: callers await flush() only once FLUSH_CHARS have gathered
  // (a promise per piece would cost more than the encoding).
  const emit = (s: string): boolean => {
    pending.push(s);
    pendingChars += s.length;
    return pendingChars >= FLUSH_CHARS;
  };
  const used = keyspace.dbs.filter((db) => db.size > 0);
  const wrapped = used.some((db) => db.id !== 0);
  emit(wrapped ? `{"${WRAPPER_MARK}":${FORMAT_VERSION},"databases":{` : '{');
  let firstDb = true;
  for (const db of used) {
    if (wrapped) {
      emit(`${firstDb ? '' : ','}\n"${db.id}":{`);
      firstDb = false;
    }
    let first = true;
    let cursor = 0;
    do {
      const keys: string[] = [];
      cursor = db.dict.scan(cursor, (k) => { keys.push(k); });
      for (const key of keys) {
        const value = db.dict.get(key);
        if (value === undefined) continue;
        const at = db.getExpire(key);
        // As a save: a key past its TTL is gone even if nobody has removed it yet.
        if (at !== -1 && at < now) {
          result.keysExpired++;
          continue;
        }
        emit(first ? '\n' : ',\n');
        first = false;
        for (const piece of entryJson(key, value, at)) if (emit(piece)) await flush();
        if (++result.keysWritten % 4096 === 0) o.onProgress?.(result.keysWritten, total);
      }
    } while (cursor !== 0);
    emit(wrapped ? '\n}' : '');
  }
  emit(wrapped ? '\n}}\n' : '\n}\n');
  await flush();
  o.onProgress?.(result.keysWritten, total);
  return result;
}

/** Exports to `path` through a temporary file in the same directory, renamed once complete. */
export async function exportJsonFile(keyspace: Keyspace, path: string, o: JsonExportOptions = {}): Promise<JsonExportResult> {
  const tmp = `${path}.tmp-${process.pid}`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  let failed: Error | null = null;
  out.on('error', (err) => { failed ??= err; });
  try {
    await once(out, 'open');
    const result = await Promise.race([
      exportJson(keyspace, out, o),
      once(out, 'error').then(([err]) => { throw err as Error; }),
    ]);
    out.end();
    await once(out, 'finish');
    if (failed !== null) throw failed;
    await rename(tmp, path);
    return result;
  } catch (err) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}
