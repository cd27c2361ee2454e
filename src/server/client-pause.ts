// CLIENT PAUSE state (Redis's pauseClients/unpauseClients): while a pause is
// active, commands it covers are postponed, not rejected — their connection
// stops processing input and resumes when the pause ends. Timer based.

import { Flag, type RegisteredCommand } from '../commands/registry.js';
import type { Keyspace } from '../keyspace/keyspace.js';
import type { Client } from './client.js';

/** 0: not paused; 1: WRITE (write commands and those that may replicate: EVAL, PUBLISH...); 2: ALL. */
export type PauseType = 0 | 1 | 2;
export const PAUSE_NONE = 0;
export const PAUSE_WRITE = 1;
export const PAUSE_ALL = 2;

/** A connection holding a postponed command. */
export interface PauseWaiter {
  resumeAfterPause(): void;
}

/** setTimeout's longest delay; longer pauses re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ClientPause {
  /** The strongest pause in force, PAUSE_NONE when not paused. */
  type: PauseType = PAUSE_NONE;
  /** When the pause ends (ms since the epoch, keyspace clock). */
  endMs = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Postponed connections, in the order they were paused (resumed FIFO, as Redis's postponed_clients). */
  private readonly waiters = new Set<PauseWaiter>();

  constructor(private readonly keyspace: Keyspace) {}

  /**
   * CLIENT PAUSE: while a pause is active, a new one can only extend it and
   * make it stronger (Redis keeps the max of both type and end time).
   * `endMs` may be a bigint past int64: it wraps as in C and ends at once.
   */
  pause(type: PauseType, endMs: bigint): void {
    const end = BigInt.asIntN(64, endMs);
    if (this.type !== PAUSE_NONE) {
      if (type > this.type) this.type = type;
      if (end > BigInt(this.endMs)) {
        this.endMs = Number(end);
        this.arm();
      }
      return;
    }
    if (end <= BigInt(this.keyspace.clock.now())) return;
    this.type = type;
    this.endMs = Number(end);
    this.keyspace.isExpiryPaused = true;
    this.arm();
  }

  /** CLIENT UNPAUSE, or the end of the pause: postponed connections resume on the next turn. */
  unpause(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.type === PAUSE_NONE) return;
    this.type = PAUSE_NONE;
    this.endMs = 0;
    this.keyspace.isExpiryPaused = false;
    if (this.waiters.size > 0) setImmediate(() => this.resumeWaiters());
  }

  /** Whether `cmd` from `client` must wait (replicas never do; in-process clients cannot). */
  blocks(cmd: RegisteredCommand, client: Client): boolean {
    if (this.type === PAUSE_NONE || client.transport === null) return false;
    if (this.type === PAUSE_ALL) return true;
    let flags = cmd.flags;
    // EXEC is a write when what it runs is (Redis checks mstate.cmd_flags).
    if (cmd.fullName === 'exec') flags |= client.multiFlags;
    return (flags & (Flag.write | Flag.may_replicate)) !== 0;
  }

  wait(waiter: PauseWaiter): void {
    this.waiters.add(waiter);
  }

  /** A postponed connection went away. */
  cancel(waiter: PauseWaiter): void {
    this.waiters.delete(waiter);
  }

  /** Connections holding a postponed command (INFO blocked_clients counts them, as Redis does). */
  get postponedCount(): number {
    return this.waiters.size;
  }

  private resumeWaiters(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    // A resumed command may pause again (CLIENT PAUSE): the rest then re-register.
    for (const w of waiting) w.resumeAfterPause();
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, this.endMs - this.keyspace.clock.now()));
    this.timer = setTimeout(() => this.onTimer(), delay);
    this.timer.unref();
  }

  private onTimer(): void {
    this.timer = null;
    // A manual clock may not have moved with real time: look again later.
    if (this.keyspace.clock.now() < this.endMs) this.arm();
    else this.unpause();
  }
}
