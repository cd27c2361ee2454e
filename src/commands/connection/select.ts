// SELECT: the client's current database.

import { INVALID_DB_INDEX, NOT_INTEGER, valueOutOfRange } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import { defineCommand } from '../spec.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export const select = defineCommand({
  name: 'select',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  acl: ['connection'],
  docs: {
    summary: 'Change the selected database for the current connection', since: '1.0.0', group: 'connection',
    complexity: 'O(1)',
    arguments: [{ name: 'index', type: 'integer' }],
  },
  run(ctx, argv) {
    // As Redis's getIntFromObjectOrReply: int64 first, then the C int range.
    const id = parseInt64(argv[1]!);
    if (id === null) throw NOT_INTEGER;
    if (id < INT_MIN || id > INT_MAX) throw valueOutOfRange(INT_MIN, INT_MAX);
    if (id < 0 || id >= ctx.keyspace.dbs.length) throw INVALID_DB_INDEX;
    ctx.db = ctx.keyspace.dbs[id]!;
    ctx.reply.ok();
  },
});
