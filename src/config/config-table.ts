// The one table of configuration parameters: every parameter of Redis 7.0
// (`CONFIG GET *`), with its aliases, type, default, range, mutability and
// special syntax. The config file parser, the `--name value` command line,
// CONFIG GET/SET/REWRITE, INFO and docs/COMPATIBILITY.md all read it.

import {
  normalizeBind, normalizeKeyspaceEvents, normalizeMemoryOrPercent, normalizeOomScoreAdjValues,
  normalizeOutputBufferLimit, normalizePercentiles, normalizeReplicaOf, normalizeSave, normalizeShutdownFlags,
} from './special-values.js';

export type ParamType = 'bool' | 'int' | 'memory' | 'octal' | 'string' | 'enum' | 'special';

export interface ConfigParam {
  name: string;
  aliases?: readonly string[];
  type: ParamType;
  /** Default, as CONFIG GET prints it. */
  default: string;
  /** false for Redis's IMMUTABLE_CONFIG parameters (set only at start-up). */
  mutable: boolean;
  /** PROTECTED_CONFIG: CONFIG SET refuses it unless enable-protected-configs allows. */
  protected?: boolean;
  /** SENSITIVE_CONFIG: values are redacted from logs and the slow log. */
  sensitive?: boolean;
  /** HIDDEN_CONFIG: left out of pattern matches (CONFIG GET *), readable by exact name. */
  hidden?: boolean;
  enumValues?: readonly string[];
  min?: bigint;
  max?: bigint;
  /** Whether respite acts on the value, or only validates, stores and echoes it. */
  effective: boolean;
  /** String values CONFIG REWRITE writes quoted (Redis's string/sds configs). */
  quoted?: boolean;
  /**
   * Parses a value with its own syntax; returns the canonical form CONFIG GET
   * shows, or throws ConfigError with Redis's reason. `current` is the value now.
   */
  normalize?(value: string, current: string): string;
}

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;
const UINT_MAX = 4294967295n;
const LONG_MAX = 9223372036854775807n;
const ULLONG_MAX = 18446744073709551615n;

/** Flag letters: i immutable, e effective (respite acts on it), p protected, s sensitive, h hidden. */
function opts(flags: string, aliases?: string): Pick<ConfigParam, 'mutable' | 'effective' | 'protected' | 'sensitive' | 'hidden' | 'aliases'> {
  return {
    mutable: !flags.includes('i'),
    effective: flags.includes('e'),
    ...(flags.includes('p') ? { protected: true } : {}),
    ...(flags.includes('s') ? { sensitive: true } : {}),
    ...(flags.includes('h') ? { hidden: true } : {}),
    ...(aliases ? { aliases: [aliases] } : {}),
  };
}
function bool(name: string, def: 'yes' | 'no', flags = '', alias?: string): ConfigParam {
  return { name, type: 'bool', default: def, ...opts(flags, alias) };
}
function int(name: string, def: number, min: bigint, max: bigint, flags = '', alias?: string): ConfigParam {
  return { name, type: 'int', default: String(def), min, max, ...opts(flags, alias) };
}
function mem(name: string, def: number, min: bigint, max: bigint, flags = '', alias?: string): ConfigParam {
  return { name, type: 'memory', default: String(def), min, max, ...opts(flags, alias) };
}
function str(name: string, def: string, flags = '', alias?: string): ConfigParam {
  return { name, type: 'string', default: def, quoted: true, ...opts(flags, alias) };
}
function oneOf(name: string, def: string, values: readonly string[], flags = ''): ConfigParam {
  return { name, type: 'enum', default: def, enumValues: values, ...opts(flags) };
}
function special(name: string, def: string, normalize: (v: string, cur: string) => string, flags = '', alias?: string): ConfigParam {
  return { name, type: 'special', default: def, normalize, ...opts(flags, alias) };
}

const PROTECTED_ACTION = ['no', 'yes', 'local'];

export const CONFIG_PARAMS: readonly ConfigParam[] = [
  // Booleans
  bool('rdbchecksum', 'yes', 'ie'),
  bool('daemonize', 'no', 'i'),
  bool('io-threads-do-reads', 'no', 'i'),
  bool('always-show-logo', 'no', 'i'),
  bool('protected-mode', 'yes'),
  bool('rdbcompression', 'yes', 'e'),
  bool('rdb-del-sync-files', 'no'),
  bool('activerehashing', 'yes'),
  bool('stop-writes-on-bgsave-error', 'yes', 'e'),
  bool('set-proc-title', 'yes', 'i'),
  bool('dynamic-hz', 'yes'),
  bool('lazyfree-lazy-eviction', 'no'),
  bool('lazyfree-lazy-expire', 'no'),
  bool('lazyfree-lazy-server-del', 'no'),
  bool('lazyfree-lazy-user-del', 'no'),
  bool('lazyfree-lazy-user-flush', 'no'),
  bool('repl-disable-tcp-nodelay', 'no'),
  bool('repl-diskless-sync', 'yes'),
  bool('aof-rewrite-incremental-fsync', 'yes'),
  bool('no-appendfsync-on-rewrite', 'no', 'e'),
  bool('cluster-require-full-coverage', 'yes'),
  bool('rdb-save-incremental-fsync', 'yes'),
  bool('aof-load-truncated', 'yes', 'e'),
  bool('aof-use-rdb-preamble', 'yes', 'e'),
  bool('aof-timestamp-enabled', 'no', 'e'),
  bool('cluster-replica-no-failover', 'no', '', 'cluster-slave-no-failover'),
  bool('replica-lazy-flush', 'no', '', 'slave-lazy-flush'),
  bool('replica-serve-stale-data', 'yes', '', 'slave-serve-stale-data'),
  bool('replica-read-only', 'yes', '', 'slave-read-only'),
  bool('replica-ignore-maxmemory', 'yes', '', 'slave-ignore-maxmemory'),
  bool('jemalloc-bg-thread', 'yes'),
  bool('activedefrag', 'no'),
  bool('syslog-enabled', 'no', 'i'),
  bool('cluster-enabled', 'no', 'i'),
  bool('appendonly', 'no', 'e'),
  bool('cluster-allow-reads-when-down', 'no'),
  bool('cluster-allow-pubsubshard-when-down', 'yes'),
  bool('crash-log-enabled', 'yes'),
  bool('crash-memcheck-enabled', 'yes'),
  bool('use-exit-on-panic', 'no', 'h'),
  bool('disable-thp', 'yes', 'i'),
  bool('cluster-allow-replica-migration', 'yes'),
  bool('replica-announced', 'yes'),
  bool('latency-tracking', 'yes', 'e'),
  bool('aof-disable-auto-gc', 'no', 'e'),
  bool('replica-ignore-disk-write-errors', 'no'),
  bool('tls-cluster', 'no'),
  bool('tls-replication', 'no'),
  bool('tls-prefer-server-ciphers', 'no'),
  bool('tls-session-caching', 'yes'),
  // Strings
  str('aclfile', '', 'i'),
  str('unixsocket', '', 'i'),
  str('pidfile', '', 'ie'),
  str('replica-announce-ip', '', '', 'slave-announce-ip'),
  str('masteruser', '', 's'),
  str('cluster-announce-ip', ''),
  str('cluster-config-file', 'nodes.conf', 'i'),
  str('cluster-announce-hostname', ''),
  str('syslog-ident', 'redis', 'i'),
  str('dbfilename', 'dump.rdb', 'pe'),
  str('appendfilename', 'appendonly.aof', 'ie'),
  str('appenddirname', 'appendonlydir', 'ie'),
  str('server_cpulist', '', 'i'),
  str('bio_cpulist', '', 'i'),
  str('aof_rewrite_cpulist', '', 'i'),
  str('bgsave_cpulist', '', 'i'),
  str('ignore-warnings', ''),
  str('proc-title-template', '{title} {listen-addr} {server-mode}'),
  str('bind-source-addr', ''),
  str('logfile', '', 'ie'),
  str('masterauth', '', 's'),
  str('requirepass', '', 'se'),
  str('tls-cert-file', ''),
  str('tls-key-file', ''),
  str('tls-key-file-pass', ''),
  str('tls-client-cert-file', ''),
  str('tls-client-key-file', ''),
  str('tls-client-key-file-pass', ''),
  str('tls-dh-params-file', ''),
  str('tls-ca-cert-file', ''),
  str('tls-ca-cert-dir', ''),
  str('tls-protocols', ''),
  str('tls-ciphers', ''),
  str('tls-ciphersuites', ''),
  // Enums
  oneOf('supervised', 'no', ['upstart', 'systemd', 'auto', 'no'], 'i'),
  oneOf('syslog-facility', 'local0', ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], 'i'),
  oneOf('repl-diskless-load', 'disabled', ['disabled', 'on-empty-db', 'swapdb']),
  oneOf('loglevel', 'notice', ['debug', 'verbose', 'notice', 'warning'], 'e'),
  oneOf('maxmemory-policy', 'noeviction',
    ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction']),
  oneOf('appendfsync', 'everysec', ['always', 'everysec', 'no'], 'e'),
  oneOf('oom-score-adj', 'no', ['no', 'yes', 'relative', 'absolute']),
  oneOf('acl-pubsub-default', 'resetchannels', ['allchannels', 'resetchannels']),
  oneOf('sanitize-dump-payload', 'no', ['no', 'yes', 'clients']),
  oneOf('enable-protected-configs', 'no', PROTECTED_ACTION, 'ie'),
  oneOf('enable-debug-command', 'no', PROTECTED_ACTION, 'ie'),
  oneOf('enable-module-command', 'no', PROTECTED_ACTION, 'i'),
  oneOf('cluster-preferred-endpoint-type', 'ip', ['ip', 'hostname', 'unknown-endpoint']),
  oneOf('propagation-error-behavior', 'ignore', ['ignore', 'panic', 'panic-on-replicas']),
  oneOf('tls-auth-clients', 'yes', ['no', 'yes', 'optional']),
  special('shutdown-on-sigint', 'default', normalizeShutdownFlags),
  special('shutdown-on-sigterm', 'default', normalizeShutdownFlags),
  // Integers
  int('databases', 16, 1n, INT_MAX, 'ie'),
  int('port', 6379, 0n, 65535n, 'e'),
  int('io-threads', 1, 1n, 128n, 'i'),
  int('auto-aof-rewrite-percentage', 100, 0n, INT_MAX, 'e'),
  int('cluster-replica-validity-factor', 10, 0n, INT_MAX, '', 'cluster-slave-validity-factor'),
  int('list-max-listpack-size', -2, INT_MIN, INT_MAX, '', 'list-max-ziplist-size'),
  int('tcp-keepalive', 300, 0n, INT_MAX, 'e'),
  int('cluster-migration-barrier', 1, 0n, INT_MAX),
  int('active-defrag-cycle-min', 1, 1n, 99n),
  int('active-defrag-cycle-max', 25, 1n, 99n),
  int('active-defrag-threshold-lower', 10, 0n, 1000n),
  int('active-defrag-threshold-upper', 100, 0n, 1000n),
  int('lfu-log-factor', 10, 0n, INT_MAX),
  int('lfu-decay-time', 1, 0n, INT_MAX),
  int('replica-priority', 100, 0n, INT_MAX, '', 'slave-priority'),
  int('repl-diskless-sync-delay', 5, 0n, INT_MAX),
  int('maxmemory-samples', 5, 1n, INT_MAX),
  int('maxmemory-eviction-tenacity', 10, 0n, 100n),
  int('timeout', 0, 0n, INT_MAX, 'e'),
  int('replica-announce-port', 0, 0n, 65535n, '', 'slave-announce-port'),
  int('tcp-backlog', 511, 0n, INT_MAX, 'ie'),
  int('cluster-port', 0, 0n, 65535n, 'i'),
  int('cluster-announce-bus-port', 0, 0n, 65535n),
  int('cluster-announce-port', 0, 0n, 65535n),
  int('cluster-announce-tls-port', 0, 0n, 65535n),
  int('repl-timeout', 60, 1n, INT_MAX),
  int('repl-ping-replica-period', 10, 1n, INT_MAX, '', 'repl-ping-slave-period'),
  int('list-compress-depth', 0, 0n, INT_MAX),
  int('rdb-key-save-delay', 0, INT_MIN, INT_MAX, 'h'),
  int('key-load-delay', 0, INT_MIN, INT_MAX, 'h'),
  int('active-expire-effort', 1, 1n, 10n),
  int('hz', 10, 0n, INT_MAX, 'e'),
  int('min-replicas-to-write', 0, 0n, INT_MAX, '', 'min-slaves-to-write'),
  int('min-replicas-max-lag', 10, 0n, INT_MAX, '', 'min-slaves-max-lag'),
  int('watchdog-period', 0, 0n, INT_MAX, 'h'),
  int('shutdown-timeout', 10, 0n, INT_MAX),
  int('repl-diskless-sync-max-replicas', 0, 0n, INT_MAX),
  int('maxclients', 10000, 1n, UINT_MAX, 'e'),
  { name: 'unixsocketperm', type: 'octal', default: '0', min: 0n, max: 0o777n, ...opts('i') },
  int('socket-mark-id', 0, 0n, UINT_MAX, 'i'),
  int('active-defrag-max-scan-fields', 1000, 1n, LONG_MAX),
  int('slowlog-max-len', 128, 0n, LONG_MAX, 'e'),
  int('acllog-max-len', 128, 0n, LONG_MAX),
  int('busy-reply-threshold', 5000, 0n, LONG_MAX, '', 'lua-time-limit'),
  int('cluster-node-timeout', 15000, 0n, LONG_MAX),
  int('slowlog-log-slower-than', 10000, -1n, LONG_MAX, 'e'),
  int('latency-monitor-threshold', 0, 0n, LONG_MAX, 'e'),
  int('stream-node-max-entries', 100, 0n, LONG_MAX),
  int('hash-max-listpack-entries', 512, 0n, LONG_MAX, '', 'hash-max-ziplist-entries'),
  int('set-max-intset-entries', 512, 0n, LONG_MAX),
  int('zset-max-listpack-entries', 128, 0n, LONG_MAX, '', 'zset-max-ziplist-entries'),
  int('tracking-table-max-keys', 1000000, 0n, LONG_MAX),
  int('repl-backlog-ttl', 3600, 0n, LONG_MAX),
  int('loading-process-events-interval-bytes', 2 * 1024 * 1024, 1024n, INT_MAX, 'h'),
  int('tls-port', 0, 0n, 65535n),
  int('tls-session-cache-size', 20 * 1024, 0n, INT_MAX),
  int('tls-session-cache-timeout', 300, 0n, INT_MAX),
  // Memory sizes
  mem('proto-max-bulk-len', 512 * 1024 * 1024, 1024n * 1024n, LONG_MAX, 'e'),
  mem('repl-backlog-size', 1024 * 1024, 1n, LONG_MAX),
  mem('maxmemory', 0, 0n, ULLONG_MAX),
  mem('cluster-link-sendbuf-limit', 0, 0n, ULLONG_MAX),
  mem('active-defrag-ignore-bytes', 100 * 1024 * 1024, 1n, LONG_MAX),
  mem('hash-max-listpack-value', 64, 0n, LONG_MAX, '', 'hash-max-ziplist-value'),
  mem('stream-node-max-bytes', 4096, 0n, LONG_MAX),
  mem('zset-max-listpack-value', 64, 0n, LONG_MAX, '', 'zset-max-ziplist-value'),
  mem('hll-sparse-max-bytes', 3000, 0n, LONG_MAX),
  mem('client-query-buffer-limit', 1024 * 1024 * 1024, 1024n * 1024n, LONG_MAX, 'e'),
  mem('auto-aof-rewrite-min-size', 64 * 1024 * 1024, 0n, LONG_MAX, 'e'),
  special('maxmemory-clients', '0', normalizeMemoryOrPercent),
  // Special syntax
  { ...special('dir', '', (v) => v, 'pe'), quoted: true },
  special('save', '3600 1 300 100 60 10000', normalizeSave, 'e'),
  special('client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60', normalizeOutputBufferLimit),
  special('oom-score-adj-values', '0 200 800', normalizeOomScoreAdjValues),
  { ...special('notify-keyspace-events', '', normalizeKeyspaceEvents), quoted: true },
  // respite binds 127.0.0.1 by default (safe default); Redis's built-in default is "* -::*".
  special('bind', '127.0.0.1 -::1', normalizeBind, 'e'),
  special('replicaof', '', normalizeReplicaOf, 'i', 'slaveof'),
  special('latency-tracking-info-percentiles', '50 99 99.9', normalizePercentiles),
];
