// Argument parsers shared by the command families, each throwing the error
// Redis's ...OrReply helper sends: integers with string2ll rules, SCAN cursors
// and the SCAN/HSCAN/SSCAN/ZSCAN options.

import { INVALID_CURSOR, NOT_INTEGER, SYNTAX } from '../errors.js';
import { compileGlob, type Matcher } from '../util/glob.js';
import { parseInt64, string2ll } from '../util/int64.js';

/** getLongLongFromObjectOrReply as a JS number: exact up to 2^53, the nearest double beyond (counts, indexes). */
export function longArg(s: string): number {
  const v = parseInt64(s);
  if (v === null) throw NOT_INTEGER;
  return v;
}

/** getLongLongFromObjectOrReply, exact over the whole int64 range. */
export function longLongArg(s: string): bigint {
  const v = string2ll(s);
  if (v === null) throw NOT_INTEGER;
  return v;
}

/**
 * An exact int64 that stays a number on the common path: strings of up to 15
 * characters are below 10^15 in magnitude and parse exactly as numbers,
 * longer ones as bigint (INCRBY deltas, GETRANGE indexes).
 */
export function int64Arg(s: string): number | bigint {
  return s.length <= 15 ? longArg(s) : longLongArg(s);
}

const TWO_64 = 1n << 64n;

/**
 * parseScanCursorOrReply: strtoul(base 10) semantics — optional sign (a minus
 * wraps modulo 2^64), leading zeros, "" is 0, text stops at a NUL byte — and
 * an error for a leading space, trailing junk or a value past 2^64-1. Returns
 * the low 32 bits: the dict's tables are smaller than 2^32 buckets, and the
 * cursor arithmetic never carries the higher bits into the result.
 */
export function parseScanCursor(arg: string): number {
  const nul = arg.indexOf('\0');
  const s = nul === -1 ? arg : arg.slice(0, nul);
  if (nul !== 0 && /^[ \t\n\v\f\r]/.test(arg)) throw INVALID_CURSOR;
  if (s.length === 0) return 0;
  const m = /^([+-]?)([0-9]+)$/.exec(s);
  if (m === null) throw INVALID_CURSOR;
  let v = BigInt(m[2]!);
  if (v >= TWO_64) throw INVALID_CURSOR;
  if (m[1] === '-') v = (TWO_64 - v) % TWO_64;
  return Number(v & 0xffffffffn);
}

export interface ScanOptions {
  count: number;
  /** null for no MATCH, or MATCH * */
  match: Matcher | null;
  /** TYPE, lowercased; only SCAN of the keyspace accepts it */
  typeName: string | null;
}

/**
 * The options of Redis's scanGenericCommand from argv[from]: COUNT (>= 1),
 * MATCH, and TYPE when `allowType` (SCAN); anything else is a syntax error.
 */
export function parseScanOptions(argv: readonly string[], from: number, allowType = false): ScanOptions {
  const options: ScanOptions = { count: 10, match: null, typeName: null };
  for (let i = from; i < argv.length; i += 2) {
    const opt = argv[i]!.toLowerCase();
    const hasValue = i + 1 < argv.length;
    if (opt === 'count' && hasValue) {
      options.count = longArg(argv[i + 1]!);
      if (options.count < 1) throw SYNTAX;
    } else if (opt === 'match' && hasValue) {
      const pattern = argv[i + 1]!;
      options.match = pattern === '*' ? null : compileGlob(pattern);
    } else if (opt === 'type' && hasValue && allowType) {
      options.typeName = argv[i + 1]!.toLowerCase();
    } else {
      throw SYNTAX;
    }
  }
  return options;
}
