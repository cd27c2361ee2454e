// The HELP subcommand reply shared by server containers, as Redis's
// addReplyHelp: a header line, the given lines, then HELP's own entry.

import type { CommandContext } from '../context.js';

export function replyHelp(ctx: CommandContext, container: string, lines: readonly string[]): void {
  ctx.reply.array(lines.length + 3);
  ctx.reply.simple(`${container} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`);
  for (const l of lines) ctx.reply.simple(l);
  ctx.reply.simple('HELP');
  ctx.reply.simple('    Prints this help.');
}
