// The list commands (Redis's "list" group), and the list RDB codec they need for DUMP/RESTORE.

import type { CommandSpec } from '../spec.js';
import '../../persistence/rdb/list.js';
import { lindex, linsert, lpos, lrange, lrem, lset, ltrim } from './access.js';
import { blmove, blmpop, blpop, brpop, brpoplpush, lmove, lmpop, rpoplpush } from './move.js';
import { llen, lpop, lpush, lpushx, rpop, rpush, rpushx } from './push-pop.js';

export const LIST_COMMANDS: readonly CommandSpec[] = [
  lpush, rpush, lpushx, rpushx, lpop, rpop, llen, lrange, lindex, lset, linsert, lrem, ltrim, lpos,
  lmove, rpoplpush, lmpop, blpop, brpop, blmove, brpoplpush, blmpop,
];
