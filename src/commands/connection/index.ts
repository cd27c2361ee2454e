// The connection group (COMMAND DOCS group "connection"), plus MONITOR
// (group "server", but it is connection state).

import type { CommandSpec } from '../spec.js';
import { auth, hello } from './auth.js';
import { client } from './client.js';
import { echo, ping, quit } from './ping.js';
import { monitor, reset } from './reset.js';
import { select } from './select.js';

export const CONNECTION_COMMANDS: readonly CommandSpec[] = [ping, echo, quit, auth, hello, select, reset, client, monitor];
