// SORT and SORT_RO (Redis 7.0's sortCommandGeneric): sort a list, set or
// sorted set numerically or ALPHA, BY a pattern (`*` substitution, `->field`
// hash lookups, no `*` = don't sort), LIMIT, GET patterns (`#` = the element),
// and STORE into a list.

import { NOT_INTEGER, RedisError, SYNTAX, WRONGTYPE } from '../../errors.js';
import type { Database } from '../../keyspace/database.js';
import { HashValue } from '../../types/hash-value.js';
import { isStringValue, stringValueToLatin1 } from '../../types/value.js';
import { ListValue } from '../../types/list-value.js';
import { SetValue } from '../../types/set-value.js';
import { ZSetValue } from '../../types/zset-value.js';
import { parseDouble } from '../../util/float-parse.js';
import { parseInt64 } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type CommandSpec } from '../spec.js';

type CommandMeta = Omit<CommandSpec, 'run'>;

const SCORE_NOT_DOUBLE = new RedisError("ERR One or more scores can't be converted into double");

const SORT_META: CommandMeta = {
  name: 'sort',
  arity: -2,
  flags: ['write','denyoom'],
  acl: ['set','sortedset','list','dangerous'],
  keys: [{ flags: ['RO','access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { notes: "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort", flags: ['RO','access'], begin: { unknown: true }, find: { unknown: true } }, { notes: "For the optional STORE keyword. It is marked 'unknown' because the keyword can appear anywhere in the argument array", flags: ['OW','update'], begin: { unknown: true }, find: { unknown: true } }],
  docs: {
    summary: 'Sort the elements in a list, set or sorted set',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'BY', flags: ['optional'] },
      { name: 'offset_count', type: 'block', token: 'LIMIT', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
      { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'GET', flags: ['optional','multiple','multiple_token'] },
      { name: 'order', type: 'oneof', flags: ['optional'], arguments: [
        { name: 'asc', type: 'pure-token', token: 'ASC' },
        { name: 'desc', type: 'pure-token', token: 'DESC' },
      ] },
      { name: 'sorting', type: 'pure-token', token: 'ALPHA', flags: ['optional'] },
      { name: 'destination', type: 'key', keySpecIndex: 2, token: 'STORE', flags: ['optional'] },
    ],
  },
};

const SORT_RO_META: CommandMeta = {
  name: 'sort_ro',
  arity: -2,
  flags: ['readonly'],
  acl: ['set','sortedset','list','dangerous'],
  keys: [{ flags: ['RO','access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { notes: "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort", flags: ['RO','access'], begin: { unknown: true }, find: { unknown: true } }],
  docs: {
    summary: 'Sort the elements in a list, set or sorted set. Read-only variant of SORT.',
    since: '7.0.0',
    group: 'generic',
    complexity: 'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'BY', flags: ['optional'] },
      { name: 'offset_count', type: 'block', token: 'LIMIT', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
      { name: 'pattern', type: 'pattern', keySpecIndex: 1, token: 'GET', flags: ['optional','multiple','multiple_token'] },
      { name: 'order', type: 'oneof', flags: ['optional'], arguments: [
        { name: 'asc', type: 'pure-token', token: 'ASC' },
        { name: 'desc', type: 'pure-token', token: 'DESC' },
      ] },
      { name: 'sorting', type: 'pure-token', token: 'ALPHA', flags: ['optional'] },
    ],
  },
};


/** The text before the first NUL: what C's string functions see of an argument. */
function cstr(s: string): string {
  const nul = s.indexOf('\0');
  return nul === -1 ? s : s.slice(0, nul);
}

function isOpt(arg: string, word: string): boolean {
  const a = cstr(arg);
  return a.length === word.length && a.toLowerCase() === word;
}

/**
 * lookupKeyByPattern: "#" is the element itself; otherwise the first `*` is
 * replaced by the element and the key read as a string, or with "->field"
 * after the `*` as a hash field. Undefined when missing or of another type.
 */
function lookupByPattern(db: Database, pattern: string, subst: string): string | undefined {
  const cp = cstr(pattern);
  if (cp === '#') return subst;
  const p = cp.indexOf('*');
  if (p === -1) return undefined;
  const f = cp.indexOf('->', p + 1);
  const fieldLen = f !== -1 && f + 2 < cp.length ? pattern.length - f - 2 : 0;
  const field = fieldLen > 0 ? pattern.slice(f + 2) : null;
  const key = pattern.slice(0, p) + subst + pattern.slice(p + 1, pattern.length - (fieldLen > 0 ? fieldLen + 2 : 0));
  const o = db.lookupRead(key);
  if (o === undefined) return undefined;
  if (field !== null) return o instanceof HashValue ? o.get(field) : undefined;
  return isStringValue(o) ? stringValueToLatin1(o) : undefined;
}

/** strtod as SORT uses it: whole text up to a NUL, leading space allowed, no NaN, no ERANGE (overflow or underflow). */
function sortScore(s: string): number | null {
  const c = cstr(s);
  if (c.length === 0) return 0; // strtod consumes nothing and stops at the terminator
  const t = c.replace(/^[ \t\n\v\f\r]+/, '');
  const v = parseDouble(t);
  if (v === null) return null;
  if (v !== 0 && Math.abs(v) < 2.2250738585072014e-308) return null; // subnormal: glibc sets ERANGE
  return v;
}

/** Byte comparison up to the first NUL: strcoll in the C/C.UTF-8 collation Redis runs with (strcmp). */
function collate(a: string, b: string): number {
  const x = cstr(a), y = cstr(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** compareStringObjects: binary comparison, shorter first on a common prefix. */
function binaryCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface SortItem {
  obj: string;
  score: number;
  cmp: string | undefined;
}

function sortGeneric(ctx: CommandContext, argv: string[], readonly: boolean): void {
  let desc = false, alpha = false, dontsort = false;
  let limitStart = 0, limitCount = -1;
  let sortBy: string | null = null;
  let storeKey: string | null = null;
  const gets: string[] = [];
  for (let j = 2; j < argv.length; j++) {
    const arg = argv[j]!;
    const left = argv.length - j - 1;
    if (isOpt(arg, 'asc')) desc = false;
    else if (isOpt(arg, 'desc')) desc = true;
    else if (isOpt(arg, 'alpha')) alpha = true;
    else if (isOpt(arg, 'limit') && left >= 2) {
      const a = parseInt64(argv[j + 1]!);
      const b = a === null ? null : parseInt64(argv[j + 2]!);
      if (a === null || b === null) throw NOT_INTEGER;
      limitStart = a;
      limitCount = b;
      j += 2;
    } else if (!readonly && isOpt(arg, 'store') && left >= 1) {
      storeKey = argv[++j]!;
    } else if (isOpt(arg, 'by') && left >= 1) {
      sortBy = argv[++j]!;
      // A BY pattern without '*' means "don't sort".
      if (!cstr(sortBy).includes('*')) dontsort = true;
    } else if (isOpt(arg, 'get') && left >= 1) {
      gets.push(argv[++j]!);
    } else {
      throw SYNTAX;
    }
  }

  const db = ctx.db;
  const v = db.lookupRead(argv[1]!);
  if (v !== undefined && !(v instanceof ListValue) && !(v instanceof SetValue) && !(v instanceof ZSetValue)) throw WRONGTYPE;

  // A set has no natural order: with STORE, force ALPHA sorting so the stored result is deterministic.
  if (dontsort && v instanceof SetValue && storeKey !== null) {
    dontsort = false;
    alpha = true;
    sortBy = null;
  }

  let vectorLen = v === undefined ? 0 : v instanceof ListValue ? v.length : v.size;
  let start = limitStart < 0 ? 0 : limitStart;
  let end = limitCount < 0 ? vectorLen - 1 : start + limitCount - 1;
  if (start >= vectorLen) {
    start = vectorLen - 1;
    end = vectorLen - 2;
  }
  if (end >= vectorLen) end = vectorLen - 1;
  if ((v instanceof ZSetValue || v instanceof ListValue) && dontsort && (start !== 0 || end !== vectorLen - 1)) {
    vectorLen = end - start + 1;
  }

  const vector: SortItem[] = [];
  const push = (obj: string): void => { vector.push({ obj, score: 0, cmp: undefined }); };
  if (v instanceof ListValue && dontsort) {
    if (end >= start) {
      // Native order (reversed with DESC), LIMIT applied while loading.
      const len = v.length;
      for (let i = 0; i < vectorLen; i++) {
        const idx = desc ? len - start - 1 - i : start + i;
        if (idx < 0 || idx >= len) break;
        push(v.get(idx)!);
      }
      end -= start;
      start = 0;
    }
  } else if (v instanceof ListValue) {
    v.forEach((item) => { push(item); });
  } else if (v instanceof SetValue) {
    v.forEach(push);
  } else if (v instanceof ZSetValue && dontsort) {
    if (vectorLen > 0) v.rangeByRank(start, start + vectorLen - 1, desc, (m) => { push(m); });
    end -= start;
    start = 0;
  } else if (v instanceof ZSetValue) {
    v.forEach((m) => { push(m); });
  }

  let conversionError = false;
  if (!dontsort) {
    for (const item of vector) {
      let byVal: string | undefined;
      if (sortBy !== null) {
        byVal = lookupByPattern(db, sortBy, item.obj);
        if (byVal === undefined) continue;
      } else {
        byVal = item.obj;
      }
      if (alpha) {
        if (sortBy !== null) item.cmp = byVal;
      } else {
        const s = sortScore(byVal);
        if (s === null) conversionError = true;
        else item.score = s;
      }
    }
    const store = storeKey !== null;
    const byPattern = sortBy !== null;
    const compare = (a: SortItem, b: SortItem): number => {
      let c: number;
      if (!alpha) {
        // Equal scores fall back to the elements, so the result is deterministic.
        c = a.score > b.score ? 1 : a.score < b.score ? -1 : binaryCompare(a.obj, b.obj);
      } else if (byPattern) {
        if (a.cmp === undefined || b.cmp === undefined) c = a.cmp === b.cmp ? 0 : a.cmp === undefined ? -1 : 1;
        else c = store ? binaryCompare(a.cmp, b.cmp) : collate(a.cmp, b.cmp);
      } else {
        c = store ? binaryCompare(a.obj, b.obj) : collate(a.obj, b.obj);
      }
      return desc ? -c : c;
    };
    vector.sort(compare);
  }

  const outputLen = end - start + 1 <= 0 ? 0 : (gets.length > 0 ? gets.length : 1) * (end - start + 1);
  if (conversionError) throw SCORE_NOT_DOUBLE;
  const reply = ctx.reply;
  if (storeKey === null) {
    reply.array(outputLen);
    for (let j = start; j <= end; j++) {
      const obj = vector[j]!.obj;
      if (gets.length === 0) reply.bulk(obj);
      for (const g of gets) {
        const val = lookupByPattern(db, g, obj);
        if (val === undefined) reply.null();
        else reply.bulk(val);
      }
    }
    return;
  }
  const list = new ListValue();
  for (let j = start; j <= end; j++) {
    const obj = vector[j]!.obj;
    if (gets.length === 0) list.pushTail(obj);
    for (const g of gets) list.pushTail(lookupByPattern(db, g, obj) ?? '');
  }
  if (outputLen > 0) {
    db.setKey(storeKey, list);
    ctx.modified(storeKey, 'sortstore', 'l');
  } else if (db.delete(storeKey)) {
    ctx.modified(storeKey, 'del', 'g');
  }
  reply.integer(outputLen);
}

/** sortGetKeys: the sorted key, and the key after the last STORE (LIMIT/GET/BY arguments skipped). */
function sortKeys(argv: string[]): number[] {
  let store = -1;
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (isOpt(a, 'limit')) i += 2;
    else if (isOpt(a, 'get') || isOpt(a, 'by')) i += 1;
    else if (isOpt(a, 'store') && i + 1 < argv.length) store = i + 1;
  }
  return store === -1 ? [1] : [1, store];
}

export const sort = defineCommand({ ...SORT_META, getKeys: sortKeys, run: (ctx, argv) => sortGeneric(ctx, argv, false) });
export const sort_ro = defineCommand({ ...SORT_RO_META, run: (ctx, argv) => sortGeneric(ctx, argv, true) });
