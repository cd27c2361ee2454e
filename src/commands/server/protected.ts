// Redis 7.0's gate for protected commands (DEBUG, MODULE): allowed when
// enable-debug-command / enable-module-command is "yes", or "local" for a
// loopback client. The dispatcher asks before running one.

import type { RegisteredCommand } from '../registry.js';
import type { CommandContext } from '../context.js';
import { allowProtected } from './config.js';

export function protectedCommandAllowed(ctx: CommandContext, cmd: RegisteredCommand): boolean {
  const root = cmd.parent?.spec.name ?? cmd.spec.name;
  const setting = root === 'module' ? 'enable-module-command' : 'enable-debug-command';
  return allowProtected(ctx, ctx.server.config.get(setting));
}
