// The server group (COMMAND DOCS group "server").

import type { CommandSpec } from '../spec.js';

export const SERVER_COMMANDS: readonly CommandSpec[] = [];
