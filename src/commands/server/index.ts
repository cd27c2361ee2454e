// The server group (COMMAND DOCS group "server").

import type { CommandSpec } from '../spec.js';
import { command } from './command.js';
import { config } from './config.js';
import { info, lastsave, time } from './info.js';
import { shutdown } from './shutdown.js';
import { bgsave, save } from './save.js';
import { bgrewriteaof } from './bgrewriteaof.js';
import { debug } from './debug.js';
import { slowlog } from './slowlog.js';
import { latency } from './latency.js';
import { memory } from './memory.js';
import { fcall, fcallRo, functionCommand } from './function.js';

export const SERVER_COMMANDS: readonly CommandSpec[] = [
  command, config, info, time, lastsave, save, bgsave, bgrewriteaof, shutdown, debug, slowlog, latency, memory,
  // FUNCTION and FCALL belong to the scripting group; they live here until scripting exists.
  functionCommand, fcall, fcallRo,
];
