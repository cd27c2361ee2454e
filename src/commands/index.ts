// The whole command table: every family's declarations, concatenated.

import type { CommandSpec } from './spec.js';
import { CONNECTION_COMMANDS } from './connection/index.js';
import { GENERIC_COMMANDS } from './generic/index.js';
import { SERVER_COMMANDS } from './server/index.js';
import { DATABASE_COMMANDS } from './server/databases.js';
import { STRING_COMMANDS } from './string/index.js';

export const ALL_COMMANDS: readonly CommandSpec[] = [
  ...CONNECTION_COMMANDS,
  ...SERVER_COMMANDS,
  ...DATABASE_COMMANDS,
  ...STRING_COMMANDS,
  ...GENERIC_COMMANDS,
];
