// APPEND, as Redis's appendCommand.

import { defineCommand } from '../spec.js';
import { ByteString, stringBytesLength } from '../../types/value.js';
import { checkStringLength, writeStringValue } from './common.js';

export const append = defineCommand({
  name: 'append',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Append a value to a key',
    since: '2.0.0',
    group: 'string',
    complexity: 'O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'value', type: 'string' },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const value = argv[2]!;
    const db = ctx.db;
    const old = writeStringValue(db, key);
    let length: number;
    if (old === undefined) {
      // A new key is the argument itself (int/embstr/raw as SET); Redis checks no size here.
      db.add(key, value);
      length = value.length;
    } else {
      length = stringBytesLength(old) + value.length;
      checkStringLength(ctx, length);
      if (old instanceof ByteString) {
        old.appendLatin1(value); // amortised O(1) per byte: sds-like spare capacity
      } else {
        // dbUnshareStringValue: a raw copy grown in place from now on.
        const bs = ByteString.fromLatin1(old);
        bs.appendLatin1(value);
        db.overwrite(key, bs);
      }
    }
    ctx.modified(key, 'append', '$');
    ctx.reply.integer(length);
  },
});
