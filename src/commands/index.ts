// The whole command table: every family's declarations, concatenated.

import type { CommandSpec } from './spec.js';
import { CONNECTION_COMMANDS } from './connection/index.js';
import { GENERIC_COMMANDS } from './generic/index.js';
import { SERVER_COMMANDS } from './server/index.js';
import { DATABASE_COMMANDS } from './server/databases.js';
import { STRING_COMMANDS } from './string/index.js';
import { LIST_COMMANDS } from './list/index.js';
import { HASH_COMMANDS } from './hash/index.js';
import { SET_COMMANDS } from './set/index.js';
import { PUBSUB_COMMANDS } from './pubsub/index.js';
import { TRANSACTION_COMMANDS } from './transactions/index.js';
import { SORTED_SET_COMMANDS } from './sorted-set/index.js';
import { BITMAP_COMMANDS } from './bitmap/index.js';
import { HYPERLOGLOG_COMMANDS } from './hyperloglog/index.js';
import { GEO_COMMANDS } from './geo/index.js';

export const ALL_COMMANDS: readonly CommandSpec[] = [
  ...CONNECTION_COMMANDS,
  ...SERVER_COMMANDS,
  ...DATABASE_COMMANDS,
  ...STRING_COMMANDS,
  ...LIST_COMMANDS,
  ...HASH_COMMANDS,
  ...SET_COMMANDS,
  ...PUBSUB_COMMANDS,
  ...GENERIC_COMMANDS,
  ...TRANSACTION_COMMANDS,
  ...SORTED_SET_COMMANDS,
  ...BITMAP_COMMANDS,
  ...HYPERLOGLOG_COMMANDS,
  ...GEO_COMMANDS,
];
