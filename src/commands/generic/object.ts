// OBJECT ENCODING | FREQ | IDLETIME | REFCOUNT | HELP. A string's encoding is
// derived from its bytes with Redis 7.0's tryObjectEncoding rules; idle time
// comes from the per-key access clock.

import { LFU_NOT_SELECTED, LFU_NOT_TRACKED, LFU_SELECTED } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import type { RedisValue } from '../../types/value.js';
import type { CommandContext } from '../context.js';
import { replyHelp } from '../server/help.js';
import { containerRun, defineCommand, type CommandSpec } from '../spec.js';
import { lookupReadNoTouch } from './common.js';

/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
const EMBSTR_SIZE_LIMIT = 44;
/** Redis's OBJ_SHARED_INTEGERS: 0..9999 are shared objects. */
const SHARED_INTEGERS = 10000;
/** OBJ_SHARED_REFCOUNT (INT_MAX): what OBJECT REFCOUNT reports for a shared object. */
const SHARED_REFCOUNT = 2147483647;

/**
 * tryObjectEncoding's answer for a string: "int" if it is a canonical int64
 * of at most 20 chars, "embstr" up to 44 bytes, else "raw".
 */
export function stringEncoding(s: string): 'int' | 'embstr' | 'raw' {
  if (s.length <= 20 && parseInt64(s) !== null) return 'int';
  return s.length <= EMBSTR_SIZE_LIMIT ? 'embstr' : 'raw';
}

function policy(ctx: CommandContext): string {
  return ctx.server.config.get('maxmemory-policy');
}

/** Shared integers are used unless maxmemory is set with an LRU or LFU policy (MAXMEMORY_FLAG_NO_SHARED_INTEGERS). */
function refcount(ctx: CommandContext, value: RedisValue): number {
  if (typeof value !== 'string' || stringEncoding(value) !== 'int') return 1;
  const n = Number(value);
  if (n < 0 || n >= SHARED_INTEGERS) return 1;
  const p = policy(ctx);
  const noShared = ctx.server.config.num('maxmemory') !== 0 && (p.includes('lru') || p.includes('lfu'));
  return noShared ? 1 : SHARED_REFCOUNT;
}

/** objectCommandLookupOrReply: lazy expiry and hit/miss stats, no touch, no keymiss event; null reply for a missing key. */
function lookupOrNull(ctx: CommandContext, key: string): RedisValue | undefined {
  const v = lookupReadNoTouch(ctx.db, key, false);
  if (v === undefined) ctx.reply.null();
  return v;
}

const keyAt2 = [{ flags: ['RO'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }] as const;

function keySub(name: string, summary: string, since: string, run: CommandSpec['run']): CommandSpec {
  return defineCommand({
    name,
    arity: 3,
    flags: ['readonly'],
    acl: ['keyspace'],
    keys: keyAt2,
    tips: ['nondeterministic_output'],
    docs: {
      summary, since, group: 'generic', complexity: 'O(1)',
      arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    },
    run,
  });
}

const HELP = [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
];

export const object = defineCommand({
  name: 'object',
  arity: -2,
  flags: [],
  docs: {
    summary: 'A container for object introspection commands',
    since: '2.2.3',
    group: 'generic',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [
    keySub('idletime', 'Get the time since a Redis object was last accessed', '2.2.3', (ctx, argv) => {
      const key = argv[2]!;
      if (lookupOrNull(ctx, key) === undefined) return;
      if (policy(ctx).includes('lfu')) throw LFU_SELECTED;
      const idle = ctx.keyspace.lruClock - ctx.db.accessClock(key);
      ctx.reply.integer(idle > 0 ? idle : 0);
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      acl: ['keyspace'],
      docs: {
        summary: 'Show helpful text about the different subcommands',
        since: '6.2.0',
        group: 'generic',
        complexity: 'O(1)',
      },
      run(ctx) {
        replyHelp(ctx, 'OBJECT', HELP);
      },
    }),
    keySub('encoding', 'Inspect the internal encoding of a Redis object', '2.2.3', (ctx, argv) => {
      const v = lookupOrNull(ctx, argv[2]!);
      if (v === undefined) return;
      ctx.reply.bulk(typeof v === 'string' ? stringEncoding(v) : v.encoding());
    }),
    keySub('freq', 'Get the logarithmic access frequency counter of a Redis object', '4.0.0', (ctx, argv) => {
      if (lookupOrNull(ctx, argv[2]!) === undefined) return;
      if (!policy(ctx).includes('lfu')) throw LFU_NOT_SELECTED;
      // No LFU counter is kept per key yet (see LFU_NOT_TRACKED): say so rather than invent one.
      throw LFU_NOT_TRACKED;
    }),
    keySub('refcount', 'Get the number of references to the value of the key', '2.2.3', (ctx, argv) => {
      const v = lookupOrNull(ctx, argv[2]!);
      if (v === undefined) return;
      ctx.reply.integer(refcount(ctx, v));
    }),
  ],
  run: containerRun,
});
