// SAVE and BGSAVE [SCHEDULE], as Redis 7.0's saveCommand / bgsaveCommand.
// The work is in persistence/snapshot.ts.

import { BGSAVE_IN_PROGRESS, BGSAVE_OTHER_CHILD, SAVE_FAILED, SYNTAX } from '../../errors.js';
import { defineCommand } from '../spec.js';

export const save = defineCommand({
  name: 'save',
  arity: 1,
  flags: ['admin', 'noscript', 'no_async_loading', 'no_multi'],
  docs: {
    summary: 'Synchronously save the dataset to disk',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the total number of keys in all databases',
  },
  run(ctx) {
    const snapshots = ctx.server.snapshots;
    if (snapshots.bgsaveInProgress) throw BGSAVE_IN_PROGRESS;
    snapshots.saves++;
    if (!snapshots.save()) throw SAVE_FAILED;
    ctx.reply.ok();
  },
});

export const bgsave = defineCommand({
  name: 'bgsave',
  arity: -1,
  flags: ['admin', 'noscript', 'no_async_loading'],
  docs: {
    summary: 'Asynchronously save the dataset to disk',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    history: [['3.2.2', 'Added the `SCHEDULE` option.']],
    arguments: [
      { name: 'schedule', type: 'pure-token', token: 'SCHEDULE', since: '3.2.2', flags: ['optional'] },
    ],
  },
  run(ctx, argv) {
    if (argv.length > 1 && !(argv.length === 2 && argv[1]!.toLowerCase() === 'schedule')) throw SYNTAX;
    const snapshots = ctx.server.snapshots;
    if (snapshots.bgsaveInProgress) throw BGSAVE_IN_PROGRESS;
    const schedule = argv.length === 2;
    // As Redis: another background job (the AOF rewrite), or EXEC, defers the save to the cron.
    const otherChild = ctx.server.hasActiveChild();
    if (otherChild && !schedule && ctx.keyspace.propagationBuffer === null) throw BGSAVE_OTHER_CHILD;
    if (otherChild || ctx.keyspace.propagationBuffer !== null) {
      snapshots.bgsaveScheduled = true;
      ctx.reply.simple('Background saving scheduled');
      return;
    }
    snapshots.bgsave();
    ctx.reply.simple('Background saving started');
  },
});
