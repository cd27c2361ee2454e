// RDB snapshots without fork and without a pause. startRdbSnapshot takes a
// point-in-time view of every database at the moment it is called, then walks
// the key tables by entry index in short slices between event-loop turns,
// streaming RDB bytes to the file while clients keep being served. A request
// arriving mid-slice waits for the slice's end, so slices are short (0.05 ms,
// checksum and chunk hand-off included), and while clients are active the
// walk also pauses for a timer turn after each millisecond of slices (see run()).
//
// Copy-on-write at key granularity: each database whose keys are not all
// written yet carries a SnapshotGuard (Database.snapshotGuard). Before a key's
// value, TTL (or access time, when IDLE is saved) changes or the key goes,
// the guard writes the key's current state into that database's COW buffer
// unless the walk has passed it; a bit per entry slot marks keys written early
// so the walk skips them. While the walk runs its tables are pinned
// (Dict.pinned): entries keep their indices and freed slots are not reused, so
// keys created after the start land past the walk's limit and never appear.
// FLUSHDB/FLUSHALL hand the old tables to the snapshot; SWAPDB moves the guard
// with its table. The file equals what serializeRdb would have produced at the
// start, keys inside a database possibly in another order. With format
// 'resp' the same view is written as RESP commands instead (an AOF base with
// aof-use-rdb-preamble no).
//
// API (BGSAVE and the AOF rewrite's base file use it):
//   const job = startRdbSnapshot(server, path, { sliceMs });
//   await job.done;   // { keys, bytes, cowBytes }: `path` written and fsynced; the caller renames
//   job.abort();      // stops, removes `path`, `done` rejects with RdbSnapshotAborted
//   activeRdbSnapshot(server)  // the running job (one at a time, as Redis's one child), or null

import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Dict } from '../keyspace/dict.js';
import type { Keyspace } from '../keyspace/keyspace.js';
import type { SnapshotGuard } from '../keyspace/database.js';
import type { Server } from '../server/server.js';
import type { RedisValue } from '../types/value.js';
import { crc64Update, type Crc64State } from '../util/crc64.js';
import { REDIS_VERSION } from '../version.js';
import { RdbOpcode, writeDbHeader, writeKeyRecord, writeRdbPreamble, type RdbSaveOptions } from './rdb/file.js';
import { RdbWriter } from './rdb/writer.js';
import { keyAsCommands, selectCommand } from './aof/rewrite-commands.js';

export interface RdbSnapshotOptions {
  /**
   * Serialization slice between event-loop turns, ms (default 0.05): a
   * request arriving mid-slice waits for its end, so this bounds the added
   * latency (one large collection value is written in one piece, though).
   * 0 still makes progress: at least WALK_BATCH slots per slice.
   */
  sliceMs?: number;
  /** Overrides of the RDB options taken from the server config (rdbSaveOptions). */
  rdb?: Partial<RdbSaveOptions>;
  /**
   * 'resp' writes the same point-in-time view as RESP commands (SELECT, SET,
   * RPUSH, ... PEXPIREAT: an AOF base with aof-use-rdb-preamble no) instead of an RDB file.
   */
  format?: 'rdb' | 'resp';
}

export interface RdbSnapshotResult {
  /** Key records written. */
  keys: number;
  /** File size. */
  bytes: number;
  /** Bytes of keys written early because they were about to change (Redis's COW size, roughly). */
  cowBytes: number;
}

export interface RdbSnapshotJob {
  readonly done: Promise<RdbSnapshotResult>;
  /** Stops the job (guards are released at once); the partial file is removed and `done` rejects. */
  abort(): void;
}

export class RdbSnapshotAborted extends Error {
  constructor() {
    super('RDB snapshot aborted');
  }
}

/** The RDB options from the config, with ctime and used-mem as of now. */
export function rdbSaveOptions(server: Server): RdbSaveOptions {
  const c = server.config;
  const mu = process.memoryUsage();
  return {
    compress: c.bool('rdbcompression'),
    checksum: c.bool('rdbchecksum'),
    nowMs: server.keyspace.clock.now(),
    usedMem: mu.heapUsed + mu.external + mu.arrayBuffers,
    redisVersion: REDIS_VERSION,
    saveIdle: c.get('maxmemory-policy').includes('lru'),
  };
}

const active = new WeakMap<Keyspace, SnapshotJob>();

/** The snapshot job running on this server's keyspace, or null. */
export function activeRdbSnapshot(server: Server): RdbSnapshotJob | null {
  return active.get(server.keyspace) ?? null;
}

/**
 * Starts writing an RDB image of the keyspace as it is now to `path`
 * (created or truncated). Throws if a snapshot job is already running.
 */
export function startRdbSnapshot(server: Server, path: string, opts: RdbSnapshotOptions = {}): RdbSnapshotJob {
  const keyspace = server.keyspace;
  if (active.has(keyspace)) throw new Error('an RDB snapshot is already in progress');
  const commandsServed = (): number => server.stats.totalCommands;
  const job = new SnapshotJob(keyspace, commandsServed, path, { ...rdbSaveOptions(server), ...opts.rdb },
    opts.sliceMs ?? DEFAULT_SLICE_MS, opts.format === 'resp');
  active.set(keyspace, job);
  return job;
}

/** Default slice, ms: 0.25 gave a client's p99 about 1 ms during a BGSAVE on a busy 2-core machine, 0.05 about 0.3 ms. */
const DEFAULT_SLICE_MS = 0.05;
/** While clients are served, the walk pauses for a timer turn after this many ms of slices. */
const BUSY_MS = 1;
/** Output is handed to the file in chunks of about this size. */
const CHUNK_BYTES = 64 * 1024;
/** Size of the recycled chunk buffers (a chunk may overshoot CHUNK_BYTES by one record). */
const POOL_BUFFER_BYTES = CHUNK_BYTES * 2;
/** Entry slots walked between two looks at the clock (a few µs of work). */
const WALK_BATCH = 64;
/** Past this many bytes queued for the file, the walk waits for the disk. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

/** The part of the snapshot for one database's table as it was at the start. */
class Section implements SnapshotGuard {
  readonly tracksAccess: boolean;
  /** Entry slots below this have been walked. */
  cursor = 0;
  /** Slots at or past this were handed out after the start. */
  readonly limit: number;
  /** Sizes at the start, for RESIZEDB. */
  readonly keysAtStart: number;
  readonly expiresAtStart: number;
  /** Bit per slot: written early (copy-on-write). */
  private readonly early: Uint8Array;
  /** Records of keys written early, waiting for this database's turn in the file. */
  readonly cow: RdbWriter;
  started = false;
  released = false;

  constructor(
    private readonly job: SnapshotJob,
    readonly dbId: number,
    readonly dict: Dict<RedisValue | undefined>,
    readonly expires: Dict<number>,
  ) {
    this.tracksAccess = job.o.saveIdle;
    this.limit = dict.slotCount;
    this.keysAtStart = dict.size;
    this.expiresAtStart = expires.size;
    this.early = new Uint8Array((this.limit + 7) >>> 3);
    this.cow = new RdbWriter(256, job.o.compress);
    dict.pinned++;
  }

  beforeWrite(key: string): void {
    const e = this.dict.find(key);
    // Missing (-1), already walked, or created after the start.
    if (e < this.cursor || e >= this.limit) return;
    const bit = 1 << (e & 7);
    if ((this.early[e >>> 3]! & bit) !== 0) return;
    this.early[e >>> 3]! |= bit;
    const before = this.cow.length;
    try {
      this.write(this.cow, e);
    } catch (err) {
      // Never fail the command that triggered this: the snapshot fails instead.
      this.job.fail(err as Error);
      return;
    }
    this.job.cowBytes += this.cow.length - before;
  }

  /** Walks at most `slots` entry slots from the cursor; true when the table is done. */
  walk(out: RdbWriter, slots: number): boolean {
    const dict = this.dict;
    const early = this.early;
    const end = Math.min(this.limit, this.cursor + slots);
    for (let e = this.cursor; e < end; e++) {
      if ((early[e >>> 3]! & (1 << (e & 7))) === 0 && dict.isLive(e)) this.write(out, e);
    }
    this.cursor = end;
    return end >= this.limit;
  }

  private write(w: RdbWriter, e: number): void {
    const dict = this.dict;
    const key = dict.keyAt(e);
    const value = dict.valueAt(e);
    if (value === undefined) return;
    const at = this.expires.size !== 0 ? this.expires.get(key) ?? -1 : -1;
    if (this.job.resp) w.writeLatin1(keyAsCommands(key, value, at, this.job.o.nowMs));
    else writeKeyRecord(w, key, value, at, this.tracksAccess ? Math.max(0, this.job.lruClock - dict.lruAt(e)) : -1);
    this.job.keys++;
  }

  /** Takes the guard off whichever database holds this table now (SWAPDB may have moved it) and unpins it. */
  release(keyspace: Keyspace): void {
    if (this.released) return;
    this.released = true;
    for (const db of keyspace.dbs) if (db.snapshotGuard === this) db.snapshotGuard = null;
    this.dict.pinned--;
  }
}

class SnapshotJob implements RdbSnapshotJob {
  readonly done: Promise<RdbSnapshotResult>;
  readonly lruClock: number;
  keys = 0;
  cowBytes = 0;
  private readonly sections: Section[] = [];
  private next = 0;
  private readonly out: RdbWriter;
  private crc: Crc64State = { hi: 0, lo: 0 };
  /** Bytes of the current chunk (`out`) already in `crc`. */
  private crcAt = 0;
  private bytes = 0;
  private fh: FileHandle | null = null;
  private writes: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly pool: Buffer[] = [];
  private error: Error | null = null;
  private finished = false;

  constructor(
    private readonly keyspace: Keyspace,
    private readonly commandsServed: () => number,
    private readonly path: string,
    readonly o: RdbSaveOptions,
    private readonly sliceMs: number,
    readonly resp: boolean,
  ) {
    this.lruClock = keyspace.lruClock;
    this.out = new RdbWriter(CHUNK_BYTES * 2, o.compress);
    if (!resp) writeRdbPreamble(this.out, o);
    // The point in time: from here on every change to an old key goes through a guard.
    for (const db of keyspace.dbs) {
      if (db.dict.size === 0) continue;
      const s = new Section(this, db.id, db.dict, db.expires);
      db.snapshotGuard = s;
      this.sections.push(s);
    }
    this.done = this.run();
    this.done.catch(() => undefined); // callers that ignore the outcome must not crash the process
  }

  abort(): void {
    this.fail(new RdbSnapshotAborted());
  }

  /** Stops the job with `err` (the run loop notices at its next turn). */
  fail(err: Error): void {
    if (this.finished || this.error !== null) return;
    this.error = err;
    this.releaseAll();
  }

  private releaseAll(): void {
    for (const s of this.sections) s.release(this.keyspace);
    if (active.get(this.keyspace) === this) active.delete(this.keyspace);
  }

  private async run(): Promise<RdbSnapshotResult> {
    try {
      this.fh = await open(this.path, 'w');
      let busySince = performance.now();
      let commandsSeen = this.commandsServed();
      for (;;) {
        if (this.error !== null) throw this.error;
        if (this.slice(performance.now() + this.sliceMs)) break;
        if (this.queued > MAX_QUEUED_BYTES) await this.writes;
        if (performance.now() - busySince < BUSY_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        // Between slices the loop only polls, so the process never blocks
        // and, on a machine short of cores, the kernel treats it as a CPU hog:
        // it gets preempted for whole scheduler ticks while requests wait.
        // So while clients are being served, every BUSY_MS of slices is
        // followed by a timer turn (~1 ms blocked in epoll, requests answered
        // at once); a server nobody talks to saves at full speed.
        if (this.commandsServed() !== commandsSeen) await new Promise<void>((resolve) => setTimeout(resolve, 0));
        commandsSeen = this.commandsServed();
        busySince = performance.now();
      }
      await this.writes;
      if (this.error !== null) throw this.error;
      await this.fh.sync();
      await this.fh.close();
      this.fh = null;
      this.finished = true;
      this.releaseAll();
      return { keys: this.keys, bytes: this.bytes, cowBytes: this.cowBytes };
    } catch (err) {
      this.fail(err as Error);
      await this.writes.catch(() => undefined);
      if (this.fh !== null) await this.fh.close().catch(() => undefined);
      await rm(this.path, { force: true }).catch(() => undefined);
      throw this.error ?? err;
    }
  }

  /**
   * One slice of work: batches of WALK_BATCH slots, each checksummed (and the
   * chunk handed to the file when full) before the clock is read, so every
   * cost counts against the deadline. True once the whole file is queued.
   */
  private slice(deadline: number): boolean {
    const out = this.out;
    do {
      if (this.next >= this.sections.length) {
        if (this.resp) {
          this.flush();
          return true;
        }
        out.writeByte(RdbOpcode.EOF);
        this.flush();
        const trailer = Buffer.alloc(8);
        if (this.o.checksum) {
          trailer.writeUInt32LE(this.crc.lo, 0);
          trailer.writeUInt32LE(this.crc.hi, 4);
        }
        this.enqueue(trailer);
        return true;
      }
      const s = this.sections[this.next]!;
      if (!s.started) {
        s.started = true;
        if (this.resp) out.writeLatin1(selectCommand(s.dbId));
        else writeDbHeader(out, s.dbId, s.keysAtStart, s.expiresAtStart);
      }
      const finished = s.walk(out, WALK_BATCH);
      // Keys written early go into this database's part of the file.
      if (s.cow.length > 0) {
        out.writeBytes(s.cow.bytes());
        s.cow.reset(CHUNK_BYTES);
      }
      if (finished) {
        s.release(this.keyspace);
        this.next++;
      }
      this.checksum();
      if (out.length >= CHUNK_BYTES) this.flush();
    } while (performance.now() < deadline);
    return false;
  }

  /** Folds the bytes added to the current chunk since the last call into the CRC. */
  private checksum(): void {
    const end = this.out.length;
    if (this.o.checksum && !this.resp && end > this.crcAt) this.crc = crc64Update(this.crc, this.out.bytes(), this.crcAt, end);
    this.crcAt = end;
  }

  /** Checksums the rest of the current chunk and queues it for the file. */
  private flush(): void {
    this.checksum();
    this.crcAt = 0;
    const bytes = this.out.bytes();
    if (bytes.length === 0) return;
    // Recycled chunk buffers: fresh ones per chunk are external memory that
    // pushes V8 into extra full collections, which clients would feel.
    const chunk = bytes.length <= POOL_BUFFER_BYTES
      ? this.pool.pop() ?? Buffer.allocUnsafeSlow(POOL_BUFFER_BYTES)
      : Buffer.allocUnsafeSlow(bytes.length);
    bytes.copy(chunk, 0);
    this.enqueue(chunk, bytes.length);
    this.out.reset(CHUNK_BYTES * 2);
  }

  private enqueue(chunk: Buffer, length = chunk.length): void {
    this.bytes += length;
    this.queued += length;
    this.writes = this.writes.then(async () => {
      const fh = this.fh!;
      let off = 0;
      while (off < length) off += (await fh.write(chunk, off, length - off)).bytesWritten;
      this.queued -= length;
      if (chunk.length === POOL_BUFFER_BYTES) this.pool.push(chunk);
    });
  }
}
