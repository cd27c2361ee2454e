// PING, ECHO, QUIT.

import { defineCommand } from '../spec.js';

export const ping = defineCommand({
  name: 'ping',
  arity: -1,
  flags: ['fast', 'sentinel'],
  acl: ['connection'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: {
    summary: 'Ping the server', since: '1.0.0', group: 'connection', complexity: 'O(1)',
    arguments: [{ name: 'message', type: 'string', flags: ['optional'] }],
  },
  run(ctx, argv) {
    if (argv.length > 2) throw wrongPingArity;
    if (ctx.client.isPubSub && ctx.reply.resp === 2) {
      // A subscribed RESP2 client can only read arrays: Redis answers ["pong", message].
      ctx.reply.array(2);
      ctx.reply.bulk('pong');
      ctx.reply.bulk(argv.length === 1 ? '' : argv[1]!);
    } else if (argv.length === 1) {
      ctx.reply.simple('PONG');
    } else {
      ctx.reply.bulk(argv[1]!);
    }
  },
});

import { wrongArity } from '../../errors.js';
const wrongPingArity = wrongArity('ping');

export const echo = defineCommand({
  name: 'echo',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  acl: ['connection'],
  docs: {
    summary: 'Echo the given string', since: '1.0.0', group: 'connection', complexity: 'O(1)',
    arguments: [{ name: 'message', type: 'string' }],
  },
  run(ctx, argv) {
    ctx.reply.bulk(argv[1]!);
  },
});

export const quit = defineCommand({
  name: 'quit',
  arity: -1,
  flags: ['allow_busy', 'noscript', 'loading', 'stale', 'fast', 'no_auth'],
  acl: ['connection'],
  docs: { summary: 'Close the connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run(ctx) {
    ctx.reply.ok();
    ctx.client.transport?.closeAfterReply();
  },
});
