// Helpers shared by the string commands: typed lookups, Redis's string-store
// step (setKey with lazy expiry), the SET/GETEX option parser
// (parseExtendedStringArgumentsOrReply) and expire-argument conversion.

import { INVALID_EXPIRE, NOT_INTEGER, STRING_TOO_LONG, SYNTAX, WRONGTYPE } from '../../errors.js';
import type { Database } from '../../keyspace/database.js';
import { ByteString, type StringValue } from '../../types/value.js';
import { INT64_MAX, parseInt64, string2ll } from '../../util/int64.js';
import type { CommandContext } from '../context.js';

/** V8's longest string (String::kMaxLength on 64-bit): 24 bytes short of Redis's 512 MB default. */
export const MAX_JS_STRING_LENGTH = 2 ** 29 - 24;

/** Read lookup of a string key (hit/miss counted), either form: undefined if missing, WRONGTYPE if not a string. */
export function readStringValue(db: Database, key: string): StringValue | undefined {
  const v = db.lookupRead(key);
  if (v === undefined || typeof v === 'string' || v instanceof ByteString) return v;
  throw WRONGTYPE;
}

/** Write lookup of a string key (no hit/miss stats), either form: undefined if missing, WRONGTYPE if not a string. */
export function writeStringValue(db: Database, key: string): StringValue | undefined {
  const v = db.lookupWrite(key);
  if (v === undefined || typeof v === 'string' || v instanceof ByteString) return v;
  throw WRONGTYPE;
}

/** readStringValue as a latin1 JS string (a copy when the value is a ByteString). */
export function readString(db: Database, key: string): string | undefined {
  const v = readStringValue(db, key);
  return v === undefined || typeof v === 'string' ? v : v.toLatin1();
}

/** writeStringValue as a latin1 JS string (a copy when the value is a ByteString). */
export function writeString(db: Database, key: string): string | undefined {
  const v = writeStringValue(db, key);
  return v === undefined || typeof v === 'string' ? v : v.toLatin1();
}

/**
 * Redis's setKey for strings: the key is looked up for writing first (so an
 * expired key is reclaimed and reported as expired, as lookupKeyWrite does),
 * then stored, dropping the TTL unless `keepTtl`.
 */
export function storeString(db: Database, key: string, value: string, keepTtl: boolean): void {
  if (db.expires.size !== 0) db.expireIfNeeded(key);
  db.setKey(key, value, keepTtl);
}

/** Redis's checkStringLength: the resulting size against proto-max-bulk-len (and V8's own limit). */
export function checkStringLength(ctx: CommandContext, size: number): void {
  if (size > ctx.server.config.num('proto-max-bulk-len') || size > MAX_JS_STRING_LENGTH) throw STRING_TOO_LONG;
}

/** A config switch that may not be in the table yet (e.g. lazyfree-lazy-user-del): 'no' when absent. */
export function configYes(ctx: CommandContext, name: string): boolean {
  const config = ctx.server.config;
  return config.param(name) !== undefined && config.bool(name);
}

/** An option word as C's strcasecmp sees it: lowercased and cut at the first NUL byte. */
export function optionWord(arg: string): string {
  const nul = arg.indexOf('\0');
  return (nul === -1 ? arg : arg.slice(0, nul)).toLowerCase();
}

// Flags of parseExtendedStringArguments, as Redis's OBJ_* bits.
export const OBJ_SET_NX = 1;
export const OBJ_SET_XX = 2;
export const OBJ_EX = 4;
export const OBJ_PX = 8;
export const OBJ_KEEPTTL = 16;
export const OBJ_SET_GET = 32;
export const OBJ_EXAT = 64;
export const OBJ_PXAT = 128;
export const OBJ_PERSIST = 256;

const EXPIRE_FLAGS = OBJ_EX | OBJ_PX | OBJ_EXAT | OBJ_PXAT;

export interface ExtendedArgs {
  flags: number;
  /** The EX/PX/EXAT/PXAT argument, or null. */
  expire: string | null;
}

/**
 * Redis's parseExtendedStringArgumentsOrReply: SET options from argv[3] (NX
 * XX GET KEEPTTL EX PX EXAT PXAT), GETEX options from argv[2] (PERSIST EX PX
 * EXAT PXAT). Conflicting or unknown options, or a missing expire value, are
 * a syntax error. Repeating a compatible option is allowed, as in Redis.
 */
export function parseExtendedArgs(argv: readonly string[], isSet: boolean): ExtendedArgs {
  let flags = 0;
  let expire: string | null = null;
  for (let j = isSet ? 3 : 2; j < argv.length; j++) {
    const opt = optionWord(argv[j]!);
    const hasNext = j < argv.length - 1;
    let flag = 0;
    let conflicts = 0;
    switch (opt) {
      case 'nx': if (isSet) { flag = OBJ_SET_NX; conflicts = OBJ_SET_XX; } break;
      case 'xx': if (isSet) { flag = OBJ_SET_XX; conflicts = OBJ_SET_NX; } break;
      case 'get': if (isSet) flag = OBJ_SET_GET; break;
      case 'keepttl': if (isSet) { flag = OBJ_KEEPTTL; conflicts = OBJ_PERSIST | EXPIRE_FLAGS; } break;
      case 'persist': if (!isSet) { flag = OBJ_PERSIST; conflicts = OBJ_KEEPTTL | EXPIRE_FLAGS; } break;
      case 'ex': flag = OBJ_EX; break;
      case 'px': flag = OBJ_PX; break;
      case 'exat': flag = OBJ_EXAT; break;
      case 'pxat': flag = OBJ_PXAT; break;
    }
    if ((flag & EXPIRE_FLAGS) !== 0) {
      // One expire option only (the same one again is fine), no KEEPTTL/PERSIST, and a value must follow.
      conflicts = OBJ_KEEPTTL | OBJ_PERSIST | (EXPIRE_FLAGS & ~flag);
      if (!hasNext) flag = 0;
    }
    if (flag === 0 || (flags & conflicts) !== 0) throw SYNTAX;
    flags |= flag;
    if ((flag & EXPIRE_FLAGS) !== 0) expire = argv[++j]!;
  }
  return { flags, expire };
}

/** An absolute expiry: `ms` for the expires table, `text` (exact) for propagation. */
export interface AbsoluteExpire {
  ms: number;
  text: string;
}

/**
 * Redis's getExpireMillisecondsOrReply: the EX/PX/EXAT/PXAT argument as an
 * absolute Unix time in ms. Not an integer → "value is not an integer";
 * <= 0, or overflowing int64 once scaled or made absolute → "invalid expire
 * time in '<command>' command".
 */
export function absoluteExpire(arg: string, flags: number, nowMs: number, command: string): AbsoluteExpire {
  const inSeconds = (flags & (OBJ_EX | OBJ_EXAT)) !== 0;
  const relative = (flags & (OBJ_EX | OBJ_PX)) !== 0;
  if (arg.length <= 12) {
    // |value| < 10^12: value × 1000 + now stays far below 2^53, so numbers are exact.
    const v = parseInt64(arg);
    if (v === null) throw NOT_INTEGER;
    if (v <= 0) throw INVALID_EXPIRE(command);
    let ms = inSeconds ? v * 1000 : v;
    if (relative) ms += nowMs;
    return { ms, text: String(ms) };
  }
  const v = string2ll(arg);
  if (v === null) throw NOT_INTEGER;
  if (v <= 0n || (inSeconds && v > INT64_MAX / 1000n)) throw INVALID_EXPIRE(command);
  let ms = inSeconds ? v * 1000n : v;
  if (relative) ms += BigInt(nowMs);
  if (ms > INT64_MAX) throw INVALID_EXPIRE(command);
  return { ms: Number(ms), text: ms.toString() };
}
