// CLIENT LIST and CLIENT INFO: one line per client with Redis 7.0's fields in
// Redis 7.0's order (catClientInfoString). Memory figures are modelled on
// Redis's buffers so that parsers (BullMQ, exporters) see plausible values.

import { INVALID_CLIENT_ID, SYNTAX, unknownClientType } from '../../errors.js';
import type { Client } from '../../server/client.js';
import { parseInt64 } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type Argv } from '../spec.js';

export type ClientType = 'normal' | 'master' | 'replica' | 'pubsub';

/** As Redis's getClientTypeByName (any case; 'slave' is 'replica'); null when unknown. */
export function clientTypeByName(name: string): ClientType | null {
  switch (name.toLowerCase()) {
    case 'normal': return 'normal';
    case 'slave':
    case 'replica': return 'replica';
    case 'pubsub': return 'pubsub';
    case 'master': return 'master';
    default: return null;
  }
}

/** As Redis's getClientType: a MONITOR client is a normal one. */
export function clientType(client: Client): ClientType {
  return client.isPubSub ? 'pubsub' : 'normal';
}

/** Redis's order of the CLIENT LIST flag letters. */
const FLAG_ORDER = 'OSMPxbtRBdcuAUre';
/** Redis's query buffer allocation once a client has sent a command (PROTO_IOBUF_LEN, as jemalloc sizes it). */
const QUERY_BUFFER_ALLOC = 20474;
/** Redis's reply buffer grows to 16 KiB under load and rests at 1 KiB. */
const REPLY_BUFFER_MIN = 1024;
const REPLY_BUFFER_MAX = 16 * 1024;
/** The client structure and its fixed allocations, as Redis counts them in tot-mem. */
const CLIENT_STRUCT_BYTES = 774;

function flagsOf(client: Client): string {
  const t = client.transport;
  let letters = client.extraFlags;
  if (client.isMonitor) letters += 'O';
  if (client.isPubSub) letters += 'P';
  if (client.multiQueued >= 0) letters += 'x';
  if (t?.postponedArgv || client.server.blocking.isBlocked(client)) letters += 'b';
  if (t?.isClosingAfterReply) letters += 'c';
  if (client.noEvict) letters += 'e';
  if (letters === '') return 'N';
  let out = '';
  for (const f of FLAG_ORDER) if (letters.includes(f)) out += f;
  return out;
}

function argvBytes(argv: readonly string[] | null | undefined): number {
  let n = 0;
  if (argv) for (const a of argv) n += a.length;
  return n;
}

/**
 * One CLIENT LIST line (no newline). `currentArgv` is the command being run
 * when `client` is the caller (its argv-mem), null otherwise.
 */
export function clientInfoLine(client: Client, currentArgv: readonly string[] | null): string {
  const t = client.transport;
  const nowSec = Math.floor(client.keyspace.clock.now() / 1000);
  const age = nowSec - Math.floor(client.createdAtMs / 1000);
  const idle = nowSec - Math.floor(client.lastInteractionMs / 1000);
  const qbuf = t ? t.queryBufferBytes : 0;
  const qbufFree = qbuf >= QUERY_BUFFER_ALLOC ? 0 : QUERY_BUFFER_ALLOC - qbuf;
  const argv = currentArgv ?? t?.postponedArgv;
  const argvMem = argvBytes(argv);
  const peak = t ? t.replyPeakBytes : 0;
  const rbs = peak > REPLY_BUFFER_MIN ? REPLY_BUFFER_MAX : REPLY_BUFFER_MIN;
  const rbp = Math.min(peak, rbs);
  const out = t ? t.outputBytes : 0;
  const obl = Math.min(out, rbs);
  const omem = out - obl;
  const oll = omem > 0 ? Math.ceil(omem / REPLY_BUFFER_MAX) : 0;
  // Redis also counts the argv array itself: one pointer per argument.
  const argvArray = argv ? argv.length * 8 : 0;
  const totMem = CLIENT_STRUCT_BYTES + qbuf + qbufFree + argvMem + argvArray + client.multiArgvBytes + rbs + omem;
  return `id=${client.id} addr=${client.addr} laddr=${client.laddr} fd=${t ? t.fd : -1} name=${client.name}`
    + ` age=${age} idle=${idle} flags=${flagsOf(client)} db=${client.db.id}`
    + ` sub=${client.subscribedChannels} psub=${client.subscribedPatterns} ssub=${client.subscribedShardChannels}`
    + ` multi=${client.multiQueued} qbuf=${qbuf} qbuf-free=${qbufFree} argv-mem=${argvMem}`
    + ` multi-mem=${client.multiArgvBytes} rbs=${rbs} rbp=${rbp} obl=${obl} oll=${oll} omem=${omem}`
    + ` tot-mem=${totMem} events=${t ? t.events : ''} cmd=${client.lastCommand?.fullName ?? 'NULL'}`
    + ` user=${client.user} redir=${client.trackingRedirect} resp=${client.resp}`;
}

function line(ctx: CommandContext, client: Client, argv: Argv): string {
  return clientInfoLine(client, client === ctx.client ? argv : null) + '\n';
}

export const clientList = defineCommand({
  name: 'list',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Get the list of client connections', since: '2.4.0', group: 'connection',
    complexity: 'O(N) where N is the number of client connections',
    history: [
      ['2.8.12', 'Added unique client `id` field.'], ['5.0.0', 'Added optional `TYPE` filter.'],
      ['6.0.0', 'Added `user` field.'],
      ['6.2.0', 'Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter.'],
      ['7.0.0', 'Added `resp`, `multi-mem`, `rbs` and `rbp` fields.'], ['7.0.3', 'Added `ssub` field.'],
    ],
    arguments: [
      { name: 'normal_master_replica_pubsub', type: 'oneof', token: 'TYPE', since: '5.0.0', flags: ['optional'], arguments: [
        { name: 'normal', type: 'pure-token', token: 'NORMAL' },
        { name: 'master', type: 'pure-token', token: 'MASTER' },
        { name: 'replica', type: 'pure-token', token: 'REPLICA' },
        { name: 'pubsub', type: 'pure-token', token: 'PUBSUB' },
      ] },
      { name: 'id', type: 'block', token: 'ID', since: '6.2.0', flags: ['optional'], arguments: [
        { name: 'client-id', type: 'integer', flags: ['multiple'] },
      ] },
    ],
  },
  run(ctx, argv) {
    const clients = ctx.server.clients;
    let text = '';
    if (argv.length === 4 && argv[2]!.toLowerCase() === 'type') {
      const type = clientTypeByName(argv[3]!);
      if (type === null) throw unknownClientType(argv[3]!);
      for (const c of clients.values()) if (clientType(c) === type) text += line(ctx, c, argv);
    } else if (argv.length > 3 && argv[2]!.toLowerCase() === 'id') {
      // As Redis: each id is parsed as it comes, so a bad one fails the command; unknown ids are skipped.
      for (let j = 3; j < argv.length; j++) {
        const id = parseInt64(argv[j]!);
        if (id === null) throw INVALID_CLIENT_ID;
        const c = clients.get(id);
        if (c !== undefined) text += line(ctx, c, argv);
      }
    } else if (argv.length !== 2) {
      throw SYNTAX;
    } else {
      for (const c of clients.values()) text += line(ctx, c, argv);
    }
    ctx.reply.verbatim(text);
  },
});

export const clientInfo = defineCommand({
  name: 'info',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Returns information about the current client connection.', since: '6.2.0', group: 'connection',
    complexity: 'O(1)',
  },
  run(ctx, argv) {
    ctx.reply.verbatim(line(ctx, ctx.client, argv));
  },
});
