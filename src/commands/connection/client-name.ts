// Client names (CLIENT SETNAME, HELLO SETNAME), validated as Redis's
// clientSetNameOrReply so CLIENT LIST stays splittable on spaces.

import { CLIENT_NAME_INVALID } from '../../errors.js';
import type { Client } from '../../server/client.js';

/** Sets or (with '') clears the name; only printable ASCII without spaces (0x21..0x7e) is allowed. */
export function setClientName(client: Client, name: string): void {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) throw CLIENT_NAME_INVALID;
  }
  client.name = name;
}
