// RDB snapshots of one server: SAVE (synchronous), BGSAVE, save points from
// the cron, loading `dir/dbfilename`, and the counters INFO persistence shows.
// BGSAVE streams a point-in-time image to a temp file in slices between
// event-loop turns (rdb-snapshot.ts: copy-on-write per key, no fork, no
// pause), then renames it over dbfilename.

import { readFileSync, renameSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Server } from '../server/server.js';
import { loadRdb, loadRdbSteps, serializeRdb, type RdbLoadOptions, type RdbLoadResult } from './rdb/file.js';
import { LoadingProgress } from './loading.js';
import { fsyncPath, writeFileDurably } from './durable-file.js';
import { activeRdbSnapshot, rdbSaveOptions, startRdbSnapshot, type RdbSnapshotJob } from './rdb-snapshot.js';

/** As Redis's CONFIG_BGSAVE_RETRY_DELAY: after a failed BGSAVE, save points wait 5 s. */
const BGSAVE_RETRY_DELAY_MS = 5000;

export class Snapshots {
  /**
   * Whether save points apply (cron BGSAVE, save at SHUTDOWN/SIGTERM): set by
   * the respite-server binary; embedded servers only save when told (SAVE, BGSAVE, SHUTDOWN SAVE).
   */
  autoSave = false;
  bgsaveInProgress = false;
  /** BGSAVE SCHEDULE asked while one was running. */
  bgsaveScheduled = false;
  lastBgsaveOk = true;
  lastBgsaveTimeSec = -1;
  /** rdb_saves */
  saves = 0;
  lastLoadKeysLoaded = 0;
  lastLoadKeysExpired = 0;
  /** Bytes of keys the last BGSAVE wrote early because they were about to change (rdb_last_cow_size). */
  lastCowBytes = 0;
  /** Slice length of BGSAVE's walk, ms (between slices clients are served). */
  bgsaveSliceMs = 0.05;
  private job: RdbSnapshotJob | null = null;
  private bgsaveStartMs = 0;
  private lastBgsaveTryMs = 0;

  constructor(private readonly server: Server) {}

  /** dir/dbfilename */
  get path(): string {
    return resolve(this.server.config.get('dir'), this.server.config.get('dbfilename'));
  }

  private get now(): number {
    return this.server.keyspace.clock.now();
  }

  /** rdb_current_bgsave_time_sec */
  get currentBgsaveSec(): number {
    return this.bgsaveInProgress ? Math.floor((this.now - this.bgsaveStartMs) / 1000) : -1;
  }

  /**
   * Whether a snapshot job runs (BGSAVE's or another user's of
   * startRdbSnapshot, such as the AOF rewrite): Redis runs one child at a time.
   */
  childActive(): boolean {
    return activeRdbSnapshot(this.server) !== null;
  }

  private image(): Buffer {
    return serializeRdb(this.server.keyspace, rdbSaveOptions(this.server));
  }

  private tempPath(): string {
    return resolve(this.server.config.get('dir'), `temp-${process.pid}.rdb`);
  }

  /** rdbSave: writes the file synchronously; false (logged) on failure. */
  save(): boolean {
    const log = this.server.logger;
    const tmp = this.tempPath();
    const final = this.path;
    try {
      writeFileDurably(tmp, this.image());
      renameSync(tmp, final);
      fsyncPath(dirname(final));
    } catch (err) {
      rmSync(tmp, { force: true });
      log.warning(`Failed saving the DB (temp file ${tmp}, final ${final}): ${(err as Error).message}`);
      return false;
    }
    log.notice('DB saved on disk');
    this.server.keyspace.dirty = 0;
    this.server.lastSaveSec = Math.floor(this.now / 1000);
    this.lastBgsaveOk = true;
    return true;
  }

  /**
   * rdbSaveBackground: the image is the keyspace as of this call, written to
   * a temp file while clients are served, then renamed. Returns false if a
   * snapshot job (this or another user's) is running.
   */
  bgsave(): boolean {
    if (this.server.hasActiveChild()) return false;
    const log = this.server.logger;
    const tmp = resolve(this.server.config.get('dir'), `temp-${process.pid}-bg.rdb`);
    const final = this.path;
    let job: RdbSnapshotJob;
    try {
      job = startRdbSnapshot(this.server, tmp, { sliceMs: this.bgsaveSliceMs });
    } catch (err) {
      log.warning(`Can't save in background: ${(err as Error).message}`);
      this.lastBgsaveOk = false;
      return false;
    }
    this.job = job;
    this.bgsaveInProgress = true;
    this.bgsaveScheduled = false;
    this.bgsaveStartMs = this.now;
    this.lastBgsaveTryMs = this.now;
    this.saves++;
    const dirtyBefore = this.server.keyspace.dirty;
    log.notice('Background saving started');
    void job.done.then(async (result) => {
      await rename(tmp, final);
      const dh = await open(dirname(final), 'r');
      try {
        await dh.sync();
      } finally {
        await dh.close();
      }
      return result;
    }).then((result) => {
      if (this.job !== job) return;
      log.notice(`DB saved on disk (${result.keys} keys, ${result.bytes} bytes; ${result.cowBytes} bytes written early for keys changed meanwhile)`);
      log.notice('Background saving terminated with success');
      this.lastCowBytes = result.cowBytes;
      // As Redis: writes made while the child ran stay dirty.
      this.server.keyspace.dirty = Math.max(0, this.server.keyspace.dirty - dirtyBefore);
      this.server.lastSaveSec = Math.floor(this.now / 1000);
      this.finishBgsave(true);
    }, async (err: unknown) => {
      if (this.job !== job) return;
      await rm(tmp, { force: true }).catch(() => undefined);
      log.warning(`Background saving error: ${(err as Error).message}`);
      this.finishBgsave(false);
    });
    return true;
  }

  /** Stops a running BGSAVE (its temp file is removed); as Redis's killRDBChild, the status is not touched. */
  killBgsave(): void {
    const job = this.job;
    if (job === null) return;
    this.job = null;
    this.bgsaveInProgress = false;
    job.abort();
  }

  private finishBgsave(ok: boolean): void {
    this.job = null;
    this.lastBgsaveOk = ok;
    this.lastBgsaveTimeSec = Math.floor((this.now - this.bgsaveStartMs) / 1000);
    this.bgsaveInProgress = false;
  }

  /**
   * The save step of Redis's prepareForShutdown: saves when asked (`SAVE`) or
   * when save points exist (unless `NOSAVE`). Returns whether the server may
   * exit: a failed save stops it unless `force`.
   */
  shutdownSave(flags: { save: boolean; nosave: boolean; force: boolean }): boolean {
    const log = this.server.logger;
    if (this.bgsaveInProgress) {
      log.warning('There is a child saving an .rdb. Killing it!');
      this.killBgsave();
    }
    if (!(flags.save || (this.autoSave && !flags.nosave && this.hasSavePoints))) return true;
    log.notice('Saving the final RDB snapshot before exiting.');
    if (this.save()) return true;
    if (flags.force) {
      log.warning('Error trying to save the DB. Exit anyway.');
      return true;
    }
    log.warning("Error trying to save the DB, can't exit.");
    return false;
  }

  /** Called from the cron: a scheduled BGSAVE, or the first `save <seconds> <changes>` point reached. */
  cron(): void {
    if (this.server.hasActiveChild()) return;
    if (this.bgsaveScheduled) {
      this.bgsave();
      return;
    }
    const points = this.server.config.get('save').trim();
    if (points === '' || !this.autoSave) return;
    const dirty = this.server.keyspace.dirty;
    if (dirty === 0) return;
    const nowMs = this.now;
    const sinceSave = nowMs / 1000 - this.server.lastSaveSec;
    const parts = points.split(/\s+/);
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const seconds = Number(parts[i]);
      const changes = Number(parts[i + 1]);
      // As Redis: after a failed BGSAVE, retry only once the retry delay has passed.
      if (dirty >= changes && sinceSave > seconds &&
        (this.lastBgsaveOk || nowMs - this.lastBgsaveTryMs > BGSAVE_RETRY_DELAY_MS)) {
        this.server.logger.notice(`${changes} changes in ${seconds} seconds. Saving...`);
        this.bgsave();
        return;
      }
    }
  }

  /**
   * Loads `path` (default dir/dbfilename) into the keyspace, which the
   * caller has emptied. Throws RdbLoadError or an fs error (ENOENT: no file).
   */
  load(path = this.path, allowDuplicates = false): RdbLoadResult {
    const result = loadRdb(readFileSync(path), this.server.keyspace, this.loadOptions(path, allowDuplicates));
    this.loaded(result);
    return result;
  }

  private loadOptions(path: string, allowDuplicates: boolean): RdbLoadOptions {
    const log = this.server.logger;
    return {
      file: path,
      nowMs: this.now,
      verifyChecksum: this.server.config.bool('rdbchecksum'),
      allowDuplicates,
      log: (line) => log.notice(line),
    };
  }

  /**
   * Start-up loading: as load(), in steps of about 20 ms with an event-loop
   * turn between them, so clients connecting meanwhile get -LOADING and
   * INFO shows the progress (logged every second too).
   */
  async loadInSlices(path = this.path): Promise<RdbLoadResult> {
    const buf = readFileSync(path);
    const server = this.server;
    const progress = new LoadingProgress(server, buf.length, 'keys');
    const steps = loadRdbSteps(buf, server.keyspace, this.loadOptions(path, false));
    server.setLoading(progress);
    try {
      let sliceEnd = performance.now() + LOAD_SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done === true) {
          this.loaded(step.value);
          return step.value;
        }
        if (performance.now() > sliceEnd) {
          progress.update(step.value.offset, step.value.keys, path);
          await new Promise((resolve) => setImmediate(resolve));
          sliceEnd = performance.now() + LOAD_SLICE_MS;
        }
      }
    } finally {
      server.setLoading(null);
    }
  }

  /** `save <seconds> <changes>` points are configured. */
  get hasSavePoints(): boolean {
    return this.server.config.get('save').trim() !== '';
  }

  private loaded(result: RdbLoadResult): void {
    this.lastLoadKeysLoaded = result.keysLoaded;
    this.lastLoadKeysExpired = result.keysExpired;
    this.server.logger.notice(`Done loading RDB, keys loaded: ${result.keysLoaded}, keys expired: ${result.keysExpired}.`);
  }
}

/** How long one start-up loading step runs before clients get a turn, ms. */
const LOAD_SLICE_MS = 20;
