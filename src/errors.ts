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
export const NOAUTH = new RedisError('NOAUTH Authentication required.');
export const WRONGPASS = new RedisError('WRONGPASS invalid username-password pair or user is disabled.');
export const INVALID_EXPIRE = (cmd: string) => new RedisError(`ERR invalid expire time in '${cmd}' command`);
export const BUSYKEY = new RedisError('BUSYKEY Target key name already exists.');
export const DUMP_PAYLOAD = new RedisError('ERR DUMP payload version or checksum are wrong');
export const BAD_TTL = new RedisError('ERR Invalid TTL value, must be >= 0');
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
