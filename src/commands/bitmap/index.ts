// The bitmap group (COMMAND DOCS group "bitmap").

import type { CommandSpec } from '../spec.js';
import { bitfield, bitfieldRo } from './bitfield.js';
import { bitcount, bitop, bitpos, getbit, setbit } from './bitops.js';

export const BITMAP_COMMANDS: readonly CommandSpec[] = [setbit, getbit, bitcount, bitpos, bitop, bitfield, bitfieldRo];
