// The gate every command passes, in Redis's processCommand order: lookup →
// arity → auth → run; then statistics, slow log, monitors and propagation
// (Redis's call()). Handlers report errors by throwing RedisError.

import { NOAUTH, RedisError, unknownCommand, unknownSubcommand, wrongArity } from '../errors.js';
import { Flag, type RegisteredCommand } from '../commands/registry.js';
import type { Client } from './client.js';
import { monitorLine } from './monitor.js';

/** Runs one command for `client`, writing its reply to client.reply. */
export function execute(client: Client, argv: string[]): void {
  const server = client.server;
  let cmd = server.commands.lookup(argv[0]!);
  if (cmd === undefined) {
    reject(client, null, unknownCommand(argv[0]!, argv.slice(1)));
    return;
  }
  if (cmd.subcommands !== null) {
    if (argv.length === 1) {
      reject(client, cmd, wrongArity(cmd.fullName));
      return;
    }
    const sub = cmd.subcommands.get(argv[1]!.toLowerCase());
    if (sub === undefined) {
      reject(client, null, unknownSubcommand(argv[1]!, argv[0]!));
      return;
    }
    cmd = sub;
  }
  if (!cmd.arityOk(argv.length)) {
    reject(client, cmd, wrongArity(cmd.fullName));
    return;
  }
  if (!client.authenticated && (cmd.flags & Flag.no_auth) === 0) {
    reject(client, cmd, NOAUTH);
    return;
  }
  call(client, cmd, argv);
}

/** Runs a resolved, admitted command: Redis's call(). */
export function call(client: Client, cmd: RegisteredCommand, argv: string[]): void {
  const server = client.server;
  const keyspace = client.keyspace;
  const dirtyBefore = keyspace.dirty;
  client.lastCommand = cmd;
  client.propagateOverride = null;
  const start = performance.now();
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
  const elapsedUs = (performance.now() - start) * 1000;
  cmd.calls++;
  cmd.usec += elapsedUs;
  server.stats.totalCommands++;

  const slowerThan = server.slowlogSlowerThanUs;
  if (slowerThan >= 0 && elapsedUs >= slowerThan && (cmd.flags & Flag.skip_slowlog) === 0) {
    server.slowlog.record(argv, Math.floor(elapsedUs), keyspace.clock.now(), client.addr, client.name,
      server.config.num('slowlog-max-len'));
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
}

function reject(client: Client, cmd: RegisteredCommand | null, err: RedisError): void {
  if (cmd !== null) cmd.rejectedCalls++;
  client.reply.error(err.message);
  client.server.recordError(err.code);
}

function feedMonitors(client: Client, argv: readonly string[]): void {
  const nowUs = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const line = monitorLine(nowUs, client.db.id, client.addr, argv);
  for (const m of client.server.monitors) m.pushRaw(line);
}
