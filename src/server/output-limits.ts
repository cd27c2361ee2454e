// client-output-buffer-limit enforcement (Redis's checkClientOutputBufferLimits
// and closeClientOnOutputBufferLimitReached): per client class, a hard limit
// closes at once; a soft limit closes once exceeded for longer than N seconds.

import { clientInfoLine, clientType } from '../commands/connection/client-list.js';
import type { Config } from '../config/config.js';
import type { Client } from './client.js';
import type { Server } from './server.js';

interface ClassLimit {
  hard: number;
  soft: number;
  softSeconds: number;
}

const UNLIMITED: ClassLimit = { hard: 0, soft: 0, softSeconds: 0 };

export class OutputBufferLimits {
  normal: ClassLimit = UNLIMITED;
  replica: ClassLimit = UNLIMITED;
  pubsub: ClassLimit = UNLIMITED;
  /** Whether any class has a limit: clients are only measured then (hot path). */
  anyLimited = false;
  /** Whether the pubsub class has a limit (checked per message delivered). */
  pubsubLimited = false;

  constructor(private readonly server: Server, config: Config) {
    this.load(config.get('client-output-buffer-limit'));
    config.onChange((name, value) => {
      if (name === 'client-output-buffer-limit') this.load(value);
    });
  }

  /** Parses the canonical value: "normal <hard> <soft> <secs> slave ... pubsub ...". */
  private load(value: string): void {
    const parts = value.split(' ');
    for (let i = 0; i + 3 < parts.length; i += 4) {
      const limit: ClassLimit = { hard: Number(parts[i + 1]), soft: Number(parts[i + 2]), softSeconds: Number(parts[i + 3]) };
      if (parts[i] === 'normal') this.normal = limit;
      else if (parts[i] === 'slave') this.replica = limit;
      else if (parts[i] === 'pubsub') this.pubsub = limit;
    }
    const on = (l: ClassLimit): boolean => l.hard > 0 || l.soft > 0;
    this.pubsubLimited = on(this.pubsub);
    this.anyLimited = on(this.normal) || on(this.replica) || this.pubsubLimited;
  }

  private limitOf(client: Client): ClassLimit {
    if (client.isPubSub) return this.pubsub;
    // As Redis: masters are limited like normal clients.
    return clientType(client) === 'replica' ? this.replica : this.normal;
  }

  /**
   * Redis's checkClientOutputBufferLimits: whether the client is over its
   * hard limit, or over its soft limit for more than the soft seconds (the
   * soft timer starts the first time it is seen over, and is reset when it
   * is seen under). Pending output is the encoder's plus the socket's buffer.
   */
  exceeded(client: Client): boolean {
    const t = client.transport;
    if (t === null || client.isClosing) return false;
    const limit = this.limitOf(client);
    if (limit.hard === 0 && limit.soft === 0) return false;
    const used = t.outputBytes;
    const hard = limit.hard > 0 && used >= limit.hard;
    let soft = limit.soft > 0 && used >= limit.soft;
    if (soft) {
      const nowSec = Math.floor(this.server.keyspace.clock.now() / 1000);
      if (client.obufSoftLimitReachedSec === 0) {
        client.obufSoftLimitReachedSec = nowSec;
        soft = false;
      } else if (nowSec - client.obufSoftLimitReachedSec <= limit.softSeconds) {
        soft = false;
      }
    } else {
      client.obufSoftLimitReachedSec = 0;
    }
    return soft || hard;
  }

  /** Closes an over-limit client, dropping its pending output, with Redis's log line. */
  closeAsap(client: Client): void {
    if (client.isClosing || client.transport === null) return;
    const info = clientInfoLine(client, null);
    this.server.logger.warning(`Client ${info} scheduled to be closed ASAP for overcoming of output buffer limits.`);
    client.transport.kill();
  }

  /** Checks a client and closes it when over its limit; true when it was closed. */
  enforce(client: Client): boolean {
    if (!this.exceeded(client)) return false;
    this.closeAsap(client);
    return true;
  }
}
