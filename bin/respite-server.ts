#!/usr/bin/env node
// respite-server: redis-server's command line (config file, --name value),
// Redis-style logging, pidfile, clean stop on SIGINT/SIGTERM and SHUTDOWN.
// Sizes its own V8 heap: the process re-executes itself once with a heap
// limit taken from maxmemory or the machine's memory, so users never pass node flags.

import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { ConfigLoadError, linesToPairs, parseCommandLine, parseConfigLines, type ConfigLine, type ConfigPairs } from '../src/config/parse.js';
import { parseMemory } from '../src/config/values.js';
import { Server, StartupConfigError } from '../src/server/server.js';
import { listen } from '../src/server/listener.js';
import { Logger } from '../src/server/logger.js';
import { REDIS_VERSION, RESPITE_VERSION } from '../src/version.js';
import { runJsonFlags, takeJsonFlags, withoutJsonFlags } from '../src/persistence/json/cli.js';
import { DataLoadError, loadDataFromDisk } from '../src/persistence/startup.js';

const CHILD_MARK = 'RESPITE_HEAP_SIZED';

function fail(message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(1);
}

interface Loaded {
  lines: ConfigLine[];
  configFile: string | null;
  switches: string[];
}

/** As Redis's loadServerConfig: the file's text, a newline, then the options as config lines. */
function load(): Loaded {
  let cl;
  try {
    cl = parseCommandLine(withoutJsonFlags(process.argv.slice(2)));
  } catch (err) {
    fail((err as Error).message);
  }
  let text = '';
  let baseDir = process.cwd();
  if (cl.configFile !== null) {
    const path = cl.configFile === '-' ? '/dev/stdin' : resolve(cl.configFile);
    try {
      text = readFileSync(path, 'latin1');
    } catch (err) {
      fail(`Fatal error, can't open config file '${path}': ${(err as Error).message}`);
    }
    baseDir = dirname(path);
  }
  text += '\n' + cl.optionsText;
  try {
    return { lines: parseConfigLines(text, baseDir), configFile: cl.configFile, switches: cl.switches };
  } catch (err) {
    if (err instanceof ConfigLoadError) fail(err.format(REDIS_VERSION));
    throw err;
  }
}

/** Heap limit in MB: room for maxmemory plus overhead, else 3/4 of the machine. */
function heapLimitMb(pairs: ConfigPairs): number {
  const maxmemory = pairs.filter(([n]) => n === 'maxmemory').map(([, v]) => parseMemory(v) ?? 0).pop() ?? 0;
  const machineMb = Math.floor(totalmem() / (1024 * 1024));
  if (maxmemory > 0) return Math.min(machineMb, Math.ceil((maxmemory * 2) / (1024 * 1024)) + 512);
  return Math.max(1024, Math.floor(machineMb * 0.75));
}

function alreadySized(): boolean {
  return process.env[CHILD_MARK] === '1' ||
    process.execArgv.some((a) => a.startsWith('--max-old-space-size')) ||
    (process.env.NODE_OPTIONS ?? '').includes('--max-old-space-size');
}

function reexecWithHeap(limitMb: number): void {
  const child = spawn(process.execPath,
    [`--max-old-space-size=${limitMb}`, ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, [CHILD_MARK]: '1' } });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => child.kill(sig));
  }
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

function lastValue(pairs: ConfigPairs, name: string, fallback: string): string {
  return pairs.filter(([n]) => n === name).map(([, v]) => v).pop() ?? fallback;
}

function createServer(loaded: Loaded, pairs: ConfigPairs): Server {
  // dir first: as Redis, relative paths (logfile, pidfile) are taken from it.
  const dir = lastValue(pairs, 'dir', '');
  if (dir !== '') {
    try {
      process.chdir(dir);
    } catch (err) {
      fail(`Can't chdir to '${dir}': ${(err as Error).message}`);
    }
  }
  const level = lastValue(pairs, 'loglevel', 'notice');
  const logfile = lastValue(pairs, 'logfile', '');
  try {
    const server = new Server({
      config: pairs,
      logger: new Logger(['debug', 'verbose', 'notice', 'warning'].includes(level) ? level : 'notice', logfile || null),
      configFile: loaded.configFile !== null && loaded.configFile !== '-' ? resolve(loaded.configFile) : '',
    });
    server.config.setCanonical('dir', process.cwd());
    return server;
  } catch (err) {
    if (err instanceof StartupConfigError) {
      const line = loaded.lines[err.index]!;
      fail(new ConfigLoadError(line.lineNo, line.text, err.message).format(REDIS_VERSION));
    }
    throw err;
  }
}

async function listenOrExit(server: Server): Promise<Awaited<ReturnType<typeof listen>>> {
  try {
    return await listen(server);
  } catch (err) {
    server.logger.warning(`Failed listening on port ${server.config.get('port')} (tcp), aborting: ${(err as Error).message}`);
    process.exit(1);
  }
}

async function loadData(server: Server): Promise<void> {
  try {
    await loadDataFromDisk(server, { rdb: true });
  } catch (err) {
    if (!(err instanceof DataLoadError)) throw err;
    for (const line of err.lines) server.logger.warning(line);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const loaded = load();
  const pairs = linesToPairs(loaded.lines);
  if (loaded.switches.includes('version') || loaded.switches.includes('v')) {
    process.stdout.write(`respite-server v=${RESPITE_VERSION} redis_version=${REDIS_VERSION} node=${process.version}\n`);
    return;
  }
  if (loaded.switches.includes('help') || loaded.switches.includes('h')) {
    process.stdout.write('Usage: respite-server [/path/to/redis.conf] [--option value ...]\n' +
      'Examples:\n  respite-server --port 7777\n  respite-server /etc/redis/6379.conf --loglevel verbose\n');
    return;
  }
  if (!alreadySized()) {
    reexecWithHeap(heapLimitMb(pairs));
    return;
  }
  const server = createServer(loaded, pairs);
  const log = server.logger;
  log.notice('oO0OoO0OoO0Oo respite is starting oO0OoO0OoO0Oo');
  log.notice(`respite version=${RESPITE_VERSION}, redis_version=${REDIS_VERSION}, node=${process.version}, pid=${process.pid}, just started`);
  if (loaded.configFile === null) {
    log.warning('Warning: no config file specified, using the default config. In order to specify a config file use respite-server /path/to/redis.conf');
  } else {
    log.notice('Configuration loaded');
  }
  if (server.config.bool('daemonize')) log.warning('daemonize yes is not supported: running in the foreground');
  if (server.config.get('supervised') !== 'no') log.warning(`supervised ${server.config.get('supervised')} is not supported: ignored`);
  server.snapshots.autoSave = true;
  const args = process.argv.slice(2);
  // As Redis, the port is open while the data loads (clients get -LOADING);
  // an export never serves.
  const json = takeJsonFlags(args);
  const exportOnly = json.exportPath !== null;
  let listening = exportOnly ? null : await listenOrExit(server);
  await loadData(server);
  await runJsonFlags(server, args);
  // Imported keys are not in the AOF yet: a rewrite puts them in its base.
  if (json.importPath !== null && server.aof.state === 'on') server.aof.rewriteBackground();
  listening ??= await listenOrExit(server);
  const pidfile = server.config.get('pidfile');
  if (pidfile !== '') {
    try {
      writeFileSync(pidfile, `${process.pid}\n`);
    } catch (err) {
      log.warning(`Failed to write PID file: ${(err as Error).message}`);
    }
  }
  log.notice('Server initialized');
  log.notice(`Ready to accept connections tcp on ${listening.host}:${listening.port}`);
  let stopping = false;
  const stop = async (reason: string | null) => {
    if (stopping) return;
    if (reason !== null) {
      // A signal: as Redis's prepareForShutdown, save first when save points
      // exist (SHUTDOWN has already done so itself); a failed save keeps the server up.
      log.warning(reason);
      log.warning('User requested shutdown...');
      if (!server.snapshots.shutdownSave({ save: false, nosave: false, force: false })) {
        log.warning('Errors trying to shut down the server. Check the logs for more information.');
        return;
      }
    } else {
      log.warning('User requested shutdown...');
    }
    stopping = true;
    // As Redis's prepareForShutdown: the AOF is written and fsynced before exit.
    server.aof.flushForShutdown();
    await listening.close();
    if (pidfile !== '') {
      log.notice('Removing the pid file.');
      rmSync(pidfile, { force: true });
    }
    log.warning('respite is now ready to exit, bye bye...');
    process.exit(0);
  };
  server.shutdownHandler = () => void stop(null);
  process.on('SIGINT', () => void stop('Received SIGINT scheduling shutdown...'));
  process.on('SIGTERM', () => void stop('Received SIGTERM scheduling shutdown...'));
}

void main();
