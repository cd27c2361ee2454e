// Start-up replay of the AOF files a manifest names (Redis's
// loadAppendOnlyFiles / loadSingleAppendOnlyFile): the BASE (an RDB image or
// RESP commands) then each INCR file, commands run through a client with no
// connection. Replay runs in slices with an event-loop turn between them, so
// clients connecting meanwhile get -LOADING. A torn tail of the last file is
// cut off (aof-load-truncated yes) with a log line saying where; a torn tail
// elsewhere, or malformed content, stops start-up naming file and offset.

import { closeSync, openSync, readFileSync, readSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { RedisError } from '../../errors.js';
import { Client } from '../../server/client.js';
import type { Server } from '../../server/server.js';
import { ValueSink } from '../../protocol/value-sink.js';
import type { RegisteredCommand } from '../../commands/registry.js';
import { loadRdb } from '../rdb/file.js';
import { LoadingProgress } from '../loading.js';
import type { AofManifest } from './manifest.js';
import { AofCommandReader, AofFormatError, AofTruncatedError } from './command-reader.js';

export class AofLoadError extends Error {}

export interface AofLoadResult {
  status: 'ok' | 'not-exist' | 'empty' | 'truncated';
  /** Bytes of base + incr files after loading (and truncation). */
  totalSize: number;
  baseSize: number;
  commands: number;
}

/** How long one slice of replay runs before clients get a turn, ms. */
const SLICE_MS = 20;

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function loadAppendOnlyFiles(server: Server, manifest: AofManifest, dir: string): Promise<AofLoadResult> {
  const files = manifest.loadOrder;
  if (files.length === 0) return { status: 'not-exist', totalSize: 0, baseSize: 0, commands: 0 };
  let total = 0;
  const sizes = files.map((f) => {
    let size: number;
    try {
      size = statSync(join(dir, f.name)).size;
    } catch (err) {
      // A file the manifest names but the disk lacks is fatal.
      throw new AofLoadError(`The AOF file ${f.name} doesn't exist or can't be read: ${(err as Error).message}`);
    }
    total += size;
    return size;
  });
  if (total === 0) return { status: 'empty', totalSize: 0, baseSize: 0, commands: 0 };
  const log = server.logger;
  const progress = new LoadingProgress(server, total, 'commands');
  server.setLoading(progress);
  const replay = new Replay(server);
  let loadedBefore = 0;
  let status: AofLoadResult['status'] = 'ok';
  try {
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const path = join(dir, f.name);
      const last = i === files.length - 1;
      const t0 = performance.now();
      const r = await loadOne(server, replay, path, f.name, sizes[i]!, progress, loadedBefore);
      if (r.truncatedAt !== null) {
        if (!last) {
          log.warning('Fatal error: the truncated file is not the last file');
          throw new AofLoadError(`the AOF file ${f.name} is truncated at offset ${r.truncatedAt} and is not the last file`);
        }
        if (!server.config.bool('aof-load-truncated')) {
          throw new AofLoadError(`Unexpected end of file reading the append only file ${f.name} (a command is cut at offset ${r.truncatedAt}). You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.`);
        }
        log.warning(`!!! Warning: short read while loading the AOF file ${f.name}!!!`);
        log.warning(`!!! Truncating the AOF ${f.name} at offset ${r.truncatedAt} !!!`);
        truncateSync(path, r.truncatedAt);
        log.warning(`AOF ${f.name} loaded anyway because aof-load-truncated is enabled (${sizes[i]! - r.truncatedAt} bytes cut)`);
        total -= sizes[i]! - r.truncatedAt;
        sizes[i] = r.truncatedAt;
        status = 'truncated';
      }
      loadedBefore += sizes[i]!;
      log.notice(`DB loaded from ${f.type === 'b' ? 'base' : 'incr'} file ${f.name}: ${((performance.now() - t0) / 1000).toFixed(3)} seconds`);
    }
  } finally {
    server.setLoading(null);
    replay.close();
  }
  server.keyspace.dirty = 0;
  return { status, totalSize: total, baseSize: manifest.base !== null ? sizes[0]! : 0, commands: replay.commands };
}

interface FileResult {
  /** Offset of the last complete command when the file ends inside one; null when it ends cleanly. */
  truncatedAt: number | null;
}

async function loadOne(server: Server, replay: Replay, path: string, name: string, size: number,
  progress: LoadingProgress, loadedBefore: number): Promise<FileResult> {
  if (size === 0) return { truncatedAt: null };
  let start = 0;
  if (startsWithRdb(path)) {
    const oldStyle = name === server.config.get('appendfilename');
    server.logger.notice(oldStyle ? 'Reading RDB preamble from AOF file...' : 'Reading RDB base file on AOF loading...');
    try {
      const result = loadRdb(readFileSync(path), server.keyspace, {
        file: name,
        // As Redis for an AOF preamble: keys are kept even if their time has
        // passed; the commands after them may still touch them.
        nowMs: Number.MIN_SAFE_INTEGER,
        verifyChecksum: server.config.bool('rdbchecksum'),
      });
      replay.commands += result.keysLoaded;
      start = result.endOffset;
    } catch (err) {
      server.logger.warning(`Error reading the RDB base file ${name}, AOF loading aborted`);
      throw new AofLoadError((err as Error).message);
    }
    progress.update(loadedBefore + start, replay.commands, name);
    if (start >= size) return { truncatedAt: null };
    // An RDB preamble followed by commands (Redis 4-6's single-file AOF).
    server.logger.notice('Reading the remaining AOF tail...');
  }
  const reader = AofCommandReader.open(path, size, start);
  let validUpTo = start;
  try {
    for (;;) {
      const sliceEnd = performance.now() + SLICE_MS;
      let n = 0;
      for (;;) {
        let argv: string[] | null;
        try {
          argv = reader.next();
        } catch (err) {
          if (err instanceof AofTruncatedError) return { truncatedAt: replay.inMulti ? replay.validBeforeMulti : validUpTo };
          if (err instanceof AofFormatError) {
            server.logger.warning(`Bad file format reading the append only file ${name}: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>`);
            throw new AofLoadError(`Bad file format reading the append only file ${name} at offset ${err.offset}: ${err.message}`);
          }
          throw err;
        }
        if (argv === null) {
          if (replay.inMulti) {
            server.logger.warning(`Revert incomplete MULTI/EXEC transaction in AOF file ${name}`);
            return { truncatedAt: replay.validBeforeMulti };
          }
          progress.update(loadedBefore + reader.offset, replay.commands, name);
          return { truncatedAt: null };
        }
        replay.run(argv, name, validUpTo);
        validUpTo = reader.offset;
        if ((++n & 255) === 0 && performance.now() > sliceEnd) break;
      }
      progress.update(loadedBefore + reader.offset, replay.commands, name);
      await yieldTurn();
    }
  } finally {
    reader.close();
  }
}

function startsWithRdb(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(5);
    return readSync(fd, b, 0, 5, 0) === 5 && b.toString('latin1') === 'REDIS';
  } finally {
    closeSync(fd);
  }
}

/** Runs AOF commands as Redis's fake AOF client: no reply, no propagation, MULTI queued until EXEC. */
class Replay {
  private readonly sink = new ValueSink();
  private readonly client: Client;
  commands = 0;
  inMulti = false;
  validBeforeMulti = 0;
  private queued: [RegisteredCommand, string[]][] = [];

  constructor(private readonly server: Server) {
    this.client = new Client(server, this.sink, 'aof', '', null);
    this.client.authenticated = true;
  }

  run(argv: string[], file: string, offsetBefore: number): void {
    const server = this.server;
    const cmd = server.commands.resolve(argv);
    if (cmd === undefined) {
      server.logger.warning(`Unknown command '${argv[0]}' reading the append only file ${file}`);
      throw new AofLoadError(`Unknown command '${argv[0]}' reading the append only file ${file} at offset ${offsetBefore}`);
    }
    this.commands++;
    const name = cmd.fullName;
    if (name === 'multi') {
      this.inMulti = true;
      this.validBeforeMulti = offsetBefore;
      this.queued = [];
      return;
    }
    if (name === 'exec') {
      const queued = this.queued;
      this.queued = [];
      this.inMulti = false;
      for (const [c, a] of queued) this.call(c, a);
      return;
    }
    if (this.inMulti) {
      this.queued.push([cmd, argv]);
      return;
    }
    this.call(cmd, argv);
  }

  private call(cmd: RegisteredCommand, argv: string[]): void {
    if (!cmd.arityOk(argv.length)) return;
    try {
      cmd.spec.run(this.client, argv);
    } catch (err) {
      // A command that fails replays as it ran: with no effect (Redis drops the fake client's replies).
      if (!(err instanceof RedisError)) throw err;
    }
    this.sink.takeAll();
  }

  close(): void {
    this.sink.takeAll();
  }
}
