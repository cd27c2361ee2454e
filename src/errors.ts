// Every error text respite sends to clients lives here, copied character for
// character from Redis 7.0 replies. Fixed errors are built once and thrown many
// times; RedisError skips stack capture so a throw costs little on hot paths.

/** An error reply. `message` is the whole line after '-', e.g. "ERR syntax error". */
export class RedisError extends Error {
  /** The first word of the message: ERR, WRONGTYPE, NOAUTH, ... (feeds INFO errorstats). */
  readonly code: string;

  constructor(message: string) {
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = saved;
    const space = message.indexOf(' ');
    this.code = space === -1 ? message : message.slice(0, space);
  }
}
RedisError.prototype.name = 'RedisError';

/** A framing error: reply `-ERR Protocol error: <reason>`, then close the connection. */
export class ProtocolError extends Error {
  constructor(readonly reason: string) {
    super(`Protocol error: ${reason}`);
  }
}

export const WRONGTYPE = new RedisError('WRONGTYPE Operation against a key holding the wrong kind of value');
export const SYNTAX = new RedisError('ERR syntax error');
export const NOT_INTEGER = new RedisError('ERR value is not an integer or out of range');
export const NOT_FLOAT = new RedisError('ERR value is not a valid float');
export const OVERFLOW = new RedisError('ERR increment or decrement would overflow');
export const NAN_OR_INF = new RedisError('ERR increment would produce NaN or Infinity');
export const NO_SUCH_KEY = new RedisError('ERR no such key');
export const OUT_OF_RANGE = new RedisError('ERR index out of range');
export const INVALID_DB_INDEX = new RedisError('ERR DB index is out of range');
export const SELECT_NOT_INTEGER = new RedisError('ERR value is not an integer or out of range');
export const STRING_TOO_LONG = new RedisError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
export const OFFSET_OUT_OF_RANGE = new RedisError('ERR offset is out of range');
export const DECREMENT_OVERFLOW = new RedisError('ERR decrement would overflow');
export const LCS_NOT_STRINGS = new RedisError('ERR The specified keys must contain string values');
export const LCS_LEN_AND_IDX = new RedisError('ERR If you want both the length and indexes, please just use IDX.');
export const LCS_TOO_BIG = new RedisError('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
export const LCS_ALLOC_FAILED = new RedisError('ERR Insufficient memory, failed allocating transient memory for LCS');
export const NOAUTH = new RedisError('NOAUTH Authentication required.');
export const WRONGPASS = new RedisError('WRONGPASS invalid username-password pair or user is disabled.');
// Connection group: AUTH, HELLO, SELECT, CLIENT
export const AUTH_WITHOUT_PASSWORD = new RedisError('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
export const HELLO_NOAUTH = new RedisError('NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time');
export const NOPROTO = new RedisError('NOPROTO unsupported protocol version');
export const PROTOVER_NOT_INTEGER = new RedisError('ERR Protocol version is not an integer or out of range');
export const helloSyntax = (option: string) => new RedisError(`ERR Syntax error in HELLO option '${option}'`);
export const CLIENT_NAME_INVALID = new RedisError('ERR Client names cannot contain spaces, newlines or special characters.');
export const TIMEOUT_NOT_INTEGER = new RedisError('ERR timeout is not an integer or out of range');
export const TIMEOUT_NEGATIVE = new RedisError('ERR timeout is negative');
export const PAUSE_MODE = new RedisError('ERR CLIENT PAUSE mode must be WRITE or ALL');
export const NO_SUCH_CLIENT = new RedisError('ERR No such client');
export const KILL_CLIENT_ID = new RedisError('ERR client-id should be greater than 0');
export const INVALID_CLIENT_ID = new RedisError('ERR Invalid client ID');
export const unknownClientType = (type: string) => new RedisError(`ERR Unknown client type '${type}'`);
export const noSuchUser = (user: string) => new RedisError(`ERR No such user '${user}'`);
export const MONITOR_DENY_BLOCKING = new RedisError("ERR MONITOR isn't allowed for DENY BLOCKING client");
/** As Redis's getRangeLongFromObjectOrReply without a custom message. */
export const valueOutOfRange = (min: number | bigint, max: number | bigint) =>
  new RedisError(`ERR value is out of range, value must between ${min} and ${max}`);
export const INVALID_EXPIRE = (cmd: string) => new RedisError(`ERR invalid expire time in '${cmd}' command`);
export const BUSYKEY = new RedisError('BUSYKEY Target key name already exists.');
export const DUMP_PAYLOAD = new RedisError('ERR DUMP payload version or checksum are wrong');
export const BAD_TTL = new RedisError('ERR Invalid TTL value, must be >= 0');
// Generic (keys) group: SCAN, EXPIRE family, RESTORE, OBJECT, MOVE/COPY, SWAPDB, WAIT
export const INVALID_CURSOR = new RedisError('ERR invalid cursor');
export const EXPIRE_NX_CONFLICT = new RedisError('ERR NX and XX, GT or LT options at the same time are not compatible');
export const EXPIRE_GT_LT_CONFLICT = new RedisError('ERR GT and LT options at the same time are not compatible');
export const unsupportedOption = (opt: string) => new RedisError(`ERR Unsupported option ${opt}`);
export const BAD_DATA_FORMAT = new RedisError('ERR Bad data format');
export const BAD_IDLETIME = new RedisError('ERR Invalid IDLETIME value, must be >= 0');
export const BAD_FREQ = new RedisError('ERR Invalid FREQ value, must be >= 0 and <= 255');
export const INVALID_FIRST_DB = new RedisError('ERR invalid first DB index');
export const INVALID_SECOND_DB = new RedisError('ERR invalid second DB index');
/** getIntFromObjectOrReply without a custom message, for a value outside C's int. */
export const INT_OUT_OF_RANGE = new RedisError('ERR value is out of range, value must between -2147483648 and 2147483647');
export const LFU_NOT_SELECTED = new RedisError('ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.');
export const LFU_SELECTED = new RedisError('ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.');
/** respite's own text (not Redis's): OBJECT FREQ under an LFU policy, since no LFU counter is kept yet. */
export const LFU_NOT_TRACKED = new RedisError('ERR OBJECT FREQ is not supported by respite yet: access frequency is not tracked');
export const OOM = new RedisError("OOM command not allowed when used memory > 'maxmemory'.");
export const SAME_OBJECT = new RedisError('ERR source and destination objects are the same');
export const NOT_ALLOWED_IN_MULTI = (cmd: string) => new RedisError(`ERR ${cmd} inside MULTI is not allowed`);

export function wrongArity(name: string): RedisError {
  return new RedisError(`ERR wrong number of arguments for '${name}' command`);
}

/** As Redis's processCommand: the args list is quoted and cut to 128 bytes in all. */
export function unknownCommand(name: string, args: readonly string[]): RedisError {
  let list = '';
  for (const a of args) {
    if (list.length >= 128) break;
    const remaining = 128 - list.length;
    list += `'${a.length > remaining ? a.slice(0, remaining) : a}' `;
  }
  return new RedisError(`ERR unknown command '${truncate128(name)}', with args beginning with: ${list}`);
}

export function unknownSubcommand(sub: string, container: string): RedisError {
  return new RedisError(
    `ERR unknown subcommand '${truncate128(sub)}'. Try ${container.toUpperCase()} HELP.`,
  );
}

export function truncate128(s: string): string {
  return s.length > 128 ? s.slice(0, 128) : s;
}

/** Error text goes on one line: Redis replaces CR and LF with spaces. */
export function scrubErrorText(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/[\r\n]/g, ' ') : text;
}

/** As Redis's addReplySubcommandSyntaxError (a subcommand handler's own complaint). */
export function subcommandSyntax(container: string, sub: string): RedisError {
  return new RedisError(
    `ERR unknown subcommand or wrong number of arguments for '${truncate128(sub)}'. Try ${container.toUpperCase()} HELP.`,
  );
}
// Server group: SHUTDOWN, DEBUG, SLOWLOG, LATENCY; scripting: FUNCTION, FCALL
export const SHUTDOWN_FAILED = new RedisError('ERR Errors trying to SHUTDOWN. Check logs.');
export const NO_SHUTDOWN_IN_PROGRESS = new RedisError('ERR No shutdown in progress.');
export const SHUTDOWN_DENY_BLOCKING = new RedisError("ERR SHUTDOWN without NOW or ABORT isn't allowed for DENY BLOCKING client");
export const DEBUG_NOT_ALLOWED = new RedisError('ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.');
export const SLOWLOG_COUNT = new RedisError('ERR count should be greater than or equal to -1');
export const noLatencySamples = (event: string) => new RedisError(`ERR No samples available for event '${event}'`);
export const LIBRARY_NOT_FOUND = new RedisError('ERR Library not found');
export const FUNCTION_NOT_FOUND = new RedisError('ERR Function not found');
export const NOTBUSY = new RedisError('NOTBUSY No scripts in execution right now.');
export const LIBRARY_NAME_MISSING = new RedisError('ERR library name argument was not given');
export const unknownArgument = (arg: string) => new RedisError(`ERR Unknown argument ${arg}`);
export const unknownOptionGiven = (arg: string) => new RedisError(`ERR Unknown option given: ${arg}`);
export const FUNCTION_FLUSH_MODE = new RedisError('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
export const FUNCTION_RESTORE_POLICY = new RedisError('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');
/** FUNCTION LOAD / RESTORE failures: Redis prefixes the engine's or parser's text with ERR. */
export const functionLoadError = (reason: string) => new RedisError(`ERR ${reason}`);

// Transactions (multi.c, processCommand).
export const MULTI_NESTED = new RedisError('ERR MULTI calls can not be nested');
export const EXEC_WITHOUT_MULTI = new RedisError('ERR EXEC without MULTI');
export const DISCARD_WITHOUT_MULTI = new RedisError('ERR DISCARD without MULTI');
export const WATCH_INSIDE_MULTI = new RedisError('ERR WATCH inside MULTI is not allowed');
export const COMMAND_NOT_ALLOWED_IN_MULTI = new RedisError('ERR Command not allowed inside a transaction');
export const EXEC_ABORT = new RedisError('EXECABORT Transaction discarded because of previous errors.');
/** EXEC itself rejected before running (execCommandAbort): the reason is the rejection's text. */
export function execAbortBecause(message: string): RedisError {
  return new RedisError(`EXECABORT Transaction discarded because of: ${message}`);
}
// Pub/sub
/** A RESP2 client in subscribed mode ran another command (Redis's processCommand). */
export const pubsubContext = (fullName: string) => new RedisError(
  `ERR Can't execute '${fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
export const denyBlockingSubscribe = (cmd: string) => new RedisError(`ERR ${cmd} isn't allowed for a DENY BLOCKING client`);
// Hashes and sets (t_hash.c, t_set.c).
export const HASH_NOT_INTEGER = new RedisError('ERR hash value is not an integer');
export const HASH_NOT_FLOAT = new RedisError('ERR hash value is not a float');
export const HSET_VALUE_NAN_OR_INF = new RedisError('ERR value is NaN or Infinity');
export const HSET_VALUE_OUT_OF_RANGE = new RedisError('ERR value is out of range');
export const SET_COUNT_NOT_POSITIVE = new RedisError('ERR value is out of range, must be positive');
export const SET_NUMKEYS_NOT_POSITIVE = new RedisError('ERR numkeys should be greater than 0');
export const SET_NUMKEYS_TOO_MANY = new RedisError("ERR Number of keys can't be greater than number of args");
export const SET_LIMIT_NEGATIVE = new RedisError("ERR LIMIT can't be negative");
export const UNBLOCK_REASON = new RedisError('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');

// Client-side caching (CLIENT TRACKING / CACHING), as Redis 7.0's networking.c and tracking.c.
export const TRACKING_REDIRECT_SINGLE = new RedisError('ERR A client can only redirect to a single other client');
export const TRACKING_REDIRECT_MISSING = new RedisError('ERR The client ID you want redirect to does not exist');
export const TRACKING_PREFIX_NEEDS_BCAST = new RedisError('ERR PREFIX option requires BCAST mode to be enabled');
export const TRACKING_BCAST_SWITCH = new RedisError("ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.");
export const TRACKING_OPT_WITH_BCAST = new RedisError('ERR OPTIN and OPTOUT are not compatible with BCAST');
export const TRACKING_OPTIN_AND_OPTOUT = new RedisError("ERR You can't specify both OPTIN mode and OPTOUT mode");
export const TRACKING_OPT_SWITCH = new RedisError("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.");
export const CACHING_NOT_TRACKING = new RedisError('ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled');
export const CACHING_YES_NOT_OPTIN = new RedisError('ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.');
export const CACHING_NO_NOT_OPTOUT = new RedisError('ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.');
export const prefixOverlapsExisting = (prefix: string, existing: string) =>
  new RedisError(`ERR Prefix '${prefix}' overlaps with an existing prefix '${existing}'. Prefixes for a single client must not overlap.`);
export const prefixOverlapsProvided = (prefix: string, other: string) =>
  new RedisError(`ERR Prefix '${prefix}' overlaps with another provided prefix '${other}'. Prefixes for a single client must not overlap.`);
// Bitmaps (bitops.c) and HyperLogLog (hyperloglog.c)
export const BIT_OFFSET = new RedisError('ERR bit offset is not an integer or out of range');
export const BIT_VALUE = new RedisError('ERR bit is not an integer or out of range');
export const BITPOS_BIT = new RedisError('ERR The bit argument must be 1 or 0.');
export const BITFIELD_TYPE = new RedisError('ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.');
export const BITFIELD_OVERFLOW = new RedisError('ERR Invalid OVERFLOW type specified');
export const BITFIELD_RO_GET_ONLY = new RedisError('ERR BITFIELD_RO only supports the GET subcommand');
export const BITOP_NOT_ONE_KEY = new RedisError('ERR BITOP NOT must be called with a single source key.');
export const HLL_WRONGTYPE = new RedisError('WRONGTYPE Key is not a valid HyperLogLog string value.');
export const HLL_INVALID = new RedisError('INVALIDOBJ Corrupted HLL object detected');
export const PFDEBUG_NO_KEY = new RedisError('ERR The specified key does not exist');
export const PFDEBUG_NOT_SPARSE = new RedisError('ERR HLL encoding is not sparse');
export const pfdebugUnknown = (sub: string) => new RedisError(`ERR Unknown PFDEBUG subcommand '${sub}'`);
export const pfselftestFailed = (what: string) => new RedisError(`TESTFAILED ${what}`);

// SAVE / BGSAVE (Redis 7.0 saveCommand / bgsaveCommand; a failed save answers the bare shared.err).
export const BGSAVE_IN_PROGRESS = new RedisError('ERR Background save already in progress');
export const SAVE_FAILED = new RedisError('ERR');
export const DEBUG_RELOAD_OPTIONS = new RedisError('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');
export const DEBUG_RELOAD_FAILED = new RedisError('ERR Error trying to load the RDB dump, check server logs.');

// Persistence gates (Redis 7.0 processCommand: shared.loadingerr, shared.bgsaveerr, the AOF write error).
export const LOADING = new RedisError('LOADING Redis is loading the dataset in memory');
export const MISCONF_RDB = new RedisError("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.");
export const misconfAof = (reason: string) => new RedisError(`MISCONF Errors writing to the AOF file: ${reason}`);
// BGREWRITEAOF (Redis 7.0 bgrewriteaofCommand) and BGSAVE while another child runs.
export const AOF_REWRITE_IN_PROGRESS = new RedisError('ERR Background append only file rewriting already in progress');
export const AOF_REWRITE_FAILED = new RedisError("ERR Can't execute an AOF background rewriting. Please check the server logs for more information.");
export const BGSAVE_OTHER_CHILD = new RedisError("ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
