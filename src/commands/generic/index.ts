// The generic group (COMMAND DOCS group "generic"): commands on keys of any type.

import type { CommandSpec } from '../spec.js';
import { del, exists, touch, type, unlink } from './del.js';
import { dump, restore } from './dump-restore.js';
import { expire, expireat, persist, pexpire, pexpireat } from './expire.js';
import { keys, randomkey, scan } from './keys.js';
import { object } from './object.js';
import { copy, move, rename, renamenx } from './rename.js';
import { expiretime, pexpiretime, pttl, ttl } from './ttl.js';
import { wait } from './wait.js';
import { sort, sort_ro } from './sort.js';

export const GENERIC_COMMANDS: readonly CommandSpec[] = [
  del, unlink, exists, touch, type,
  rename, renamenx, move, copy,
  keys, scan, randomkey,
  expire, pexpire, expireat, pexpireat, persist,
  ttl, pttl, expiretime, pexpiretime,
  object, dump, restore, wait,
  sort, sort_ro,
];
