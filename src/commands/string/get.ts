// GET: the read hot path.

import { WRONGTYPE } from '../../errors.js';
import { ByteString } from '../../types/value.js';
import { defineCommand } from '../spec.js';

export const get = defineCommand({
  name: 'get',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['string'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the value of a key',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    const v = ctx.db.lookupRead(argv[1]!);
    if (v === undefined) ctx.reply.null();
    else if (typeof v === 'string') ctx.reply.bulk(v);
    else if (v instanceof ByteString) ctx.reply.bulk(v.snapshot());
    else throw WRONGTYPE;
  },
});
