// The shape of a command table entry. Every command is declared once with
// its metadata and handler; COMMAND INFO/DOCS/GETKEYS, arity errors, ACL
// categories, MULTI and key extraction all read these declarations.

import type { CommandContext } from './context.js';

/** Redis 7.0 command flags, in the order COMMAND INFO lists them. */
export const COMMAND_FLAGS = [
  'write', 'readonly', 'denyoom', 'module', 'admin', 'pubsub', 'noscript', 'blocking',
  'loading', 'stale', 'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth',
  'may_replicate', 'sentinel', 'only_sentinel', 'no_mandatory_keys', 'protected',
  'no_async_loading', 'no_multi', 'movablekeys', 'allow_busy',
] as const;
export type CommandFlag = (typeof COMMAND_FLAGS)[number];

/** Redis 7.0 ACL categories, in the order COMMAND INFO lists them. */
export const ACL_CATEGORIES = [
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap',
  'hyperloglog', 'geo', 'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking',
  'dangerous', 'connection', 'transaction', 'scripting',
] as const;
export type AclCategory = (typeof ACL_CATEGORIES)[number];

export type CommandGroup =
  | 'bitmap' | 'cluster' | 'connection' | 'generic' | 'geo' | 'hash' | 'hyperloglog'
  | 'list' | 'pubsub' | 'scripting' | 'sentinel' | 'server' | 'set' | 'sorted-set'
  | 'stream' | 'string' | 'transactions';

/** Key-spec flags exactly as Redis 7.0's COMMAND INFO prints them. */
export type KeySpecFlag =
  | 'RW' | 'RO' | 'OW' | 'RM' | 'access' | 'update' | 'insert' | 'delete'
  | 'not_key' | 'incomplete' | 'variable_flags';

export interface KeySpec {
  flags: readonly KeySpecFlag[];
  notes?: string;
  /** Where the search starts: a fixed argv index, or after a keyword (unknown: SORT's BY/STORE). */
  begin: { index: number } | { keyword: string; startFrom: number } | { unknown: true };
  /** Which keys follow: a range (lastKey -1 = last arg), or a count stored in an argument. */
  find:
    | { range: { lastKey: number; step: number; limit: number } }
    | { keynum: { keynumIdx: number; firstKey: number; step: number } }
    | { unknown: true };
}

/** COMMAND DOCS argument description. */
export interface ArgSpec {
  name: string;
  type: 'string' | 'integer' | 'double' | 'key' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  displayText?: string;
  keySpecIndex?: number;
  token?: string;
  summary?: string;
  since?: string;
  flags?: readonly ('optional' | 'multiple' | 'multiple_token')[];
  deprecatedSince?: string;
  arguments?: readonly ArgSpec[];
}

export interface CommandDocs {
  summary: string;
  since: string;
  group: CommandGroup;
  complexity?: string;
  docFlags?: readonly ('deprecated' | 'syscmd')[];
  deprecatedSince?: string;
  replacedBy?: string;
  history?: readonly (readonly [string, string])[];
  arguments?: readonly ArgSpec[];
}

export type Argv = string[];

export interface CommandSpec {
  /** Lowercase; a subcommand is named by its own word (the registry builds 'parent|sub'). */
  name: string;
  /** Redis convention: N exact, -N at least N, command name included. */
  arity: number;
  flags: readonly CommandFlag[];
  /** Categories beyond the ones derived from flags (write → @write, ...). */
  acl?: readonly AclCategory[];
  keys?: readonly KeySpec[];
  /** For commands whose keys key specs cannot express (movablekeys). */
  getKeys?(argv: Argv): number[];
  tips?: readonly string[];
  docs: CommandDocs;
  subcommands?: readonly CommandSpec[];
  /** Synchronous; replies through ctx.reply; throws RedisError for error replies. */
  run(ctx: CommandContext, argv: Argv): void;
}

/** Identity function that checks a literal against CommandSpec. */
export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}

/** Container commands (CONFIG, CLIENT, OBJECT, ...) dispatch to subcommands; their own run is never called. */
export function containerRun(): never {
  throw new Error('container commands dispatch to their subcommands');
}

// Key-spec shorthands for the common cases.

/** One key at argv[index]. */
export function keyAt(index: number, ...flags: KeySpecFlag[]): KeySpec {
  return { flags, begin: { index }, find: { range: { lastKey: 0, step: 1, limit: 0 } } };
}

/** Keys from argv[index] to the end (lastKey -1), every `step` arguments. */
export function keysFrom(index: number, step: number, ...flags: KeySpecFlag[]): KeySpec {
  return { flags, begin: { index }, find: { range: { lastKey: -1, step, limit: 0 } } };
}
