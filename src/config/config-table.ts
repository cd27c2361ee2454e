// The one table of configuration parameters: names, aliases, types,
// defaults, mutability and validation. The config file parser, the
// `--name value` command line, CONFIG GET/SET/REWRITE and INFO all read it.

export type ParamType = 'bool' | 'int' | 'memory' | 'string' | 'enum' | 'special';

export interface ConfigParam {
  name: string;
  aliases?: readonly string[];
  type: ParamType;
  /** Default, as CONFIG GET prints it. */
  default: string;
  /** false for Redis's IMMUTABLE_CONFIG parameters (set only at start-up). */
  mutable: boolean;
  enumValues?: readonly string[];
  min?: number;
  max?: number;
  /** Hidden from CONFIG GET * (sensitive or deprecated parameters are still readable by name). */
  sensitive?: boolean;
  /** Whether respite acts on the value, or only stores and echoes it. */
  effective: boolean;
  /**
   * Parses and validates a value as given; returns the canonical form
   * CONFIG GET shows, or throws Error with Redis's reason text.
   */
  normalize?(value: string): string;
}

const MB = 1024 * 1024;

function bool(name: string, def: 'yes' | 'no', mutable: boolean, effective: boolean, aliases?: string[]): ConfigParam {
  return { name, type: 'bool', default: def, mutable, effective, ...(aliases ? { aliases } : {}) };
}
function int(name: string, def: number, min: number, max: number, mutable: boolean, effective: boolean, aliases?: string[]): ConfigParam {
  return { name, type: 'int', default: String(def), min, max, mutable, effective, ...(aliases ? { aliases } : {}) };
}
function memory(name: string, def: number, min: number, max: number, mutable: boolean, effective: boolean, aliases?: string[]): ConfigParam {
  return { name, type: 'memory', default: String(def), min, max, mutable, effective, ...(aliases ? { aliases } : {}) };
}
function str(name: string, def: string, mutable: boolean, effective: boolean, extra?: Partial<ConfigParam>): ConfigParam {
  return { name, type: 'string', default: def, mutable, effective, ...extra };
}
function oneOf(name: string, def: string, values: readonly string[], mutable: boolean, effective: boolean): ConfigParam {
  return { name, type: 'enum', default: def, enumValues: values, mutable, effective };
}

/**
 * Every parameter respite knows. Parameters marked effective:false are
 * accepted, validated, stored and echoed so existing redis.conf files work.
 */
export const CONFIG_PARAMS: readonly ConfigParam[] = [
  // Network
  str('bind', '127.0.0.1 -::1', false, true),
  int('port', 6379, 0, 65535, false, true),
  bool('protected-mode', 'yes', true, false),
  int('tcp-backlog', 511, 0, 2147483647, false, true),
  int('timeout', 0, 0, 2147483647, true, true),
  int('tcp-keepalive', 300, 0, 2147483647, true, true),
  str('unixsocket', '', false, false),
  int('maxclients', 10000, 1, 2147483647, true, true),
  // General
  bool('daemonize', 'no', false, false),
  str('pidfile', '', false, true),
  oneOf('loglevel', 'notice', ['debug', 'verbose', 'notice', 'warning'], true, true),
  str('logfile', '', false, true),
  int('databases', 16, 1, 2147483647, false, true),
  int('hz', 10, 0, 2147483647, true, true),
  str('requirepass', '', true, true, { sensitive: true }),
  str('dir', './', true, true),
  str('dbfilename', 'dump.rdb', true, false),
  str('save', '3600 1 300 100 60 10000', true, false),
  bool('appendonly', 'no', true, false),
  // Limits
  memory('maxmemory', 0, 0, Number.MAX_SAFE_INTEGER, true, true),
  oneOf('maxmemory-policy', 'noeviction',
    ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'],
    true, false),
  memory('proto-max-bulk-len', 512 * MB, 1024 * 1024, Number.MAX_SAFE_INTEGER, true, true),
  memory('client-query-buffer-limit', 1024 * MB, 1024 * 1024, Number.MAX_SAFE_INTEGER, true, true),
  // Slow log and latency
  int('slowlog-log-slower-than', 10000, -1, Number.MAX_SAFE_INTEGER, true, true),
  int('slowlog-max-len', 128, 0, Number.MAX_SAFE_INTEGER, true, true),
  int('latency-monitor-threshold', 0, 0, Number.MAX_SAFE_INTEGER, true, true),
  str('notify-keyspace-events', '', true, false),
];
