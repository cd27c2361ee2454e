// BGREWRITEAOF, as Redis 7.0's bgrewriteaofCommand; the work is in
// persistence/aof/append-only-file.ts.

import { AOF_REWRITE_FAILED, AOF_REWRITE_IN_PROGRESS } from '../../errors.js';
import { defineCommand } from '../spec.js';

export const bgrewriteaof = defineCommand({
  name: 'bgrewriteaof',
  arity: 1,
  flags: ['admin', 'noscript', 'no_async_loading'],
  docs: {
    summary: 'Asynchronously rewrite the append-only file',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  run(ctx) {
    const aof = ctx.server.aof;
    if (aof.rewriteInProgress) throw AOF_REWRITE_IN_PROGRESS;
    // As Redis: while another child runs, or inside EXEC, it waits for the cron.
    if (ctx.server.hasActiveChild() || ctx.keyspace.propagationBuffer !== null) {
      aof.rewriteScheduled = true;
      aof.consecutiveFailures = 0;
      ctx.reply.simple('Background append only file rewriting scheduled');
      return;
    }
    if (!aof.rewriteBackground()) throw AOF_REWRITE_FAILED;
    ctx.reply.simple('Background append only file rewriting started');
  },
});
