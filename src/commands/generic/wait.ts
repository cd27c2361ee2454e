// WAIT numreplicas timeout. respite has no replicas, so the acknowledged
// count is always 0; arguments are validated as Redis's waitCommand does.

import { TIMEOUT_NEGATIVE, TIMEOUT_NOT_INTEGER } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import { defineCommand } from '../spec.js';
import { longArg } from '../args.js';

export const wait = defineCommand({
  name: 'wait',
  arity: 3,
  flags: ['noscript'],
  acl: ['connection'],
  tips: ['request_policy:all_shards', 'response_policy:agg_min'],
  docs: {
    summary: 'Wait for the synchronous replication of all the write commands sent in the context of the current connection',
    since: '3.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arguments: [
      { name: 'numreplicas', type: 'integer' },
      { name: 'timeout', type: 'integer' },
    ],
  },
  run(ctx, argv) {
    longArg(argv[1]!);
    const timeout = parseInt64(argv[2]!);
    if (timeout === null) throw TIMEOUT_NOT_INTEGER;
    if (timeout < 0) throw TIMEOUT_NEGATIVE;
    // Redis would block up to `timeout` ms (forever for 0) when numreplicas > 0
    // before answering the same 0; with no replicas there is nothing to wait for.
    ctx.reply.integer(0);
  },
});
