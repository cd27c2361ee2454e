// The sorted-set group (COMMAND DOCS group "sorted-set").

import '../../persistence/rdb/zset.js';
import type { CommandSpec } from '../spec.js';
import { BASIC_COMMANDS } from './basic.js';
import { BLOCKING_POP_COMMANDS, POP_COMMANDS } from './pop.js';
import { RANDOM_SCAN_COMMANDS } from './random-scan.js';
import { RANGE_COMMANDS } from './range.js';
import { SETOP_COMMANDS } from './setops.js';

export const SORTED_SET_COMMANDS: readonly CommandSpec[] = [
  ...BASIC_COMMANDS, ...RANGE_COMMANDS, ...POP_COMMANDS, ...BLOCKING_POP_COMMANDS, ...SETOP_COMMANDS, ...RANDOM_SCAN_COMMANDS,
];
