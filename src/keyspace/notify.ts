// Keyspace notifications (Redis's notify.c): each keyspace event of an
// enabled class is published as __keyspace@<db>__:<key> → event and/or
// __keyevent@<db>__:<event> → key, according to notify-keyspace-events.

import type { Keyspace, KeyspaceListener } from './keyspace.js';

/** The class bits of notify-keyspace-events (Redis's NOTIFY_* values). */
export const NOTIFY_KEYSPACE = 1 << 0; // K
export const NOTIFY_KEYEVENT = 1 << 1; // E
const CLASS_BITS: Readonly<Record<string, number>> = {
  g: 1 << 2, $: 1 << 3, l: 1 << 4, s: 1 << 5, h: 1 << 6, z: 1 << 7,
  x: 1 << 8, e: 1 << 9, t: 1 << 10, m: 1 << 11, d: 1 << 12, n: 1 << 13,
};
/** 'A': every class except key misses (m) and new keys (n), as Redis's NOTIFY_ALL. */
const NOTIFY_ALL = CLASS_BITS.g! | CLASS_BITS.$! | CLASS_BITS.l! | CLASS_BITS.s! | CLASS_BITS.h! | CLASS_BITS.z!
  | CLASS_BITS.x! | CLASS_BITS.e! | CLASS_BITS.t! | CLASS_BITS.d!;

/** Redis's keyspaceEventsStringToFlags for an already validated value; unknown letters are ignored. */
export function keyspaceEventFlags(value: string): number {
  let flags = 0;
  for (const ch of value) {
    if (ch === 'A') flags |= NOTIFY_ALL;
    else if (ch === 'K') flags |= NOTIFY_KEYSPACE;
    else if (ch === 'E') flags |= NOTIFY_KEYEVENT;
    else flags |= CLASS_BITS[ch] ?? 0;
  }
  return flags;
}

/** Where notifications go: the pub/sub hub. */
export interface NotificationPublisher {
  publish(channel: string, message: string): number;
}

/**
 * Listens to keyspace events and publishes those of the enabled classes.
 * `flags` follows notify-keyspace-events (set by the owner on config change).
 */
export class KeyspaceNotifier implements KeyspaceListener {
  flags = 0;

  constructor(private readonly publisher: NotificationPublisher) {}

  /** Redis's notifyKeyspaceEvent; `type` is the class letter of the event. */
  event(type: string, event: string, key: string, dbId: number): void {
    const flags = this.flags;
    if (flags === 0) return;
    const bit = CLASS_BITS[type];
    if (bit === undefined || (flags & bit) === 0) return;
    if ((flags & NOTIFY_KEYSPACE) !== 0) this.publisher.publish(`__keyspace@${dbId}__:${key}`, event);
    if ((flags & NOTIFY_KEYEVENT) !== 0) this.publisher.publish(`__keyevent@${dbId}__:${event}`, key);
  }
}

/** The part of Config the notifier reads. */
interface EventsConfig {
  get(name: string): string;
  onChange(listener: (name: string, value: string) => void): void;
}

/** Creates the notifier, registers it with the keyspace and keeps it in step with notify-keyspace-events. */
export function attachKeyspaceNotifier(keyspace: Keyspace, config: EventsConfig,
  publisher: NotificationPublisher): KeyspaceNotifier {
  const notifier = new KeyspaceNotifier(publisher);
  const apply = (value: string): void => {
    const flags = keyspaceEventFlags(value);
    notifier.flags = flags;
    // Misses and inserts are frequent: they raise events only when their class is asked for.
    keyspace.emitsKeyMissEvents = (flags & CLASS_BITS.m!) !== 0;
    keyspace.emitsNewKeyEvents = (flags & CLASS_BITS.n!) !== 0;
  };
  apply(config.get('notify-keyspace-events'));
  config.onChange((name, value) => {
    if (name === 'notify-keyspace-events') apply(value);
  });
  keyspace.addListener(notifier);
  return notifier;
}
