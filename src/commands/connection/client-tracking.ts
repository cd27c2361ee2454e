// CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO: the client-side
// caching subcommands (option checks in Redis 7.0's clientCommand order);
// the tracking itself lives in server/tracking.ts.

import {
  CACHING_NO_NOT_OPTOUT, CACHING_NOT_TRACKING, CACHING_YES_NOT_OPTIN, NOT_INTEGER, SYNTAX, TRACKING_BCAST_SWITCH,
  TRACKING_OPT_SWITCH, TRACKING_OPT_WITH_BCAST, TRACKING_OPTIN_AND_OPTOUT, TRACKING_PREFIX_NEEDS_BCAST,
  TRACKING_REDIRECT_MISSING, TRACKING_REDIRECT_SINGLE, prefixOverlapsExisting, prefixOverlapsProvided,
} from '../../errors.js';
import {
  TRACKING_BCAST, TRACKING_BROKEN_REDIR, TRACKING_CACHING, TRACKING_NOLOOP, TRACKING_ON, TRACKING_OPTIN,
  TRACKING_OPTOUT,
} from '../../server/tracking.js';
import { string2ll } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';

const FLAGS = ['noscript', 'loading', 'stale'] as const;

/** Redis prints prefixes with %s: a C string ends at the first NUL byte. */
function cstr(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** Whether one prefix starts the other (they would both match some key). */
function overlap(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/**
 * Redis's checkPrefixCollisionsOrReply. Returns true to go on. As Redis, an
 * overlap between two given prefixes found past the first one replies the
 * error and still goes on (Redis returns the index as its "ok"), so the
 * client then also gets +OK.
 */
function checkPrefixes(ctx: CommandContext, existing: Iterable<string>, prefixes: readonly string[]): boolean {
  const sortedExisting = [...existing].sort();
  for (let i = 0; i < prefixes.length; i++) {
    const p = prefixes[i]!;
    for (const e of sortedExisting) {
      if (overlap(e, p)) {
        ctx.reply.error(prefixOverlapsExisting(cstr(p), cstr(e)).message);
        ctx.server.recordError('ERR');
        return false;
      }
    }
    for (let j = i + 1; j < prefixes.length; j++) {
      if (overlap(p, prefixes[j]!)) {
        ctx.reply.error(prefixOverlapsProvided(cstr(p), cstr(prefixes[j]!)).message);
        ctx.server.recordError('ERR');
        return i !== 0;
      }
    }
  }
  return true;
}

const clientTracking = defineCommand({
  name: 'tracking',
  arity: -3,
  flags: FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Enable or disable server assisted client side caching support',
    since: '6.0.0',
    group: 'connection',
    complexity: 'O(1). Some options may introduce additional complexity.',
    arguments: [
      { name: 'status', type: 'oneof', arguments: [
        { name: 'on', type: 'pure-token', token: 'ON' },
        { name: 'off', type: 'pure-token', token: 'OFF' },
      ] },
      { name: 'client-id', type: 'integer', token: 'REDIRECT', flags: ['optional'] },
      { name: 'prefix', type: 'string', token: 'PREFIX', flags: ['optional', 'multiple', 'multiple_token'] },
      { name: 'bcast', type: 'pure-token', token: 'BCAST', flags: ['optional'] },
      { name: 'optin', type: 'pure-token', token: 'OPTIN', flags: ['optional'] },
      { name: 'optout', type: 'pure-token', token: 'OPTOUT', flags: ['optional'] },
      { name: 'noloop', type: 'pure-token', token: 'NOLOOP', flags: ['optional'] },
    ],
  },
  run(ctx, argv) {
    const client = ctx.client;
    const tracking = ctx.server.tracking;
    let redirect = 0;
    let options = 0;
    const prefixes: string[] = [];
    for (let j = 3; j < argv.length; j++) {
      const opt = argv[j]!.toLowerCase();
      const moreArgs = j < argv.length - 1;
      if (opt === 'redirect' && moreArgs) {
        j++;
        if (redirect !== 0) throw TRACKING_REDIRECT_SINGLE;
        const id = string2ll(argv[j]!);
        if (id === null) throw NOT_INTEGER;
        // The client must exist now; if it goes away later, tracking-redir-broken tells.
        if (id <= 0n || id > BigInt(Number.MAX_SAFE_INTEGER) || !ctx.server.clients.has(Number(id))) {
          throw TRACKING_REDIRECT_MISSING;
        }
        redirect = Number(id);
      } else if (opt === 'bcast') {
        options |= TRACKING_BCAST;
      } else if (opt === 'optin') {
        options |= TRACKING_OPTIN;
      } else if (opt === 'optout') {
        options |= TRACKING_OPTOUT;
      } else if (opt === 'noloop') {
        options |= TRACKING_NOLOOP;
      } else if (opt === 'prefix' && moreArgs) {
        prefixes.push(argv[++j]!);
      } else {
        throw SYNTAX;
      }
    }
    const mode = argv[2]!.toLowerCase();
    if (mode === 'on') {
      const st = tracking.stateOf(client);
      const flags = st !== undefined ? st.flags : 0;
      if ((options & TRACKING_BCAST) === 0 && prefixes.length > 0) throw TRACKING_PREFIX_NEEDS_BCAST;
      if ((flags & TRACKING_ON) !== 0 && ((flags & TRACKING_BCAST) !== 0) !== ((options & TRACKING_BCAST) !== 0)) {
        throw TRACKING_BCAST_SWITCH;
      }
      if ((options & TRACKING_BCAST) !== 0 && (options & (TRACKING_OPTIN | TRACKING_OPTOUT)) !== 0) {
        throw TRACKING_OPT_WITH_BCAST;
      }
      if ((options & TRACKING_OPTIN) !== 0 && (options & TRACKING_OPTOUT) !== 0) throw TRACKING_OPTIN_AND_OPTOUT;
      if (((options & TRACKING_OPTIN) !== 0 && (flags & TRACKING_OPTOUT) !== 0)
        || ((options & TRACKING_OPTOUT) !== 0 && (flags & TRACKING_OPTIN) !== 0)) {
        throw TRACKING_OPT_SWITCH;
      }
      if ((options & TRACKING_BCAST) !== 0 && !checkPrefixes(ctx, st?.prefixes ?? [], prefixes)) return;
      tracking.enable(client, redirect, options, prefixes);
    } else if (mode === 'off') {
      tracking.disable(client);
    } else {
      throw SYNTAX;
    }
    ctx.reply.ok();
  },
});

const clientCaching = defineCommand({
  name: 'caching',
  arity: 3,
  flags: FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Instruct the server about tracking or not keys in the next request',
    since: '6.0.0',
    group: 'connection',
    complexity: 'O(1)',
    arguments: [
      { name: 'mode', type: 'oneof', arguments: [
        { name: 'yes', type: 'pure-token', token: 'YES' },
        { name: 'no', type: 'pure-token', token: 'NO' },
      ] },
    ],
  },
  run(ctx, argv) {
    const tracking = ctx.server.tracking;
    const st = tracking.stateOf(ctx.client);
    if (st === undefined || (st.flags & TRACKING_ON) === 0) throw CACHING_NOT_TRACKING;
    const opt = argv[2]!.toLowerCase();
    if (opt === 'yes') {
      if ((st.flags & TRACKING_OPTIN) === 0) throw CACHING_YES_NOT_OPTIN;
    } else if (opt === 'no') {
      if ((st.flags & TRACKING_OPTOUT) === 0) throw CACHING_NO_NOT_OPTOUT;
    } else {
      throw SYNTAX;
    }
    tracking.setCaching(ctx.client);
    ctx.reply.ok();
  },
});

const clientGetredir = defineCommand({
  name: 'getredir',
  arity: 2,
  flags: FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Get tracking notifications redirection client ID if any',
    since: '6.0.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  run(ctx) {
    ctx.reply.integer(ctx.client.trackingRedirect);
  },
});

const clientTrackinginfo = defineCommand({
  name: 'trackinginfo',
  arity: 2,
  flags: FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Return information about server assisted client side caching for the current connection',
    since: '6.2.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  run(ctx) {
    const st = ctx.server.tracking.stateOf(ctx.client);
    const f = st !== undefined ? st.flags : 0;
    const flags = [(f & TRACKING_ON) !== 0 ? 'on' : 'off'];
    if ((f & TRACKING_BCAST) !== 0) flags.push('bcast');
    if ((f & TRACKING_OPTIN) !== 0) {
      flags.push('optin');
      if ((f & TRACKING_CACHING) !== 0) flags.push('caching-yes');
    }
    if ((f & TRACKING_OPTOUT) !== 0) {
      flags.push('optout');
      if ((f & TRACKING_CACHING) !== 0) flags.push('caching-no');
    }
    if ((f & TRACKING_NOLOOP) !== 0) flags.push('noloop');
    if ((f & TRACKING_BROKEN_REDIR) !== 0) flags.push('broken_redirect');
    const reply = ctx.reply;
    reply.map(3);
    reply.bulk('flags');
    reply.set(flags.length);
    for (const name of flags) reply.bulk(name);
    reply.bulk('redirect');
    reply.integer(ctx.client.trackingRedirect);
    reply.bulk('prefixes');
    const prefixes = st !== undefined ? [...st.prefixes].sort() : [];
    reply.array(prefixes.length);
    for (const p of prefixes) reply.bulk(p);
  },
});

export const trackingSubcommands = [clientCaching, clientGetredir, clientTracking, clientTrackinginfo];
