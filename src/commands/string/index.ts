// The string group (COMMAND DOCS group "string").

import type { CommandSpec } from '../spec.js';
import { append } from './append.js';
import { get } from './get.js';
import { getdel, getex } from './getex.js';
import { INCR_COMMANDS } from './incr.js';
import { lcs } from './lcs.js';
import { mget, mset, msetnx } from './mget-mset.js';
import { RANGE_COMMANDS } from './range.js';
import { SET_COMMANDS } from './set.js';

export const STRING_COMMANDS: readonly CommandSpec[] = [
  get, ...SET_COMMANDS, getex, getdel, mget, mset, msetnx, append, ...RANGE_COMMANDS, ...INCR_COMMANDS, lcs,
];
