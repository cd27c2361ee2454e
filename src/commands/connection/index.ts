// The connection group (COMMAND DOCS group "connection").

import type { CommandSpec } from '../spec.js';
import { echo, ping, quit } from './ping.js';

export const CONNECTION_COMMANDS: readonly CommandSpec[] = [ping, echo, quit];
