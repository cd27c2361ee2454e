// respite's public API: run a server (startServer) or use the same engine in
// process (KeyValueStore).

import { Server, type ServerInit } from './server/server.js';
import { listen } from './server/listener.js';
import type { Clock } from './keyspace/clock.js';
import { Logger } from './server/logger.js';
import { loadDataFromDisk } from './persistence/startup.js';

export { RedisError } from './errors.js';
export { ManualClock, systemClock, type Clock } from './keyspace/clock.js';
export { Server } from './server/server.js';
export {
  KeyValueStore, type KeyValueStoreOptions, type SetOptions, type ScanOptions, type ExpireMode, type CommandArg,
} from './embedded/key-value-store.js';
export type { Reply, BufferReply } from './embedded/reply-convert.js';
export type { KeyInput, ValueInput, TypedValue } from './embedded/typed-values.js';

export interface StartServerOptions {
  /** TCP port; 0 picks a free one (default 6379). */
  port?: number;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Any redis.conf parameters, e.g. { requirepass: 'secret', databases: 4 }. */
  config?: Record<string, string | number | boolean>;
  clock?: Clock;
  /** Log to stdout (default false for embedded servers). */
  log?: boolean;
}

export interface RunningServer {
  port: number;
  host: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts a server listening on TCP; many can run in one process. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config: [string, string][] = [];
  for (const [name, value] of Object.entries(options.config ?? {})) {
    config.push([name, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)]);
  }
  config.push(['port', String(options.port ?? 6379)]);
  if (options.host !== undefined) config.push(['bind', options.host]);
  else if (!config.some(([n]) => n === 'bind')) config.push(['bind', '127.0.0.1']);
  const init: ServerInit = { config, logger: new Logger('notice', null, !options.log) };
  if (options.clock) init.clock = options.clock;
  const server = new Server(init);
  const listening = await listen(server);
  // With appendonly yes the AOF directory (config `dir`) is loaded and appended to.
  try {
    await loadDataFromDisk(server, { rdb: false });
  } catch (err) {
    await listening.close();
    throw err;
  }
  const close = async (): Promise<void> => {
    server.aof.stop();
    await listening.close();
  };
  server.shutdownHandler = () => void close();
  return { port: listening.port, host: listening.host, server, close };
}
