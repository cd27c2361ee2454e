// Writes an AOF BASE file: the dataset at one point in time, as an RDB image
// (aof-use-rdb-preamble yes, Redis's default) or as RESP commands, either
// way streamed in slices with copy-on-write by rdb-snapshot.ts.

import type { Server } from '../../server/server.js';
import { serializeRdb } from '../rdb/file.js';
import { rdbSaveOptions, startRdbSnapshot } from '../rdb-snapshot.js';
import { writeFileDurably } from '../durable-file.js';
import { rewriteAsCommands } from './rewrite-commands.js';

export interface BaseFileJob {
  /** Resolves once the file is written and fsynced. */
  readonly done: Promise<unknown>;
  /** Stops writing; `done` rejects. */
  abort(): void;
}

/** Synchronous: the empty dataset's base at start-up. */
export function writeBaseFileSync(server: Server, path: string): void {
  const data = server.config.bool('aof-use-rdb-preamble')
    ? serializeRdb(server.keyspace, { ...rdbSaveOptions(server), saveIdle: false, aofBase: true })
    : rewriteAsCommands(server.keyspace, server.keyspace.clock.now());
  writeFileDurably(path, data);
}

/**
 * The view is taken now; the file is written in slices between event-loop
 * turns, each key saved before its first change (rdb-snapshot.ts).
 */
export function startBaseFile(server: Server, path: string): BaseFileJob {
  const rdbPreamble = server.config.bool('aof-use-rdb-preamble');
  return startRdbSnapshot(server, path, rdbPreamble ? { rdb: { saveIdle: false, aofBase: true } } : { format: 'resp' });
}
