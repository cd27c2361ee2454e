// Server state shared by every client: configuration, keyspace, command
// table, connected clients, statistics, slow log, monitors and the cron.
// No sockets here: the listener (listener.ts) and the embedded
// KeyValueStore both drive a Server.

import { randomBytes } from 'node:crypto';
import { CommandTable } from '../commands/registry.js';
import { ALL_COMMANDS } from '../commands/index.js';
import { Config } from '../config/config.js';
import { systemClock, type Clock } from '../keyspace/clock.js';
import { Keyspace } from '../keyspace/keyspace.js';
import type { Client } from './client.js';
import { LatencyMonitor, SlowLog } from './slowlog.js';
import { ConfigError } from '../config/values.js';
import { ClientPause } from './client-pause.js';
import { OutputBufferLimits } from './output-limits.js';
import { PubSubHub } from './pubsub-hub.js';
import { Transactions } from './transactions.js';
import { attachKeyspaceNotifier, type KeyspaceNotifier } from '../keyspace/notify.js';
import { Logger } from './logger.js';
import { Blocking } from './blocking.js';
import { Tracking } from './tracking.js';
import { Snapshots } from '../persistence/snapshot.js';
import { AppendOnlyFile } from '../persistence/aof/append-only-file.js';
import type { LoadingProgress } from '../persistence/loading.js';

export interface ServerStats {
  totalConnections: number;
  rejectedConnections: number;
  totalCommands: number;
  netInputBytes: number;
  netOutputBytes: number;
  totalErrorReplies: number;
  /** errorstats: error code → count */
  errorCounts: Map<string, number>;
  /** Replies that were internal bugs (caught, logged, answered with an error). */
  internalErrors: number;
}

export interface ServerInit {
  /** Parameter values applied at start-up (name → value), as from a config file or CLI. */
  config?: ReadonlyArray<readonly [string, string]>;
  clock?: Clock;
  logger?: Logger;
  /** Path of the config file, for CONFIG REWRITE and INFO config_file. */
  configFile?: string;
}

export class Server {
  readonly config: Config;
  readonly keyspace: Keyspace;
  /** CLIENT PAUSE state (client-pause.ts). */
  readonly clientPause: ClientPause;
  /** Clients blocked on keys (blocking.ts). */
  readonly blocking: Blocking;
  /** Pub/sub subscriptions and delivery (pubsub-hub.ts); keyspace notifications publish here too. */
  readonly pubsub: PubSubHub;
  /** MULTI/EXEC and the WATCH index (transactions.ts). */
  readonly transactions: Transactions;
  /** Client-side caching: CLIENT TRACKING state and invalidations (tracking.ts). */
  readonly tracking: Tracking;
  /** RDB snapshots: SAVE/BGSAVE, save points, loading (persistence/snapshot.ts). */
  readonly snapshots: Snapshots;
  /** The append-only file (persistence/aof/). */
  readonly aof: AppendOnlyFile;
  /** Set while a data file loads at start-up: commands without the loading flag get -LOADING. */
  private loadingProgress: LoadingProgress | null = null;
  /** Keyspace notifications (notify-keyspace-events). */
  readonly notifier: KeyspaceNotifier;
  /** client-output-buffer-limit enforcement (output-limits.ts). */
  readonly outputLimits: OutputBufferLimits;
  readonly commands = new CommandTable(ALL_COMMANDS);
  readonly clients = new Map<number, Client>();
  readonly monitors = new Set<Client>();
  readonly slowlog = new SlowLog();
  readonly latency = new LatencyMonitor();
  /** latency-monitor-threshold in microseconds (0: off), cached for the dispatcher. */
  latencyThresholdUs = 0;
  /** latency-tracking, cached for the dispatcher (per-command LATENCY HISTOGRAM). */
  latencyTracking = true;
  readonly logger: Logger;
  readonly runId = randomBytes(20).toString('hex');
  readonly startTimeMs: number;
  readonly configFile: string;
  nextClientId = 1;
  requiresAuth = false;
  /** slowlog-log-slower-than, cached for the dispatcher's hot path. */
  slowlogSlowerThanUs: number;
  lastSaveSec: number;
  stats: ServerStats = Server.freshStats();
  /** Set by the listener: stops the server (SHUTDOWN, signals). */
  shutdownHandler: ((reason: string) => void) | null = null;
  /** Listening address, for INFO and CLIENT LIST laddr. */
  tcpPort = 0;
  private cronTimer: NodeJS.Timeout | null = null;
  private cronLoops = 0;

  constructor(init: ServerInit = {}) {
    this.config = new Config();
    applyStartupConfig(this.config, init.config ?? []);
    if (this.config.get('dir') === '') this.config.setCanonical('dir', process.cwd());
    const clock = init.clock ?? systemClock;
    this.keyspace = new Keyspace(clock, this.config.num('databases'));
    this.clientPause = new ClientPause(this.keyspace);
    this.blocking = new Blocking(this);
    this.outputLimits = new OutputBufferLimits(this, this.config);
    this.pubsub = new PubSubHub(this, this.outputLimits);
    this.transactions = new Transactions(this);
    this.tracking = new Tracking(this);
    this.snapshots = new Snapshots(this);
    this.aof = new AppendOnlyFile(this);
    this.notifier = attachKeyspaceNotifier(this.keyspace, this.config, this.pubsub);
    this.logger = init.logger ?? new Logger(this.config.get('loglevel'), null);
    this.startTimeMs = clock.now();
    this.lastSaveSec = Math.floor(this.startTimeMs / 1000);
    this.configFile = init.configFile ?? '';
    this.requiresAuth = this.config.get('requirepass') !== '';
    this.slowlogSlowerThanUs = this.config.num('slowlog-log-slower-than');
    this.latencyThresholdUs = this.config.num('latency-monitor-threshold') * 1000;
    this.latencyTracking = this.config.bool('latency-tracking');
    this.config.onChange((name, value) => {
      if (name === 'latency-monitor-threshold') this.latencyThresholdUs = Number(value) * 1000;
      if (name === 'latency-tracking') this.latencyTracking = value === 'yes';
      if (name === 'requirepass') this.requiresAuth = value !== '';
      else if (name === 'loglevel') this.logger.level = value;
      else if (name === 'slowlog-log-slower-than') this.slowlogSlowerThanUs = Number(value);
      else if (name === 'hz' && this.cronTimer !== null) this.startCron();
    });
  }

  static freshStats(): ServerStats {
    return {
      totalConnections: 0, rejectedConnections: 0, totalCommands: 0, netInputBytes: 0,
      netOutputBytes: 0, totalErrorReplies: 0, errorCounts: new Map(), internalErrors: 0,
    };
  }

  /** CONFIG RESETSTAT: server, command and error statistics (not the slow log, as Redis). */
  resetStats(): void {
    this.stats = Server.freshStats();
    for (const cmd of this.commands.all()) cmd.resetStats();
    const ks = this.keyspace.stats;
    ks.keyspaceHits = 0;
    ks.keyspaceMisses = 0;
    ks.expiredKeys = 0;
    ks.expiredStalePerc = 0;
    ks.expiredTimeCapReachedCount = 0;
    ks.expireCycleCpuMs = 0;
    for (const hook of this.resetStatsHooks) hook();
  }

  /** Called by CONFIG RESETSTAT so features with their own counters (pub/sub, eviction...) reset them. */
  readonly resetStatsHooks: (() => void)[] = [];

  /** Counts an error reply by its code (INFO errorstats). */
  recordError(code: string): void {
    this.stats.totalErrorReplies++;
    // Redis stops tracking new error codes past 128 distinct ones.
    const n = this.stats.errorCounts.get(code);
    if (n !== undefined) this.stats.errorCounts.set(code, n + 1);
    else if (this.stats.errorCounts.size < 128) this.stats.errorCounts.set(code, 1);
  }

  addClient(client: Client): void {
    this.clients.set(client.id, client);
  }

  /** Called once per client when it goes away (blocking, pub/sub, WATCH clean up here). */
  readonly clientCloseHooks: ((client: Client) => void)[] = [];
  /** Called by RESET for each client (MULTI/WATCH, pub/sub, tracking state clear themselves here). */
  readonly clientResetHooks: ((client: Client) => void)[] = [];

  removeClient(client: Client): void {
    if (!this.clients.delete(client.id)) return;
    this.monitors.delete(client);
    for (const hook of this.clientCloseHooks) hook(client);
  }

  /** Starts the periodic tasks (Redis's serverCron at `hz`). */
  startCron(): void {
    if (this.cronTimer !== null) clearInterval(this.cronTimer);
    const hz = Math.min(500, Math.max(1, this.config.num('hz')));
    this.cronTimer = setInterval(() => this.cron(hz), Math.round(1000 / hz));
    this.cronTimer.unref();
  }

  stopCron(): void {
    if (this.cronTimer !== null) clearInterval(this.cronTimer);
    this.cronTimer = null;
  }

  private cron(hz: number): void {
    this.cronLoops++;
    const ks = this.keyspace;
    ks.updateLruClock();
    this.runExpireSlices();
    for (const db of ks.dbs) {
      db.dict.rehashFor(1);
      db.expires.rehashFor(1);
    }
    this.closeIdleClients();
    if (this.tracking.clients > 0) this.tracking.limitUsedSlots(null);
    this.snapshots.cron();
    this.aof.cron();
  }

  get loading(): LoadingProgress | null {
    return this.loadingProgress;
  }

  /** Starts (a progress) or ends (null) a load: clients get -LOADING and keys don't expire meanwhile. */
  setLoading(progress: LoadingProgress | null): void {
    this.loadingProgress = progress;
    this.keyspace.loading = progress !== null;
  }

  /** Redis's hasActiveChildProcess: a BGSAVE or an AOF rewrite is writing (one at a time). */
  hasActiveChild(): boolean {
    return this.snapshots.bgsaveInProgress || this.snapshots.childActive() || this.aof.rewriteInProgress;
  }

  private expireSlicesPending = false;

  /**
   * Active expiry in short slices (5 ms) with an event-loop turn between
   * them, so clients are served while a backlog of expired keys is reclaimed.
   * While slices keep hitting their budget (many stale keys), more follow,
   * up to about half of the time; otherwise one slice per cron tick.
   */
  private runExpireSlices(): void {
    if (this.expireSlicesPending) return;
    let slices = 0;
    const period = 1000 / Math.max(1, this.config.num('hz'));
    const maxSlices = Math.max(1, Math.floor(period / 10));
    const slice = (): void => {
      const timedOut = this.keyspace.activeExpireCycle(5);
      if (timedOut && ++slices < maxSlices && this.cronTimer !== null) {
        this.expireSlicesPending = true;
        setImmediate(slice);
      } else {
        this.expireSlicesPending = false;
      }
    };
    slice();
  }

  private closeIdleClients(): void {
    const timeoutSec = this.config.num('timeout');
    if (timeoutSec <= 0) return;
    const now = this.keyspace.clock.now();
    for (const c of this.clients.values()) {
      // As Redis: monitors and clients whose command is held by a pause don't time out.
      if (c.transport && !c.isMonitor && !c.transport.postponedArgv && !this.blocking.isBlocked(c) && now - c.lastInteractionMs > timeoutSec * 1000) {
        this.logger.verbose('Closing idle client');
        c.transport.kill();
      }
    }
  }
}

/** A start-up configuration value that failed; `index` is its position in the pairs given. */
export class StartupConfigError extends Error {
  constructor(readonly index: number, reason: string) {
    super(reason);
  }
}

/**
 * Applies config file / command line pairs in order, as Redis loads a config
 * text: later values win, except that `save` lines accumulate (the first one
 * of a load replaces the default).
 */
function applyStartupConfig(config: Config, pairs: ReadonlyArray<readonly [string, string]>): void {
  let saveSeen = false;
  pairs.forEach(([name, value], index) => {
    const param = config.param(name);
    if (param === undefined) throw new StartupConfigError(index, 'Bad directive or wrong number of arguments');
    try {
      if (param.name === 'save' && saveSeen && value !== '') {
        const current = config.get('save');
        config.set('save', current === '' ? value : `${current} ${value}`, true);
      } else {
        config.set(name, value, true);
      }
    } catch (err) {
      throw new StartupConfigError(index, err instanceof ConfigError ? err.message : String(err));
    }
    if (param.name === 'save') saveSeen = true;
  });
}
