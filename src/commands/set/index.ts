// The set group (COMMAND DOCS group "set").

import '../../persistence/rdb/set.js';
import type { CommandSpec } from '../spec.js';
import { SET_ALGEBRA_COMMANDS } from './algebra.js';
import { SET_BASIC_COMMANDS } from './basic.js';
import { SET_RANDOM_COMMANDS } from './random.js';

export const SET_COMMANDS: readonly CommandSpec[] = [...SET_BASIC_COMMANDS, ...SET_RANDOM_COMMANDS, ...SET_ALGEBRA_COMMANDS];
