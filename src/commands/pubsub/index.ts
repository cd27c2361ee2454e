// The pubsub group (COMMAND DOCS group "pubsub").

import type { CommandSpec } from '../spec.js';
import { publish, spublish } from './publish.js';
import { pubsub } from './pubsub.js';
import { psubscribe, punsubscribe, ssubscribe, subscribe, sunsubscribe, unsubscribe } from './subscribe.js';

export const PUBSUB_COMMANDS: readonly CommandSpec[] = [
  subscribe, unsubscribe, psubscribe, punsubscribe, publish, pubsub, ssubscribe, sunsubscribe, spublish,
];
