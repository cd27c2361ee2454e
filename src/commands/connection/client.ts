// The CLIENT container and its small subcommands: ID, GETNAME, SETNAME,
// REPLY, NO-EVICT, PAUSE, UNPAUSE, HELP (LIST/INFO: client-list.ts, KILL:
// client-kill.ts). Tracking subcommands belong to the tracking feature.

import { NOT_INTEGER, PAUSE_MODE, SYNTAX, UNBLOCK_REASON, TIMEOUT_NEGATIVE, TIMEOUT_NOT_INTEGER, subcommandSyntax } from '../../errors.js';
import { PAUSE_ALL, PAUSE_WRITE, type PauseType } from '../../server/client-pause.js';
import { string2ll } from '../../util/int64.js';
import { replyHelp } from '../server/help.js';
import { containerRun, defineCommand } from '../spec.js';
import { setClientName } from './client-name.js';
import { clientKill } from './client-kill.js';
import { clientInfo, clientList } from './client-list.js';
import { trackingSubcommands } from './client-tracking.js';

const CLIENT_FLAGS = ['noscript', 'loading', 'stale'] as const;
const ADMIN_FLAGS = ['admin', 'noscript', 'loading', 'stale'] as const;

const clientId = defineCommand({
  name: 'id',
  arity: 2,
  flags: CLIENT_FLAGS,
  acl: ['connection'],
  docs: { summary: 'Returns the client ID for the current connection', since: '5.0.0', group: 'connection', complexity: 'O(1)' },
  run(ctx) {
    ctx.reply.integer(ctx.client.id);
  },
});

const clientGetname = defineCommand({
  name: 'getname',
  arity: 2,
  flags: CLIENT_FLAGS,
  acl: ['connection'],
  docs: { summary: 'Get the current connection name', since: '2.6.9', group: 'connection', complexity: 'O(1)' },
  run(ctx) {
    const name = ctx.client.name;
    if (name === '') ctx.reply.null();
    else ctx.reply.bulk(name);
  },
});

const clientSetname = defineCommand({
  name: 'setname',
  arity: 3,
  flags: CLIENT_FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Set the current connection name', since: '2.6.9', group: 'connection', complexity: 'O(1)',
    arguments: [{ name: 'connection-name', type: 'string' }],
  },
  run(ctx, argv) {
    setClientName(ctx.client, argv[2]!);
    ctx.reply.ok();
  },
});

const clientReply = defineCommand({
  name: 'reply',
  arity: 3,
  flags: CLIENT_FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Instruct the server whether to reply to commands', since: '3.2.0', group: 'connection', complexity: 'O(1)',
    arguments: [{ name: 'on_off_skip', type: 'oneof', arguments: [
      { name: 'on', type: 'pure-token', token: 'ON' },
      { name: 'off', type: 'pure-token', token: 'OFF' },
      { name: 'skip', type: 'pure-token', token: 'SKIP' },
    ] }],
  },
  // The connection drops the replies (connection.ts executeWithReplyMode); this only sets the mode.
  run(ctx, argv) {
    const client = ctx.client;
    const mode = argv[2]!.toLowerCase();
    if (mode === 'on') {
      client.replyMode = 'on';
      ctx.reply.ok();
    } else if (mode === 'off') {
      client.replyMode = 'off';
    } else if (mode === 'skip') {
      if (client.replyMode !== 'off') client.replyMode = 'skip-next';
    } else {
      throw SYNTAX;
    }
  },
});

const clientNoEvict = defineCommand({
  name: 'no-evict',
  arity: 3,
  flags: ADMIN_FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Set client eviction mode for the current connection', since: '7.0.0', group: 'connection', complexity: 'O(1)',
    arguments: [{ name: 'enabled', type: 'oneof', arguments: [
      { name: 'on', type: 'pure-token', token: 'ON' },
      { name: 'off', type: 'pure-token', token: 'OFF' },
    ] }],
  },
  run(ctx, argv) {
    const v = argv[2]!.toLowerCase();
    if (v === 'on') ctx.client.noEvict = true;
    else if (v === 'off') ctx.client.noEvict = false;
    else throw SYNTAX;
    ctx.reply.ok();
  },
});

const clientPause = defineCommand({
  name: 'pause',
  arity: -3,
  flags: ADMIN_FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Stop processing commands from clients for some time', since: '2.9.50', group: 'connection', complexity: 'O(1)',
    history: [['6.2.0', '`CLIENT PAUSE WRITE` mode added along with the `mode` option.']],
    arguments: [
      { name: 'timeout', type: 'integer' },
      { name: 'mode', type: 'oneof', since: '6.2.0', flags: ['optional'], arguments: [
        { name: 'write', type: 'pure-token', token: 'WRITE' },
        { name: 'all', type: 'pure-token', token: 'ALL' },
      ] },
    ],
  },
  run(ctx, argv) {
    if (argv.length > 4) throw subcommandSyntax('client', argv[1]!);
    // As Redis: the mode is checked before the timeout.
    let type: PauseType = PAUSE_ALL;
    if (argv.length === 4) {
      const mode = argv[3]!.toLowerCase();
      if (mode === 'write') type = PAUSE_WRITE;
      else if (mode !== 'all') throw PAUSE_MODE;
    }
    // As Redis's getTimeoutFromObjectOrReply (milliseconds): 0 ends at once;
    // end = now + timeout in int64, which wraps (and so ends at once) past its range.
    const timeoutMs = string2ll(argv[2]!);
    if (timeoutMs === null) throw TIMEOUT_NOT_INTEGER;
    if (timeoutMs < 0n) throw TIMEOUT_NEGATIVE;
    const end = timeoutMs > 0n ? timeoutMs + BigInt(ctx.keyspace.clock.now()) : 0n;
    ctx.server.clientPause.pause(type, end);
    ctx.reply.ok();
  },
});

const clientUnpause = defineCommand({
  name: 'unpause',
  arity: 2,
  flags: ADMIN_FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Resume processing of clients that were paused', since: '6.2.0', group: 'connection',
    complexity: 'O(N) Where N is the number of paused clients',
  },
  run(ctx) {
    ctx.server.clientPause.unpause();
    ctx.reply.ok();
  },
});

const clientUnblock = defineCommand({
  name: 'unblock',
  arity: -3,
  flags: ADMIN_FLAGS,
  acl: ['connection'],
  docs: {
    summary: 'Unblock a client blocked in a blocking command from a different connection', since: '5.0.0',
    group: 'connection', complexity: 'O(log N) where N is the number of client connections',
    arguments: [
      { name: 'client-id', type: 'integer' },
      { name: 'timeout_error', type: 'oneof', flags: ['optional'], arguments: [
        { name: 'timeout', type: 'pure-token', token: 'TIMEOUT' },
        { name: 'error', type: 'pure-token', token: 'ERROR' },
      ] },
    ],
  },
  // As Redis: the reason is checked before the id; the target answers as on timeout, or with -UNBLOCKED.
  run(ctx, argv) {
    if (argv.length > 4) throw subcommandSyntax('client', argv[1]!);
    let withError = false;
    if (argv.length === 4) {
      const reason = argv[3]!.toLowerCase();
      if (reason === 'error') withError = true;
      else if (reason !== 'timeout') throw UNBLOCK_REASON;
    }
    const id = string2ll(argv[2]!);
    if (id === null) throw NOT_INTEGER;
    const target = ctx.server.clients.get(Number(id));
    ctx.reply.integer(target !== undefined && ctx.server.blocking.unblockByRequest(target, withError) ? 1 : 0);
  },
});

/** CLIENT HELP, as Redis 7.0 prints it (tracking entries included). */
const HELP_LINES = [
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];

const clientHelp = defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  docs: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'connection', complexity: 'O(1)' },
  run(ctx) {
    replyHelp(ctx, 'CLIENT', HELP_LINES);
  },
});

export const client = defineCommand({
  name: 'client',
  arity: -2,
  flags: [],
  docs: {
    summary: 'A container for client connection commands', since: '2.4.0', group: 'connection',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [
    clientGetname, clientHelp, clientId, clientInfo, clientKill, clientList, clientNoEvict,
    clientPause, clientReply, clientSetname, clientUnblock, clientUnpause, ...trackingSubcommands,
  ],
  run: containerRun,
});
