// Compiles the command table once at start-up: name lookup maps, flag
// bitmasks for the dispatcher's hot path, derived ACL categories, legacy
// first/last/step key positions, and per-command statistics.

import { ACL_CATEGORIES, COMMAND_FLAGS } from './spec.js';
import type { AclCategory, Argv, CommandFlag, CommandSpec, KeySpec } from './spec.js';

/** Bit per flag, in COMMAND_FLAGS order. */
export const Flag = Object.fromEntries(COMMAND_FLAGS.map((f, i) => [f, 2 ** i])) as Record<CommandFlag, number>;

/** Flags Redis's addReplyCommandFlags leaves out of COMMAND INFO. */
const HIDDEN_FLAGS = new Set<CommandFlag>(['may_replicate', 'sentinel', 'only_sentinel', 'protected']);

export class RegisteredCommand {
  /** 'get', or 'config|get' for a subcommand. */
  readonly fullName: string;
  readonly flags: number;
  readonly aclCategories: readonly AclCategory[];
  readonly firstKey: number;
  readonly lastKey: number;
  readonly keyStep: number;
  readonly subcommands: Map<string, RegisteredCommand> | null;
  // INFO commandstats
  calls = 0;
  usec = 0;
  rejectedCalls = 0;
  failedCalls = 0;
  /** LATENCY HISTOGRAM: counts per power-of-two bucket (commands/server/latency-histogram.ts); null until recorded. */
  latencyBuckets: number[] | null = null;

  constructor(readonly spec: CommandSpec, readonly parent: RegisteredCommand | null = null) {
    this.fullName = parent ? `${parent.spec.name}|${spec.name}` : spec.name;
    const legacy = legacyRange(spec.keys ?? []);
    let flags = 0;
    for (const f of spec.flags) flags |= Flag[f];
    if (legacy.movable || spec.getKeys) flags |= Flag.movablekeys;
    this.flags = flags;
    this.firstKey = legacy.first;
    this.lastKey = legacy.last;
    this.keyStep = legacy.step;
    this.aclCategories = deriveAclCategories(spec);
    if (spec.subcommands && spec.subcommands.length > 0) {
      this.subcommands = new Map();
      for (const sub of spec.subcommands) this.subcommands.set(sub.name, new RegisteredCommand(sub, this));
    } else {
      this.subcommands = null;
    }
  }

  get name(): string {
    return this.spec.name;
  }

  get arity(): number {
    return this.spec.arity;
  }

  has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  /** Names of the flags COMMAND INFO shows, in its order (Redis hides four on purpose). */
  flagNames(): CommandFlag[] {
    return COMMAND_FLAGS.filter((f) => (this.flags & Flag[f]) !== 0 && !HIDDEN_FLAGS.has(f));
  }

  /** Whether argv's length satisfies the arity. */
  arityOk(argc: number): boolean {
    const a = this.spec.arity;
    return a >= 0 ? argc === a : argc >= -a;
  }

  /** Positions of the keys in `argv` (COMMAND GETKEYS, cluster routing, ACL key checks). */
  keyPositions(argv: Argv): number[] {
    if (this.spec.getKeys) return this.spec.getKeys(argv);
    const out: number[] = [];
    for (const ks of this.spec.keys ?? []) keysFromSpec(ks, argv, out);
    return out;
  }

  resetStats(): void {
    this.calls = 0;
    this.usec = 0;
    this.rejectedCalls = 0;
    this.failedCalls = 0;
    this.latencyBuckets = null;
    if (this.subcommands) for (const sub of this.subcommands.values()) sub.resetStats();
  }
}

/** As Redis's setImplicitACLCategories: flags imply categories; explicit ones add to them. */
function deriveAclCategories(spec: CommandSpec): AclCategory[] {
  const cats = new Set<AclCategory>(spec.acl ?? []);
  const has = (f: CommandFlag) => spec.flags.includes(f);
  if (has('write')) cats.add('write');
  // Redis: readonly commands are @read unless they are @scripting
  if (has('readonly') && !cats.has('scripting')) cats.add('read');
  if (has('admin')) {
    cats.add('admin');
    cats.add('dangerous');
  }
  if (has('pubsub')) cats.add('pubsub');
  if (has('fast')) cats.add('fast');
  if (has('blocking')) cats.add('blocking');
  if (!cats.has('fast')) cats.add('slow');
  return ACL_CATEGORIES.filter((c) => cats.has(c));
}

/** Redis's populateCommandLegacyRangeSpec: the first/last/step COMMAND INFO shows. */
function legacyRange(specs: readonly KeySpec[]): { first: number; last: number; step: number; movable: boolean } {
  if (specs.length === 0) return { first: 0, last: 0, step: 0, movable: false };
  const only = specs[0]!;
  if (specs.length === 1 && 'index' in only.begin && 'range' in only.find) {
    const first = only.begin.index;
    const rel = only.find.range.lastKey;
    return {
      first,
      last: rel >= 0 ? rel + first : rel,
      step: only.find.range.step,
      movable: only.flags.includes('incomplete'),
    };
  }
  let first = Number.MAX_SAFE_INTEGER;
  let last = 0;
  let prevLast = 0;
  let movable = false;
  for (const ks of specs) {
    if (!('index' in ks.begin) || !('range' in ks.find)) {
      movable = true;
      continue;
    }
    if (ks.find.range.step !== 1 || (prevLast !== 0 && prevLast !== ks.begin.index - 1)) {
      movable = true;
      continue;
    }
    if (ks.flags.includes('incomplete')) movable = true;
    first = Math.min(first, ks.begin.index);
    let abs = ks.find.range.lastKey;
    if (abs >= 0) abs += ks.begin.index;
    // Redis compares as unsigned, so a negative (to-the-end) last key wins.
    last = (abs >>> 0) > (last >>> 0) ? abs : last;
    prevLast = last;
  }
  if (first === Number.MAX_SAFE_INTEGER) return { first: 0, last: 0, step: 0, movable: true };
  return { first, last, step: 1, movable };
}

/** Appends the argv positions `ks` selects (Redis's getKeysUsingKeySpecs). */
function keysFromSpec(ks: KeySpec, argv: Argv, out: number[]): void {
  const argc = argv.length;
  let first: number;
  if ('unknown' in ks.begin) return;
  if ('index' in ks.begin) {
    first = ks.begin.index;
  } else {
    const { keyword, startFrom } = ks.begin;
    const kw = keyword.toLowerCase();
    first = 0;
    const start = startFrom >= 0 ? startFrom : argc + startFrom;
    const end = startFrom >= 0 ? argc : 0;
    const dir = startFrom >= 0 ? 1 : -1;
    for (let i = start; dir > 0 ? i < end : i > end; i += dir) {
      if (argv[i]!.toLowerCase() === kw) {
        first = i + 1;
        break;
      }
    }
    if (first === 0) return;
  }
  if ('range' in ks.find) {
    const { lastKey, step, limit } = ks.find.range;
    let last: number;
    if (lastKey >= 0) last = first + lastKey;
    else if (limit <= 1) last = argc + lastKey;
    else last = first + Math.floor((argc - first) / limit) + lastKey;
    for (let i = first; i <= last && i < argc; i += step) out.push(i);
  } else if ('keynum' in ks.find) {
    const { keynumIdx, firstKey, step } = ks.find.keynum;
    const n = Number(argv[first + keynumIdx]);
    if (!Number.isInteger(n) || n < 0) return;
    const start = first + firstKey;
    for (let i = 0; i < n && start + i * step < argc; i++) out.push(start + i * step);
  }
}

export class CommandTable {
  private readonly commands = new Map<string, RegisteredCommand>();
  /** Lowercase and uppercase spellings, so the usual requests need no toLowerCase(). */
  private readonly byExactName = new Map<string, RegisteredCommand>();

  constructor(specs: readonly CommandSpec[]) {
    for (const spec of specs) {
      if (this.commands.has(spec.name)) throw new Error(`command declared twice: ${spec.name}`);
      const cmd = new RegisteredCommand(spec);
      this.commands.set(spec.name, cmd);
      this.byExactName.set(spec.name, cmd);
      this.byExactName.set(spec.name.toUpperCase(), cmd);
    }
  }

  /** Lookup by name as received (any case). */
  lookup(name: string): RegisteredCommand | undefined {
    return this.byExactName.get(name) ?? this.commands.get(name.toLowerCase());
  }

  /** Resolves argv to the command or subcommand it names, or undefined. */
  resolve(argv: Argv): RegisteredCommand | undefined {
    const cmd = this.lookup(argv[0]!);
    if (cmd === undefined || cmd.subcommands === null || argv.length < 2) return cmd;
    return cmd.subcommands.get(argv[1]!.toLowerCase());
  }

  get size(): number {
    return this.commands.size;
  }

  all(): IterableIterator<RegisteredCommand> {
    return this.commands.values();
  }
}
