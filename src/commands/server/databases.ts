// Whole-database commands: SELECT-independent keyspace management
// (DBSIZE, FLUSHDB, FLUSHALL, SWAPDB).

import type { CommandSpec } from '../spec.js';

export const DATABASE_COMMANDS: readonly CommandSpec[] = [];
