// The string group (COMMAND DOCS group "string").

import type { CommandSpec } from '../spec.js';

export const STRING_COMMANDS: readonly CommandSpec[] = [];
