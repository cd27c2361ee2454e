// The gate every command passes, in Redis's processCommand order: lookup →
// arity → auth → client pause → run; then statistics, slow log, monitors and propagation
// (Redis's call()). Handlers report errors by throwing RedisError.

import { DEBUG_NOT_ALLOWED, execAbortBecause, LOADING, MISCONF_RDB, misconfAof, NOAUTH, COMMAND_NOT_ALLOWED_IN_MULTI, RedisError, unknownCommand, unknownSubcommand, wrongArity } from '../errors.js';
import { performance } from 'node:perf_hooks';
import { pubsubContext } from '../errors.js';
import { Flag, type RegisteredCommand } from '../commands/registry.js';
import type { Client } from './client.js';
import { monitorLine } from './monitor.js';
import { isQueuedInMulti } from './transactions.js';
import { recordLatency } from '../commands/server/latency-histogram.js';
import { protectedCommandAllowed } from '../commands/server/protected.js';

/**
 * Runs one command for `client`, writing its reply to client.reply. Returns
 * false when CLIENT PAUSE postpones it: nothing ran, and the caller submits
 * the same argv again once the pause ends (see connection.ts).
 */
export function execute(client: Client, argv: string[]): boolean {
  rejectedArgv = argv;
  const server = client.server;
  let cmd = server.commands.lookup(argv[0]!);
  if (cmd === undefined) {
    client.lastCommand = null;
    if (isCrossProtocolAttack(argv[0]!)) {
      server.logger.warning('Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. Connection aborted.');
      client.transport?.kill();
      return true;
    }
    reject(client, null, unknownCommand(argv[0]!, argv.slice(1)));
    return true;
  }
  // A container called alone (bare COMMAND) runs itself, after its own arity check.
  if (cmd.subcommands !== null && argv.length > 1) {
    const sub = cmd.subcommands.get(argv[1]!.toLowerCase());
    if (sub === undefined) {
      client.lastCommand = null;
      reject(client, null, unknownSubcommand(argv[1]!, argv[0]!));
      return true;
    }
    cmd = sub;
  }
  // As Redis's c->lastcmd: set at lookup, so CLIENT LIST shows rejected and postponed commands too.
  client.lastCommand = cmd;
  if (!cmd.arityOk(argv.length)) {
    reject(client, cmd, wrongArity(cmd.fullName));
    return true;
  }
  if (!client.authenticated && server.requiresAuth && (cmd.flags & Flag.no_auth) === 0) {
    reject(client, cmd, NOAUTH);
    return true;
  }
  // As Redis's processCommand: DEBUG (a protected command) obeys enable-debug-command.
  if ((cmd.flags & Flag.protected) !== 0 && !protectedCommandAllowed(client, cmd)) {
    reject(client, cmd, DEBUG_NOT_ALLOWED);
    return true;
  }
  if (client.multiQueued >= 0 && (cmd.flags & Flag.no_multi) !== 0) {
    reject(client, cmd, COMMAND_NOT_ALLOWED_IN_MULTI);
    return true;
  }
  // As Redis's writeCommandsDeniedByDiskError: writes (and PING) are refused while persisting fails.
  if (!server.aof.lastWriteOk || !server.snapshots.lastBgsaveOk) {
    const err = diskError(client, cmd);
    if (err !== null) {
      reject(client, cmd, err);
      return true;
    }
  }
  // A RESP2 subscriber can only read pushes: Redis allows just these commands (RESP3 has no limit).
  if (client.isPubSub && client.resp === 2 && !SUBSCRIBED_MODE_COMMANDS.has(cmd.fullName)) {
    reject(client, cmd, pubsubContext(cmd.fullName));
    return true;
  }
  if (server.loading !== null && (cmd.flags & Flag.loading) === 0) {
    reject(client, cmd, LOADING);
    return true;
  }
  // As Redis's processCommand: keep the tracking table within tracking-table-max-keys.
  if (server.tracking.clients > 0) server.tracking.limitUsedSlots(client);
  if (server.clientPause.type !== 0 && server.clientPause.blocks(cmd, client)) return false;
  // Inside MULTI, commands other than EXEC/DISCARD/MULTI/WATCH/QUIT/RESET wait for EXEC.
  if (client.multiQueued >= 0 && isQueuedInMulti(cmd)) {
    server.transactions.queue(client, cmd, argv);
    client.reply.simple('QUEUED');
    return true;
  }
  call(client, cmd, argv);
  // As Redis's processCommand: clients blocked on keys this command made ready are served now.
  if (server.blocking.hasReadyKeys) server.blocking.handleReady();
  return true;
}

/** The MISCONF error for `cmd` when the last save or AOF write failed, else null. */
function diskError(client: Client, cmd: RegisteredCommand): RedisError | null {
  const server = client.server;
  const isWrite = (cmd.flags & Flag.write) !== 0 || (cmd.fullName === 'exec' && (client.multiFlags & Flag.write) !== 0);
  if (!isWrite && cmd.fullName !== 'ping') return null;
  if (server.aof.state !== 'off' && !server.aof.lastWriteOk) return misconfAof(server.aof.lastWriteError);
  if (!server.snapshots.lastBgsaveOk && server.config.bool('stop-writes-on-bgsave-error') &&
    server.snapshots.hasSavePoints) return MISCONF_RDB;
  return null;
}

const SUBSCRIBED_MODE_COMMANDS = new Set([
  'ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset',
]);

/** As Redis's securityWarningCommand: HTTP requests sent to the port are dropped. */
function isCrossProtocolAttack(name: string): boolean {
  const n = name.length;
  return (n === 4 || n === 5) && (name.toLowerCase() === 'post' || name.toLowerCase() === 'host:');
}

/**
 * While a connection runs a batch of pipelined commands: when the previous
 * command of the batch ended (-1 outside a batch). A command's duration
 * (commandstats, slow log, latency) then starts there, so each command costs
 * one clock read instead of two; it includes parsing the command, a fraction
 * of a microsecond Redis leaves out.
 */
let batchMark = -1;

export function beginCommandBatch(): void {
  batchMark = performance.now();
}

export function endCommandBatch(): void {
  batchMark = -1;
}

/** Runs a resolved, admitted command: Redis's call(). */
export function call(client: Client, cmd: RegisteredCommand, argv: string[]): void {
  const server = client.server;
  const keyspace = client.keyspace;
  const dirtyBefore = keyspace.dirty;
  client.propagateOverride = null;
  const start = batchMark >= 0 ? batchMark : performance.now();
  server.tracking.enterCall(client);
  try {
    cmd.spec.run(client, argv);
  } catch (err) {
    if (err instanceof RedisError) {
      client.reply.error(err.message);
      server.recordError(err.code);
    } else {
      server.stats.internalErrors++;
      server.logger.warning(`Internal error running '${cmd.fullName}': ${err instanceof Error ? err.stack : String(err)}`);
      client.reply.error('ERR internal error');
      server.recordError('ERR');
    }
    cmd.failedCalls++;
  }
  const end = performance.now();
  if (batchMark >= 0) batchMark = end;
  const elapsedUs = (end - start) * 1000;
  cmd.calls++;
  cmd.usec += elapsedUs;
  if (server.latencyTracking) recordLatency(cmd, elapsedUs);
  server.stats.totalCommands++;

  const slowerThan = server.slowlogSlowerThanUs;
  if (slowerThan >= 0 && elapsedUs >= slowerThan && (cmd.flags & Flag.skip_slowlog) === 0) {
    server.slowlog.record(argv, Math.floor(elapsedUs), keyspace.clock.now(), client.addr, client.name,
      server.config.num('slowlog-max-len'));
  }
  // Redis's latencyAddSampleIfNeeded("command" / "fast-command", ms) after call().
  if (server.latencyThresholdUs > 0 && elapsedUs >= server.latencyThresholdUs) {
    server.latency.addSample((cmd.flags & Flag.fast) !== 0 ? 'fast-command' : 'command', Math.floor(elapsedUs / 1000),
      Math.floor(keyspace.clock.now() / 1000));
  }
  if (server.monitors.size > 0 && (cmd.flags & (Flag.skip_monitor | Flag.admin)) === 0) {
    feedMonitors(client, argv);
  }
  const override = client.propagateOverride as string[][] | null;
  if (keyspace.dirty !== dirtyBefore || override !== null) {
    const dbId = client.db.id;
    if (override !== null) {
      for (const c of override) keyspace.propagate(dbId, c);
    } else if ((cmd.flags & Flag.write) !== 0) {
      keyspace.propagate(dbId, argv);
    }
  }
  // Client-side caching: keys read, CLIENT CACHING's end, the client's own invalidations after its reply.
  server.tracking.leaveCall(client, cmd, argv);
}

/** The argv of the command execute() is admitting, for reject() (MONITOR sees an aborted EXEC). */
let rejectedArgv: readonly string[] = [];

/** Redis's rejectCommand: a rejection inside MULTI makes EXEC fail; EXEC itself rejected aborts the transaction. */
function reject(client: Client, cmd: RegisteredCommand | null, err: RedisError): void {
  if (client.multiQueued >= 0) client.server.transactions.flagDirtyExec(client);
  if (cmd !== null) cmd.rejectedCalls++;
  if (client.trackingRedirect >= 0) client.server.tracking.commandDone(client, cmd);
  if (cmd !== null && cmd.fullName === 'exec') {
    // As execCommandAbort: even outside MULTI, and MONITOR sees the EXEC.
    client.server.transactions.discard(client);
    // Redis builds this from the bare reason: no ERR prefix, other codes (NOAUTH...) kept.
    err = execAbortBecause(err.code === 'ERR' ? err.message.slice(4) : err.message);
    if (client.server.monitors.size > 0) feedMonitors(client, rejectedArgv);
  }
  client.reply.error(err.message);
  client.server.recordError(err.code);
}

function feedMonitors(client: Client, argv: readonly string[]): void {
  const nowUs = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const line = monitorLine(nowUs, client.db.id, client.addr, argv);
  for (const m of client.server.monitors) m.pushRaw(line);
}
