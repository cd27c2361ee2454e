// The hash group (COMMAND DOCS group "hash").

import '../../persistence/rdb/hash.js';
import type { CommandSpec } from '../spec.js';
import { HASH_RANDOM_SCAN_COMMANDS } from './random-scan.js';
import { HASH_READ_COMMANDS } from './read.js';
import { HASH_WRITE_COMMANDS } from './write.js';

export const HASH_COMMANDS: readonly CommandSpec[] = [
  ...HASH_WRITE_COMMANDS, ...HASH_READ_COMMANDS, ...HASH_RANDOM_SCAN_COMMANDS,
];
