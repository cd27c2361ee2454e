// The server group (COMMAND DOCS group "server").

import type { CommandSpec } from '../spec.js';
import { command } from './command.js';
import { config } from './config.js';
import { info, lastsave, time } from './info.js';

export const SERVER_COMMANDS: readonly CommandSpec[] = [command, config, info, time, lastsave];
