// DEBUG: the subcommands respite supports (HELP, SLEEP, OBJECT,
// SET-ACTIVE-EXPIRE, LOG, ERROR); the others answer with Redis's error for an
// unknown DEBUG subcommand. The enable-debug-command gate is in the dispatcher
// (the command is flagged `protected`, as in Redis).

import { DEBUG_RELOAD_FAILED, DEBUG_RELOAD_OPTIONS, NO_SUCH_KEY, RedisError, SAVE_FAILED, subcommandSyntax } from '../../errors.js';
import { defineCommand } from '../spec.js';
import type { CommandContext } from '../context.js';
import { rdbStringObjectLength, stringEncoding } from './object-size.js';
import { ByteString } from '../../types/value.js';

/** Redis 7.0's DEBUG HELP text, line for line (including subcommands respite does not run). */
const DEBUG_HELP = [
  'AOF-FLUSH-SLEEP <microsec>',
  '    Server will sleep before flushing the AOF, this is used for testing.',
  'ASSERT',
  '    Crash by assertion failed.',
  'CHANGE-REPL-ID',
  '    Change the replication IDs of the instance.',
  '    Dangerous: should be used only for testing the replication subsystem.',
  'CONFIG-REWRITE-FORCE-ALL',
  '    Like CONFIG REWRITE but writes all configuration options, including',
  '    keywords not listed in original configuration file or default values.',
  'CRASH-AND-RECOVER [<milliseconds>]',
  '    Hard crash and restart after a <milliseconds> delay (default 0).',
  'DIGEST',
  '    Output a hex signature representing the current DB content.',
  'DIGEST-VALUE <key> [<key> ...]',
  '    Output a hex signature of the values of all the specified keys.',
  'ERROR <string>',
  '    Return a Redis protocol error with <string> as message. Useful for clients',
  '    unit tests to simulate Redis errors.',
  'LEAK <string>',
  '    Create a memory leak of the input string.',
  'LOG <message>',
  '    Write <message> to the server log.',
  'HTSTATS <dbid>',
  '    Return hash table statistics of the specified Redis database.',
  'HTSTATS-KEY <key>',
  "    Like HTSTATS but for the hash table stored at <key>'s value.",
  'LOADAOF',
  '    Flush the AOF buffers on disk and reload the AOF in memory.',
  'REPLICATE <string>',
  '    Replicates the provided string to replicas, allowing data divergence.',
  'MALLCTL <key> [<val>]',
  '    Get or set a malloc tuning integer.',
  'MALLCTL-STR <key> [<val>]',
  '    Get or set a malloc tuning string.',
  'OBJECT <key>',
  '    Show low level info about `key` and associated value.',
  'DROP-CLUSTER-PACKET-FILTER <packet-type>',
  '    Drop all packets that match the filtered type. Set to -1 allow all packets.',
  'OOM',
  '    Crash the server simulating an out-of-memory error.',
  'PANIC',
  '    Crash the server simulating a panic.',
  'POPULATE <count> [<prefix>] [<size>]',
  '    Create <count> string keys named key:<num>. If <prefix> is specified then',
  '    it is used instead of the \'key\' prefix. These are not propagated to',
  '    replicas. Cluster slots are not respected so keys not belonging to the',
  '    current node can be created in cluster mode.',
  'PROTOCOL <type>',
  '    Reply with a test value of the specified type. <type> can be: string,',
  '    integer, double, bignum, null, array, set, map, attrib, push, verbatim,',
  '    true, false.',
  'RELOAD [option ...]',
  '    Save the RDB on disk and reload it back to memory. Valid <option> values:',
  '    * MERGE: conflicting keys will be loaded from RDB.',
  '    * NOFLUSH: the existing database will not be removed before load, but',
  '      conflicting keys will generate an exception and kill the server.',
  '    * NOSAVE: the database will be loaded from an existing RDB file.',
  '    Examples:',
  '    * DEBUG RELOAD: verify that the server is able to persist, flush and reload',
  '      the database.',
  '    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an',
  '      existing RDB file.',
  '    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB',
  '      file to the database.',
  'RESTART [<milliseconds>]',
  '    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).',
  'SDSLEN <key>',
  '    Show low level SDS string info representing `key` and value.',
  'SEGFAULT',
  '    Crash the server with sigsegv.',
  'SET-ACTIVE-EXPIRE <0|1>',
  '    Setting it to 0 disables expiring keys in background when they are not',
  '    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the',
  '    default.',
  'QUICKLIST-PACKED-THRESHOLD <size>',
  '    Sets the threshold for elements to be inserted as plain vs packed nodes',
  '    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.',
  'SET-SKIP-CHECKSUM-VALIDATION <0|1>',
  '    Enables or disables checksum checks for RDB files and RESTORE\'s payload.',
  'SLEEP <seconds>',
  '    Stop the server for <seconds>. Decimals allowed.',
  'STRINGMATCH-TEST',
  '    Run a fuzz tester against the stringmatchlen() function.',
  'STRUCTSIZE',
  '    Return the size of different Redis core C structures.',
  'LISTPACK <key>',
  '    Show low level info about the listpack encoding of <key>.',
  'QUICKLIST <key> [<0|1>]',
  '    Show low level info about the quicklist encoding of <key>.',
  '    The optional argument (0 by default) sets the level of detail',
  'CLIENT-EVICTION',
  '    Show low level client eviction pools info (maxmemory-clients).',
  'PAUSE-CRON <0|1>',
  '    Stop periodic cron job processing.',
  'REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>',
  '    Sets the time (in milliseconds) to wait between client reply buffer peak resets.',
  '    In case NEVER is provided the last observed peak will never be reset',
  '    In case RESET is provided the peak reset time will be restored to the default value',
  'REPLYBUFFER RESIZING <0|1>',
  '    Enable or disable the reply buffer resize cron job',
  'CLUSTERLINK KILL <to|from|all> <node-id>',
  '    Kills the link based on the direction to/from (both) with the provided node.',
];

/** C's strtod on a prefix (DEBUG SLEEP "0.5x" sleeps 0.5 s, "abc" sleeps 0). */
export function strtodPrefix(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))/i.exec(s);
  if (m === null) return 0;
  const t = m[1]!.toLowerCase().replace(/^([+-]?)inf(inity)?$/, '$1Infinity');
  const v = Number(t);
  return Number.isNaN(v) ? 0 : v;
}

/** C's atoi (DEBUG SET-ACTIVE-EXPIRE takes any text; non-numbers are 0). */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m === null ? 0 : Number.parseInt(m[1]!, 10);
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the whole event loop, as Redis's nanosleep in DEBUG SLEEP. */
function blockFor(seconds: number): void {
  // As Redis: the seconds become whole microseconds; negative or zero sleeps nothing.
  const us = Math.trunc(seconds * 1e6);
  if (!(us > 0)) return;
  Atomics.wait(sleepCell, 0, 0, us / 1000);
}

/** Shared integer objects (0..9999) have refcount INT_MAX unless maxmemory uses LRU/LFU. */
function refcountOf(ctx: CommandContext, value: string): number {
  if (stringEncoding(value) !== 'int') return 1;
  const n = Number(value);
  if (n < 0 || n >= 10000) return 1;
  const policy = ctx.server.config.get('maxmemory-policy');
  const noShared = ctx.server.config.num('maxmemory') !== 0 && /lru|lfu/.test(policy);
  return noShared ? 1 : 2147483647;
}

function debugObject(ctx: CommandContext, key: string): string {
  // As Redis: a plain dictFind, no lazy expiry and no access-time update.
  const dict = ctx.db.dict;
  const e = dict.find(key);
  if (e === -1) throw NO_SUCH_KEY;
  const value = dict.valueAt(e)!;
  const compression = ctx.server.config.bool('rdbcompression');
  const isString = typeof value === 'string';
  const encoding = isString ? stringEncoding(value) : value.encoding();
  const sized = value as { serializedLength?(compression: boolean): number };
  // Collection types report their own RDB length once they can serialize themselves; a raw
  // (edited in place) string is saved as its bytes, which may still form an encoded integer.
  const serialized = isString ? rdbStringObjectLength(value, compression)
    : value instanceof ByteString ? rdbStringObjectLength(value.toLatin1(), compression)
      : (sized.serializedLength?.(compression) ?? 0);
  const lru = dict.lruAt(e) & 0xffffff;
  const now = Math.floor(ctx.keyspace.clock.now() / 1000) & 0xffffff;
  const idle = now >= lru ? now - lru : 0xffffff - lru + now;
  const refcount = isString ? refcountOf(ctx, value) : 1;
  // The address is a made-up but stable per-entry value: respite has no C pointers to show.
  const addr = `0x7f${(0x10000000 + e * 16).toString(16).padStart(10, '0')}`;
  return `Value at:${addr} refcount:${refcount} encoding:${encoding} serializedlength:${serialized} lru:${lru} lru_seconds_idle:${idle}`;
}

export const debug = defineCommand({
  name: 'debug',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale', 'protected'],
  docs: {
    summary: 'A container for debugging commands', since: '1.0.0', group: 'server',
    complexity: 'Depends on subcommand.', docFlags: ['syscmd'],
  },
  run(ctx, argv) {
    const sub = argv[1]!.toLowerCase();
    const argc = argv.length;
    if (sub === 'help' && argc === 2) {
      ctx.reply.array(DEBUG_HELP.length + 3);
      ctx.reply.simple('DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:');
      for (const line of DEBUG_HELP) ctx.reply.simple(line);
      ctx.reply.simple('HELP');
      ctx.reply.simple('    Prints this help.');
    } else if (sub === 'sleep' && argc === 3) {
      blockFor(strtodPrefix(argv[2]!));
      ctx.reply.ok();
    } else if (sub === 'object' && argc === 3) {
      ctx.reply.simple(debugObject(ctx, argv[2]!));
    } else if (sub === 'set-active-expire' && argc === 3) {
      ctx.keyspace.activeExpireEnabled = atoi(argv[2]!) !== 0;
      ctx.reply.ok();
    } else if (sub === 'log' && argc === 3) {
      ctx.server.logger.warning(`DEBUG LOG: ${argv[2]!}`);
      ctx.reply.ok();
    } else if (sub === 'reload') {
      debugReload(ctx, argv);
      ctx.reply.ok();
    } else if (sub === 'error' && argc === 3) {
      // Redis 7.0 sends "-" followed by the text as given: no ERR code is added.
      throw new RedisError(argv[2]!);
    } else {
      throw subcommandSyntax(argv[0]!, argv[1]!);
    }
  },
});

/** DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]: save, empty, load back (persistence/snapshot.ts). */
function debugReload(ctx: CommandContext, argv: readonly string[]): void {
  let merge = false;
  let flush = true;
  let save = true;
  for (let j = 2; j < argv.length; j++) {
    const opt = argv[j]!.toLowerCase();
    if (opt === 'merge') merge = true;
    else if (opt === 'noflush') flush = false;
    else if (opt === 'nosave') save = false;
    else throw DEBUG_RELOAD_OPTIONS;
  }
  const snapshots = ctx.server.snapshots;
  if (save && !snapshots.save()) throw SAVE_FAILED;
  if (flush) ctx.keyspace.flushAll();
  try {
    snapshots.load(undefined, merge);
  } catch (err) {
    ctx.server.logger.warning(`Error loading the RDB dump: ${(err as Error).message}`);
    throw DEBUG_RELOAD_FAILED;
  }
  ctx.server.logger.warning('DB reloaded by DEBUG RELOAD');
}
