// RDB snapshots of one server: SAVE (synchronous), BGSAVE, save points from
// the cron, loading `dir/dbfilename`, and the counters INFO persistence shows.
// BGSAVE serializes the whole keyspace synchronously into memory (a
// point-in-time image without copy-on-write machinery; the pause is logged)
// and writes the file asynchronously.

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { REDIS_VERSION } from '../version.js';
import type { Server } from '../server/server.js';
import { loadRdb, serializeRdb, type RdbLoadResult } from './rdb/file.js';

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
  /** Duration of the in-memory serialization of the last BGSAVE (the pause clients saw), ms. */
  lastBgsavePauseMs = 0;
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

  private image(): Buffer {
    const c = this.server.config;
    const mu = process.memoryUsage();
    return serializeRdb(this.server.keyspace, {
      compress: c.bool('rdbcompression'),
      checksum: c.bool('rdbchecksum'),
      nowMs: this.now,
      usedMem: mu.heapUsed + mu.external + mu.arrayBuffers,
      redisVersion: REDIS_VERSION,
      saveIdle: c.get('maxmemory-policy').includes('lru'),
    });
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
      const image = this.image();
      const fd = openSync(tmp, 'w');
      try {
        let off = 0;
        while (off < image.length) off += writeSync(fd, image, off, image.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, final);
      fsyncDirSync(dirname(final));
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
   * rdbSaveBackground: the image is taken now (so it is point-in-time), the
   * file is written without blocking. Returns false if one is running.
   */
  bgsave(): boolean {
    if (this.bgsaveInProgress) return false;
    const log = this.server.logger;
    this.bgsaveInProgress = true;
    this.bgsaveScheduled = false;
    this.bgsaveStartMs = this.now;
    this.lastBgsaveTryMs = this.now;
    this.saves++;
    const dirtyBefore = this.server.keyspace.dirty;
    const t0 = performance.now();
    let image: Buffer;
    try {
      image = this.image();
    } catch (err) {
      log.warning(`Background saving error: ${(err as Error).message}`);
      this.finishBgsave(false);
      return true;
    }
    this.lastBgsavePauseMs = performance.now() - t0;
    log.notice(`Background saving started (keyspace serialized in ${this.lastBgsavePauseMs.toFixed(1)} ms)`);
    const tmp = resolve(this.server.config.get('dir'), `temp-${process.pid}-bg.rdb`);
    const final = this.path;
    void (async () => {
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(image);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, final);
      const dh = await open(dirname(final), 'r');
      try {
        await dh.sync();
      } finally {
        await dh.close();
      }
    })().then(() => {
      log.notice('DB saved on disk');
      log.notice('Background saving terminated with success');
      // As Redis: writes made while the child ran stay dirty.
      this.server.keyspace.dirty = Math.max(0, this.server.keyspace.dirty - dirtyBefore);
      this.server.lastSaveSec = Math.floor(this.now / 1000);
      this.finishBgsave(true);
    }, async (err: unknown) => {
      await rm(tmp, { force: true }).catch(() => undefined);
      log.warning(`Background saving error: ${(err as Error).message}`);
      this.finishBgsave(false);
    });
    return true;
  }

  private finishBgsave(ok: boolean): void {
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
    if (this.bgsaveInProgress) log.warning('There is a child saving an .rdb. Killing it!');
    if (!(flags.save || (this.autoSave && !flags.nosave && this.server.config.get('save').trim() !== ''))) return true;
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
    if (this.bgsaveInProgress) return;
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
    const buf = readFileSync(path);
    const log = this.server.logger;
    const result = loadRdb(buf, this.server.keyspace, {
      file: path,
      nowMs: this.now,
      verifyChecksum: this.server.config.bool('rdbchecksum'),
      allowDuplicates,
      log: (line) => log.notice(line),
    });
    this.lastLoadKeysLoaded = result.keysLoaded;
    this.lastLoadKeysExpired = result.keysExpired;
    log.notice(`Done loading RDB, keys loaded: ${result.keysLoaded}, keys expired: ${result.keysExpired}.`);
    return result;
  }
}

function fsyncDirSync(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
