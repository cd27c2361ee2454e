// Writes an AOF BASE file: the dataset at one point in time, as an RDB image
// (aof-use-rdb-preamble yes, Redis's default; streamed in slices with
// copy-on-write by rdb-snapshot.ts) or as RESP commands (written from a view
// taken synchronously).

import { open } from 'node:fs/promises';
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

/** The view is taken now; the file is written without blocking the event loop. */
export function startBaseFile(server: Server, path: string): BaseFileJob {
  if (server.config.bool('aof-use-rdb-preamble')) {
    return startRdbSnapshot(server, path, { rdb: { saveIdle: false, aofBase: true } });
  }
  const data = rewriteAsCommands(server.keyspace, server.keyspace.clock.now());
  let aborted = false;
  const done = (async () => {
    const fh = await open(path, 'w', 0o644);
    try {
      for (let off = 0; off < data.length;) {
        if (aborted) throw new Error('AOF rewrite aborted');
        const { bytesWritten } = await fh.write(data, off, Math.min(data.length - off, 8 << 20));
        off += bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
  })();
  return { done, abort: () => { aborted = true; } };
}
