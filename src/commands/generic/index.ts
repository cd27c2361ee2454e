// The generic group (COMMAND DOCS group "generic").

import type { CommandSpec } from '../spec.js';

export const GENERIC_COMMANDS: readonly CommandSpec[] = [];
