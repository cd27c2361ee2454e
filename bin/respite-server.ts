#!/usr/bin/env node
// respite-server: redis-server's command line (config file, --name value),
// Redis-style logging, clean stop on SIGINT/SIGTERM and SHUTDOWN. Sizes its
// own V8 heap: the process re-executes itself once with a heap limit taken
// from maxmemory or the machine's memory, so users never pass node flags.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseCommandLine, parseConfigText, type ConfigPairs } from '../src/config/parse.js';
import { parseMemory } from '../src/config/config.js';
import { Server } from '../src/server/server.js';
import { listen } from '../src/server/listener.js';
import { Logger } from '../src/server/logger.js';
import { RESPITE_VERSION } from '../src/version.js';

const CHILD_MARK = 'RESPITE_HEAP_SIZED';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function loadPairs(): { pairs: ConfigPairs; configFile: string | null; switches: string[] } {
  let cl;
  try {
    cl = parseCommandLine(process.argv.slice(2));
  } catch (err) {
    fail((err as Error).message);
  }
  let pairs: ConfigPairs = [];
  if (cl.configFile !== null) {
    const path = resolve(cl.configFile);
    let text: string;
    try {
      text = readFileSync(path, 'latin1');
    } catch (err) {
      fail(`Fatal error, can't open config file '${path}': ${(err as Error).message}`);
    }
    try {
      pairs = parseConfigText(text, resolve(path, '..'));
    } catch (err) {
      fail((err as Error).message);
    }
  }
  return { pairs: [...pairs, ...cl.pairs], configFile: cl.configFile, switches: cl.switches };
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

async function main(): Promise<void> {
  const { pairs, configFile, switches } = loadPairs();
  if (switches.includes('version') || switches.includes('v')) {
    process.stdout.write(`respite-server v=${RESPITE_VERSION} redis_version=7.0.15 node=${process.version}\n`);
    return;
  }
  if (switches.includes('help') || switches.includes('h')) {
    process.stdout.write('Usage: respite-server [/path/to/redis.conf] [--option value ...]\n' +
      'Examples:\n  respite-server --port 7777\n  respite-server /etc/redis/6379.conf --loglevel verbose\n');
    return;
  }
  if (!alreadySized()) {
    reexecWithHeap(heapLimitMb(pairs));
    return;
  }
  let server: Server;
  try {
    const level = pairs.filter(([n]) => n === 'loglevel').map(([, v]) => v).pop() ?? 'notice';
    const logfile = pairs.filter(([n]) => n === 'logfile').map(([, v]) => v).pop() ?? '';
    server = new Server({ config: pairs, logger: new Logger(level, logfile || null), configFile: configFile ? resolve(configFile) : '' });
  } catch (err) {
    fail(`\n*** FATAL CONFIG FILE ERROR (respite ${RESPITE_VERSION}) ***\n${(err as Error).message}`);
  }
  const log = server.logger;
  log.notice(`oO0OoO0OoO0Oo respite is starting oO0OoO0OoO0Oo`);
  log.notice(`respite version=${RESPITE_VERSION}, redis_version=7.0.15, node=${process.version}, pid=${process.pid}, just started`);
  if (configFile === null) log.warning('Warning: no config file specified, using the default config. In order to specify a config file use respite-server /path/to/redis.conf');
  else log.notice('Configuration loaded');
  let listening;
  try {
    listening = await listen(server);
  } catch (err) {
    log.warning(`Failed listening on port ${server.config.get('port')} (tcp), aborting: ${(err as Error).message}`);
    process.exit(1);
  }
  log.notice(`Server initialized`);
  log.notice(`Ready to accept connections tcp on ${listening.host}:${listening.port}`);
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.warning(reason);
    log.notice('User requested shutdown...');
    await listening.close();
    log.warning('respite is now ready to exit, bye bye...');
    process.exit(0);
  };
  server.shutdownHandler = (reason) => void stop(reason);
  process.on('SIGINT', () => void stop('Received SIGINT scheduling shutdown...'));
  process.on('SIGTERM', () => void stop('Received SIGTERM scheduling shutdown...'));
}

void main();
