// The append-only file of one server, as Redis 7's multi-part AOF: every
// propagated write is encoded as RESP into a buffer that is written once per
// event-loop turn, before the replies of that turn leave (connections hold
// their output until then: group commit). `appendfsync always` fsyncs in the
// same step; `everysec` fsyncs on libuv's thread pool about once a second;
// `no` leaves it to the OS. BGREWRITEAOF writes a new BASE from a
// point-in-time view while new writes go to a new INCR file; the manifest
// switches atomically when the base is complete.

import { closeSync, existsSync, fdatasync, fdatasyncSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync, close as closeAsync } from 'node:fs';
import { join } from 'node:path';
import type { KeyspaceListener } from '../../keyspace/keyspace.js';
import type { Server } from '../../server/server.js';
import { startBaseFile, writeBaseFileSync, type BaseFileJob } from './base-file.js';
import { AofManifest } from './manifest.js';
import { encodeCommand, selectCommand } from './rewrite-commands.js';
import { describeErrno } from './errno.js';

export type AofState = 'off' | 'on' | 'wait-rewrite';

/** A connection whose replies wait for the AOF write of this turn. */
export interface ReplyHolder {
  releaseHeldReplies(): void;
}

/** Redis's AOF_REWRITE_LIMITE_THRESHOLD / _MAX_MINUTES: back-off after repeated failures. */
const REWRITE_LIMIT_THRESHOLD = 3;
const REWRITE_LIMIT_MAX_MINUTES = 60;

export class AppendOnlyFile implements KeyspaceListener {
  private current: AofState = 'off';
  manifest: AofManifest;
  /** Descriptor of the INCR file being appended to (-1: none). */
  private fd = -1;
  /** RESP not yet written, latin1. */
  private buf = '';
  private selectedDb = -1;
  private commitScheduled = false;
  private readonly held = new Set<ReplyHolder>();
  /** aof_current_size: base + incr files. */
  currentSize = 0;
  /** aof_last_incr_size: bytes in the INCR file being written. */
  lastIncrSize = 0;
  /** aof_rewrite_base_size: size after the last rewrite, for auto-aof-rewrite-percentage. */
  rewriteBaseSize = 0;
  private fsyncOffset = 0;
  private lastFsyncSec = 0;
  fsyncInProgress = false;
  /** When the last fsync finished (ms, clock time): how old unsynced data can be. */
  lastFsyncDoneMs = 0;
  delayedFsync = 0;
  /** When a write was first put off behind a running fsync (s; 0: none). */
  private flushPostponedSec = 0;
  lastWriteOk = true;
  lastWriteError = '';
  private lastWriteErrorLogSec = 0;
  private lastTimestampSec = 0;
  // Rewrite state.
  private rewriteJob: BaseFileJob | null = null;
  private rewriteTempPath = '';
  rewriteScheduled = false;
  private rewriteStartMs = -1;
  lastRewriteTimeSec = -1;
  lastBgrewriteOk = true;
  rewrites = 0;
  consecutiveFailures = 0;
  private nextRewriteDelayMin = 0;
  private nextRewriteAtSec = 0;

  constructor(private readonly server: Server) {
    this.manifest = new AofManifest(server.config.get('appendfilename'));
    // CONFIG SET appendonly (Redis's updateAppendonly).
    server.config.onChange((name, value) => {
      if (name !== 'appendonly') return;
      if (value === 'yes') this.start();
      else this.stop();
    });
  }

  /**
   * The AOF listens to the keyspace only while it is on, so writes pay
   * nothing for it otherwise (the listener loop runs on every write).
   */
  private setState(state: AofState): void {
    if (state === 'off') this.server.keyspace.removeListener(this);
    else this.server.keyspace.addListener(this);
    this.current = state;
  }

  /** off, on, or wait-rewrite (turned on at run time, waiting for its first base). */
  get state(): AofState {
    return this.current;
  }

  private get log() {
    return this.server.logger;
  }

  private get nowSec(): number {
    return Math.floor(this.server.keyspace.clock.now() / 1000);
  }

  get dir(): string {
    return join(this.server.config.get('dir'), this.server.config.get('appenddirname'));
  }

  get rewriteInProgress(): boolean {
    return this.rewriteJob !== null;
  }

  get currentRewriteSec(): number {
    return this.rewriteJob === null ? -1 : Math.floor((this.server.keyspace.clock.now() - this.rewriteStartMs) / 1000);
  }

  get bufferLength(): number {
    return this.buf.length;
  }

  /** Bytes written to the file but not yet fsynced, plus those not yet written. */
  get unsyncedBytes(): number {
    return this.currentSize - this.fsyncOffset + this.buf.length;
  }

  get fsyncPolicy(): string {
    return this.server.config.get('appendfsync');
  }

  // --- feeding -------------------------------------------------------------

  /** KeyspaceListener: Redis's feedAppendOnlyFile. */
  propagate(dbId: number, argv: readonly string[]): void {
    if (this.state === 'off' || (this.state === 'wait-rewrite' && this.rewriteJob === null)) return;
    let out = '';
    if (this.server.config.bool('aof-timestamp-enabled')) {
      const now = this.nowSec;
      if (this.lastTimestampSec < now) {
        this.lastTimestampSec = now;
        out += `#TS:${now}\r\n`;
      }
    }
    if (dbId !== this.selectedDb) {
      out += selectCommand(dbId);
      this.selectedDb = dbId;
    }
    out += encodeCommand(argv);
    if (this.buf === '') this.scheduleCommit();
    this.buf += out;
  }

  /**
   * Called by a connection about to write replies: true (and the connection
   * is remembered) when this turn's writes are not on file yet, so the
   * replies wait for commit().
   */
  holdReplies(holder: ReplyHolder): boolean {
    if (this.buf === '' || this.fd === -1 || !this.lastWriteOk) return false;
    this.held.add(holder);
    this.scheduleCommit();
    return true;
  }

  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    // The check phase runs after all the I/O callbacks of this turn: one
    // write (and with `always` one fsync) covers every client served in it.
    setImmediate(() => {
      this.commitScheduled = false;
      this.commit();
    });
  }

  /**
   * Redis's flushAppendOnlyFile: writes the buffer, fsyncs per policy,
   * then lets the held replies go.
   */
  commit(force = false): void {
    if (this.buf !== '' && this.fd !== -1 && (force || !this.postponeWrite())) this.writeBuffer();
    // After a failed write (not `always`, which exits) the replies go too, as
    // in Redis; further writes are refused with MISCONF until a retry works.
    this.releaseHeld();
    this.maybeFsync();
  }

  /**
   * everysec: while the background fsync runs, a write(2) to the same file
   * would wait for it on the event loop, so the write is put off (the replies
   * still go: everysec promises about a second, not this write) for up to 2 s,
   * as Redis's flushAppendOnlyFile.
   */
  private postponeWrite(): boolean {
    if (this.fsyncPolicy !== 'everysec' || !this.fsyncInProgress) {
      this.flushPostponedSec = 0;
      return false;
    }
    const now = this.nowSec;
    if (this.flushPostponedSec === 0) {
      this.flushPostponedSec = now;
      return true;
    }
    if (now - this.flushPostponedSec < 2) return true;
    this.flushPostponedSec = 0;
    this.delayedFsync++;
    this.log.notice('Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis.');
    return false;
  }

  private releaseHeld(): void {
    if (this.held.size === 0) return;
    const list = [...this.held];
    this.held.clear();
    for (const h of list) h.releaseHeldReplies();
  }

  private writeBuffer(): void {
    const data = Buffer.from(this.buf, 'latin1');
    let written = 0;
    try {
      while (written < data.length) written += writeSync(this.fd, data, written, data.length - written);
    } catch (err) {
      this.onWriteError(err as NodeJS.ErrnoException, written, data.length);
      return;
    }
    if (!this.lastWriteOk) {
      this.log.warning('AOF write error looks solved, Redis can write again.');
      this.lastWriteOk = true;
    }
    this.currentSize += written;
    this.lastIncrSize += written;
    this.buf = '';
    if (this.fsyncPolicy === 'always' && !this.skipFsyncForChild()) {
      try {
        fdatasyncSync(this.fd);
      } catch (err) {
        this.log.warning(`Can't persist AOF for fsync error when the AOF fsync policy is 'always': ${describeErrno(err as NodeJS.ErrnoException)}. Exiting...`);
        process.exit(1);
      }
      this.fsyncOffset = this.currentSize;
      this.lastFsyncSec = this.nowSec;
      this.lastFsyncDoneMs = this.server.keyspace.clock.now();
    }
  }

  private onWriteError(err: NodeJS.ErrnoException, written: number, expected: number): void {
    const now = this.nowSec;
    const canLog = now - this.lastWriteErrorLogSec > 30;
    if (canLog) this.lastWriteErrorLogSec = now;
    if (written > 0) {
      if (canLog) this.log.warning(`Short write while writing to the AOF file: (nwritten=${written}, expected=${expected})`);
    } else if (canLog) {
      this.log.warning(`Error writing to the AOF file: ${describeErrno(err)}`);
    }
    if (this.fsyncPolicy === 'always') {
      // The replies cannot be taken back and the promise was "on disk before the reply".
      this.log.warning("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
      process.exit(1);
    }
    // Keep the unwritten tail; writes are refused (MISCONF) until a retry succeeds.
    if (written > 0) {
      this.currentSize += written;
      this.lastIncrSize += written;
      this.buf = this.buf.slice(written);
    }
    this.lastWriteOk = false;
    this.lastWriteError = describeErrno(err);
  }

  /** no-appendfsync-on-rewrite: no fsync while a snapshot or rewrite is writing. */
  private skipFsyncForChild(): boolean {
    return this.server.config.bool('no-appendfsync-on-rewrite') && this.server.hasActiveChild();
  }

  /** everysec: one fsync at a time, off the event loop, when a second has passed. */
  private maybeFsync(): void {
    if (this.fsyncPolicy !== 'everysec' || this.fd === -1 || this.fsyncInProgress) return;
    if (this.fsyncOffset === this.currentSize || this.nowSec <= this.lastFsyncSec) return;
    if (this.skipFsyncForChild()) return;
    const fd = this.fd;
    const target = this.currentSize;
    this.fsyncInProgress = true;
    this.lastFsyncSec = this.nowSec;
    fdatasync(fd, (err) => {
      this.fsyncInProgress = false;
      if (err) {
        this.log.warning(`Fail to fsync the AOF file: ${describeErrno(err)}`);
        this.lastWriteOk = false;
        this.lastWriteError = describeErrno(err);
        return;
      }
      if (fd === this.fd) this.fsyncOffset = Math.max(this.fsyncOffset, target);
      this.lastFsyncDoneMs = this.server.keyspace.clock.now();
      // Writes put off behind this fsync go now.
      if (this.buf !== '') this.scheduleCommit();
    });
  }

  /** From the server cron: a pending fsync, a failed write to retry, scheduled or automatic rewrites. */
  cron(): void {
    if (this.state !== 'off') {
      if ((!this.lastWriteOk || this.flushPostponedSec !== 0) && this.buf !== '') this.commit();
      this.maybeFsync();
    }
    if (this.server.hasActiveChild()) return;
    if (this.rewriteScheduled && !this.rewriteLimited()) {
      this.rewriteBackground();
      return;
    }
    const perc = this.server.config.num('auto-aof-rewrite-percentage');
    if (this.state === 'on' && perc > 0 && this.currentSize > this.server.config.num('auto-aof-rewrite-min-size')) {
      const base = this.rewriteBaseSize > 0 ? this.rewriteBaseSize : 1;
      const growth = Math.floor((this.currentSize * 100) / base) - 100;
      if (growth >= perc && !this.rewriteLimited()) {
        this.log.notice(`Starting automatic rewriting of AOF on ${growth}% growth`);
        this.rewriteBackground();
      }
    }
  }

  /** aofRewriteLimited: after 3 consecutive failures, wait 1, 2, 4 ... 60 minutes between tries. */
  private rewriteLimited(): boolean {
    if (this.consecutiveFailures < REWRITE_LIMIT_THRESHOLD) {
      this.nextRewriteDelayMin = 0;
      this.nextRewriteAtSec = 0;
      return false;
    }
    const now = this.nowSec;
    if (this.nextRewriteAtSec !== 0) {
      if (now < this.nextRewriteAtSec) return true;
      this.nextRewriteAtSec = 0;
      return false;
    }
    this.nextRewriteDelayMin = Math.min(REWRITE_LIMIT_MAX_MINUTES, this.nextRewriteDelayMin === 0 ? 1 : this.nextRewriteDelayMin * 2);
    this.nextRewriteAtSec = now + this.nextRewriteDelayMin * 60;
    this.log.warning(`Background AOF rewrite has repeatedly failed and triggered the limit, will retry in ${this.nextRewriteDelayMin} minutes`);
    return true;
  }

  // --- start-up ------------------------------------------------------------

  /** aofLoadManifestFromDisk: reads the manifest if the directory and file exist. */
  loadManifest(): void {
    const path = join(this.dir, `${this.manifest.fileName}.manifest`);
    if (!existsSync(this.dir) || !existsSync(path)) return;
    this.manifest = AofManifest.read(path, this.manifest.fileName);
  }

  /**
   * aofUpgradePrepare: an old single-file AOF (`dir/appendfilename`) becomes
   * the BASE of a new AOF directory. Returns whether it did.
   */
  upgradeOldStyle(): boolean {
    const fileName = this.manifest.fileName;
    const old = join(this.server.config.get('dir'), fileName);
    if (!existsSync(old)) return false;
    const m = this.manifest;
    const dirMissing = !existsSync(this.dir);
    const onlyOldBase = m.base !== null && m.incr.length === 0 && m.base.name === fileName && !existsSync(join(this.dir, fileName));
    if (!dirMissing && !m.isEmpty && !onlyOldBase) return false;
    mkdirSync(this.dir, { recursive: true });
    m.base = { name: fileName, seq: 1, type: 'b' };
    m.currBaseSeq = 1;
    m.persist(this.dir);
    renameSync(old, join(this.dir, fileName));
    this.log.notice(`Successfully migrated an old-style AOF file (${fileName}) into the AOF directory (${this.server.config.get('appenddirname')}).`);
    return true;
  }

  /**
   * aofOpenIfNeededOnServerStart: with appendonly yes, makes sure a BASE
   * exists (an empty dataset gets one), opens the last INCR file for
   * appending and persists the manifest.
   */
  openOnStart(loadedSize: number, baseSize: number): void {
    this.setState('on');
    mkdirSync(this.dir, { recursive: true });
    const m = this.manifest;
    if (m.base === null && m.incr.length === 0) {
      const base = m.newBase(this.server.config.bool('aof-use-rdb-preamble'));
      writeBaseFileSync(this.server, join(this.dir, base.name));
      this.log.notice(`Creating AOF base file ${base.name} on server start`);
      baseSize = statSync(join(this.dir, base.name)).size;
      loadedSize = baseSize;
    }
    const hadIncr = m.incr.length > 0;
    const incr = m.lastIncr();
    this.fd = openSync(join(this.dir, incr.name), 'a', 0o644);
    m.persist(this.dir);
    this.lastIncrSize = fstatSync(this.fd).size;
    this.currentSize = loadedSize;
    this.rewriteBaseSize = baseSize;
    this.fsyncOffset = this.currentSize;
    this.lastFsyncSec = this.nowSec;
    this.lastFsyncDoneMs = this.server.keyspace.clock.now();
    this.selectedDb = -1;
    this.log.notice(`${hadIncr ? 'Opening' : 'Creating'} AOF incr file ${incr.name} on server start`);
  }

  // --- runtime on/off (CONFIG SET appendonly) ------------------------------

  /** startAppendOnly: the AOF starts with a rewrite; writes meanwhile go to a temp INCR file. */
  start(): boolean {
    if (this.state !== 'off') return true;
    this.setState('wait-rewrite');
    if (this.server.hasActiveChild() && this.rewriteJob === null) {
      this.rewriteScheduled = true;
      this.log.warning('AOF was enabled but there is already another background operation. An AOF background was scheduled to start when possible.');
    } else if (this.server.keyspace.propagationBuffer !== null) {
      this.rewriteScheduled = true;
      this.log.warning('AOF was enabled during a transaction. An AOF background was scheduled to start when possible.');
    } else {
      if (this.rewriteJob !== null) {
        this.log.warning('AOF was enabled but there is already an AOF rewriting in background. Stopping background AOF and starting a rewrite now.');
        this.killRewrite();
      }
      if (!this.rewriteBackground()) {
        this.setState('off');
        this.log.warning("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. Check the above logs for more info about the error.");
        return false;
      }
    }
    this.lastFsyncSec = this.nowSec;
    this.lastFsyncDoneMs = this.server.keyspace.clock.now();
    if (!this.lastWriteOk) {
      this.log.warning('AOF reopen, just ignore the last error.');
      this.lastWriteOk = true;
    }
    return true;
  }

  /** stopAppendOnly */
  stop(): void {
    if (this.state === 'off') return;
    this.commit(true);
    if (this.fd !== -1) {
      try {
        fdatasyncSync(this.fd);
        this.fsyncOffset = this.currentSize;
      } catch (err) {
        this.log.warning(`Fail to fsync the AOF file: ${describeErrno(err as NodeJS.ErrnoException)}`);
      }
      closeSync(this.fd);
    }
    this.fd = -1;
    this.selectedDb = -1;
    this.setState('off');
    this.rewriteScheduled = false;
    this.lastIncrSize = 0;
    this.killRewrite();
    this.buf = '';
    this.releaseHeld();
  }

  /** At shutdown: everything written and fsynced (Redis's prepareForShutdown). */
  flushForShutdown(): void {
    if (this.state === 'off' || this.fd === -1) return;
    this.commit(true);
    try {
      fdatasyncSync(this.fd);
    } catch (err) {
      this.log.warning(`Fail to fsync the AOF file: ${describeErrno(err as NodeJS.ErrnoException)}`);
    }
    this.killRewrite();
  }

  // --- rewrite -------------------------------------------------------------

  private killRewrite(): void {
    if (this.rewriteJob === null) return;
    this.log.notice('Killing running AOF rewrite child');
    this.rewriteJob.abort();
    this.rewriteJob = null;
    rmSync(this.rewriteTempPath, { force: true });
    this.rewriteStartMs = -1;
  }

  private tempIncrName(): string {
    return `temp-${this.manifest.fileName}.incr`;
  }

  /**
   * rewriteAppendOnlyFileBackground: new writes go to a new INCR file from
   * now on, and a BASE of the dataset as it is now is written meanwhile.
   * False (logged) if it could not start.
   */
  rewriteBackground(): boolean {
    if (this.server.hasActiveChild()) return false;
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (err) {
      this.log.warning(`Can't open or create append-only dir ${this.dir}: ${describeErrno(err as NodeJS.ErrnoException)}`);
      this.lastBgrewriteOk = false;
      return false;
    }
    this.selectedDb = -1;
    this.commit(true);
    if (!this.openNewIncr()) {
      this.lastBgrewriteOk = false;
      return false;
    }
    this.rewrites++;
    this.rewriteTempPath = join(this.server.config.get('dir'), `temp-rewriteaof-bg-${process.pid}.aof`);
    let job: BaseFileJob;
    try {
      job = startBaseFile(this.server, this.rewriteTempPath);
    } catch (err) {
      this.log.warning(`Can't rewrite append only file in background: ${(err as Error).message}`);
      this.lastBgrewriteOk = false;
      return false;
    }
    this.rewriteJob = job;
    this.rewriteScheduled = false;
    this.rewriteStartMs = this.server.keyspace.clock.now();
    this.log.notice('Background append only file rewriting started');
    job.done.then(() => {
      if (this.rewriteJob !== job) return;
      this.log.notice(`Successfully created the temporary AOF base file ${this.rewriteTempPath}`);
      this.rewriteDone(true);
    }, (err: unknown) => {
      if (this.rewriteJob !== job) return;
      this.log.warning(`Write error writing append only file on disk: ${(err as Error).message}`);
      this.rewriteDone(false);
    });
    return true;
  }

  /** openNewIncrAofForAppend */
  private openNewIncr(): boolean {
    if (this.state === 'off') return true;
    let name: string;
    let next: AofManifest | null = null;
    if (this.state === 'wait-rewrite') {
      name = this.tempIncrName();
    } else {
      next = this.manifest.clone();
      name = next.newIncr().name;
    }
    let fd: number;
    try {
      fd = openSync(join(this.dir, name), 'w', 0o644);
    } catch (err) {
      this.log.warning(`Can't open the append-only file ${name}: ${describeErrno(err as NodeJS.ErrnoException)}`);
      return false;
    }
    if (next !== null) {
      try {
        next.persist(this.dir);
      } catch (err) {
        this.log.warning(`Can't persist the AOF manifest: ${describeErrno(err as NodeJS.ErrnoException)}`);
        closeSync(fd);
        return false;
      }
    }
    this.log.notice(`Creating AOF incr file ${name} on background rewrite`);
    if (this.fd !== -1) closeInBackground(this.fd);
    this.fsyncOffset = this.currentSize;
    this.lastFsyncSec = this.nowSec;
    this.fd = fd;
    this.lastIncrSize = 0;
    if (next !== null) this.manifest = next;
    return true;
  }

  /** backgroundRewriteDoneHandler */
  private rewriteDone(ok: boolean): void {
    this.rewriteJob = null;
    this.lastRewriteTimeSec = Math.floor((this.server.keyspace.clock.now() - this.rewriteStartMs) / 1000);
    this.rewriteStartMs = -1;
    if (ok && this.installRewrite()) {
      this.lastBgrewriteOk = true;
      this.consecutiveFailures = 0;
      this.log.notice('Background AOF rewrite finished successfully');
    } else {
      rmSync(this.rewriteTempPath, { force: true });
      this.lastBgrewriteOk = false;
      this.consecutiveFailures++;
      if (this.state === 'wait-rewrite') {
        rmSync(join(this.dir, this.tempIncrName()), { force: true });
        this.log.notice(`Removing the temp incr aof file ${this.tempIncrName()} in the background`);
        // Still waiting to switch the AOF on: try again.
        this.rewriteScheduled = true;
      }
      this.log.warning('Background AOF rewrite failed');
    }
  }

  /** The rename/manifest part of backgroundRewriteDoneHandler; false (logged) on failure. */
  private installRewrite(): boolean {
    const next = this.manifest.clone();
    const base = next.newBase(this.server.config.bool('aof-use-rdb-preamble'));
    const basePath = join(this.dir, base.name);
    try {
      renameSync(this.rewriteTempPath, basePath);
    } catch (err) {
      this.log.warning(`Error trying to rename the temporary AOF base file ${this.rewriteTempPath} into ${basePath}: ${describeErrno(err as NodeJS.ErrnoException)}`);
      return false;
    }
    this.log.notice(`Successfully renamed the temporary AOF base file ${this.rewriteTempPath} into ${base.name}`);
    let newIncrPath: string | null = null;
    if (this.state === 'wait-rewrite') {
      const incr = next.newIncr();
      newIncrPath = join(this.dir, incr.name);
      try {
        renameSync(join(this.dir, this.tempIncrName()), newIncrPath);
      } catch (err) {
        this.log.warning(`Error trying to rename the temporary AOF incr file ${this.tempIncrName()} into ${incr.name}: ${describeErrno(err as NodeJS.ErrnoException)}`);
        rmSync(basePath, { force: true });
        return false;
      }
      this.log.notice(`Successfully renamed the temporary AOF incr file ${this.tempIncrName()} into ${incr.name}`);
    }
    next.markIncrAsHistory(this.fd !== -1);
    try {
      next.persist(this.dir);
    } catch (err) {
      this.log.warning(`Can't persist the AOF manifest: ${describeErrno(err as NodeJS.ErrnoException)}`);
      rmSync(basePath, { force: true });
      if (newIncrPath !== null) rmSync(newIncrPath, { force: true });
      return false;
    }
    this.manifest = next;
    if (this.fd !== -1) {
      this.selectedDb = -1;
      this.currentSize = statSync(basePath).size + this.lastIncrSize;
      this.rewriteBaseSize = this.currentSize;
      this.fsyncOffset = this.currentSize;
    }
    if (this.state === 'wait-rewrite') {
      this.setState('on');
      this.log.notice('Background AOF rewrite finished successfully');
    }
    this.deleteHistory();
    return true;
  }

  /** aofDelHistoryFiles */
  private deleteHistory(): void {
    if (this.server.config.bool('aof-disable-auto-gc') || this.manifest.history.length === 0) return;
    for (const f of this.manifest.history) {
      this.log.notice(`Removing the history file ${f.name} in the background`);
      rmSync(join(this.dir, f.name), { force: true });
    }
    this.manifest.history = [];
    try {
      this.manifest.persist(this.dir);
    } catch (err) {
      this.log.warning(`Can't persist the AOF manifest: ${describeErrno(err as NodeJS.ErrnoException)}`);
    }
  }
}

/** aof_background_fsync_and_close: the old INCR file is synced and closed off the event loop. */
function closeInBackground(fd: number): void {
  fdatasync(fd, () => closeAsync(fd, () => undefined));
}
