// One client socket: bytes in → parser → dispatcher → encoder → bytes out.
// All replies produced by one read are written with one socket write. When
// the peer stops reading, we stop reading from it too, so a client can never
// make the server buffer unbounded output. A command held by CLIENT PAUSE
// stops this client's input until the pause ends (client-pause.ts). With the
// AOF on, replies wait for the turn's AOF write (append-only-file.ts).

import type { Socket } from 'node:net';
import { ProtocolError } from '../errors.js';
import { QueryBufferLimitError, RequestParser } from '../protocol/resp-parser.js';
import { RespEncoder } from '../protocol/resp-encoder.js';
import { Client, type ClientTransport } from './client.js';
import { beginCommandBatch, endCommandBatch, execute } from './dispatcher.js';
import type { PauseWaiter } from './client-pause.js';
import type { ReplyHolder } from '../persistence/aof/append-only-file.js';
import type { Server } from './server.js';

/** Output bytes buffered in the socket beyond which we stop reading from this client. */
const OUTPUT_HIGH_WATER = 16 * 1024 * 1024;
/** Encoded replies beyond which a long pipeline is written out mid-batch. */
const ENCODER_FLUSH_AT = 1024 * 1024;

export function formatAddr(ip: string | undefined, port: number | undefined): string {
  if (ip === undefined) return '?:0';
  if (ip.startsWith('::ffff:') && ip.includes('.')) ip = ip.slice(7);
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export class Connection implements ClientTransport, PauseWaiter, ReplyHolder {
  readonly client: Client;
  private readonly parser: RequestParser;
  private readonly encoder = new RespEncoder();
  private closing = false;
  private closeWhenFlushed = false;
  private pausedForOutput = false;
  private flushScheduled = false;
  private processing = false;
  /** Query buffer length when this batch of input started (Redis trims its querybuf only after the batch). */
  private batchQueryBytes = 0;
  /** The command CLIENT PAUSE holds back; input stops behind it. */
  private postponed: string[] | null = null;
  private peakReply = 0;
  /** Set while the client is blocked on keys (blocking.ts): input waits, as Redis's CLIENT_BLOCKED. */
  private blocked = false;

  constructor(private readonly socket: Socket, private readonly server: Server) {
    this.client = new Client(server, this.encoder, formatAddr(socket.remoteAddress, socket.remotePort),
      formatAddr(socket.localAddress, socket.localPort), this);
    this.parser = new RequestParser({
      maxBulkLen: server.config.num('proto-max-bulk-len'),
      queryBufferLimit: server.config.num('client-query-buffer-limit'),
    });
    this.parser.authenticated = this.client.authenticated;
    server.addClient(this.client);
    socket.setNoDelay(true);
    const keepAlive = server.config.num('tcp-keepalive');
    if (keepAlive > 0) socket.setKeepAlive(true, keepAlive * 1000);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
  }

  get outputBytes(): number {
    return this.socket.writableLength + this.encoder.pendingBytes;
  }

  get queryBufferBytes(): number {
    return this.processing ? this.batchQueryBytes : this.parser.pendingBytes;
  }

  get fd(): number {
    // Node keeps the descriptor on the socket's internal handle (POSIX only).
    const handle = (this.socket as unknown as { _handle?: { fd?: unknown } })._handle;
    return typeof handle?.fd === 'number' ? handle.fd : -1;
  }

  get postponedArgv(): readonly string[] | null {
    return this.postponed;
  }

  get replyPeakBytes(): number {
    return this.peakReply;
  }

  get events(): string {
    return (this.pausedForOutput || this.closing ? '' : 'r') + (this.socket.writableLength > 0 ? 'w' : '');
  }

  get isClosingAfterReply(): boolean {
    return this.closeWhenFlushed;
  }

  block(): void {
    this.blocked = true;
  }

  /** The client was served, timed out or unblocked: flush its reply and carry on with its input on the next turn. */
  unblock(): void {
    if (!this.blocked) return;
    this.blocked = false;
    setImmediate(() => {
      if (!this.processing && !this.closing && !this.blocked) this.processInput();
    });
  }

  closeAfterReply(): void {
    this.closeWhenFlushed = true;
  }

  kill(): void {
    this.encoder.discard();
    this.destroy();
  }

  scheduleFlush(): void {
    if (this.flushScheduled || this.processing) return;
    this.flushScheduled = true;
    // One setImmediate for all connections with pushed output (a PUBLISH to 10,000 subscribers schedules one callback).
    pendingFlushes.push(this);
    if (pendingFlushes.length === 1) setImmediate(flushPending);
  }

  /** @internal the turn after scheduleFlush */
  runScheduledFlush(): void {
    this.flushScheduled = false;
    this.flush();
  }

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    this.server.stats.netInputBytes += chunk.length;
    // As Redis's readQueryFromClient: once per read, not per command.
    this.client.lastInteractionMs = this.server.keyspace.clock.now();
    try {
      this.parser.feed(chunk);
    } catch (err) {
      if (!(err instanceof QueryBufferLimitError)) throw err;
      this.server.logger.warning(`Closing client that reached max query buffer length: id=${this.client.id} addr=${this.client.addr}`);
      this.kill();
      return;
    }
    this.processInput();
  }

  /** Called on the turn after a client pause ends: runs the held command, then the rest of the input. */
  resumeAfterPause(): void {
    const argv = this.postponed;
    if (argv === null || this.closing) return;
    this.postponed = null;
    this.processing = true;
    this.batchQueryBytes = this.parser.pendingBytes;
    const done = this.runCommand(argv);
    this.processing = false;
    if (done) this.processInput();
    else this.flush();
  }

  private processInput(): void {
    const client = this.client;
    const parser = this.parser;
    this.processing = true;
    this.batchQueryBytes = parser.pendingBytes;
    beginCommandBatch();
    while (!this.closing && !this.closeWhenFlushed && !this.pausedForOutput && this.postponed === null && !this.blocked) {
      let argv: string[] | null;
      parser.authenticated = !client.authRequired;
      try {
        argv = parser.next();
      } catch (err) {
        if (!(err instanceof ProtocolError)) throw err;
        this.encoder.error(`ERR ${err.message}`);
        this.server.recordError('ERR');
        this.server.logger.verbose(`Protocol error (${err.reason}) from client: id=${client.id} addr=${client.addr}`);
        this.closeWhenFlushed = true;
        break;
      }
      if (argv === null) break;
      if (!this.runCommand(argv)) break;
      if (this.encoder.pendingBytes > ENCODER_FLUSH_AT) {
        this.flush();
        if (this.socket.writableLength > OUTPUT_HIGH_WATER) this.pauseForOutput();
        // The write (and any AOF commit) is no command's time.
        beginCommandBatch();
      }
    }
    endCommandBatch();
    this.processing = false;
    this.flush();
  }

  /**
   * Runs one command; false when CLIENT PAUSE postponed it (it is kept and
   * re-run from the start, checks included, when the pause ends).
   */
  private runCommand(argv: string[]): boolean {
    const client = this.client;
    if (client.replyMode === 'on' && !maybeReplyCommand(argv)) {
      if (execute(client, argv)) return true;
    } else if (this.executeWithReplyMode(argv)) {
      return true;
    }
    this.postponed = argv;
    this.server.clientPause.wait(this);
    return false;
  }

  /** Runs one command honouring CLIENT REPLY OFF/SKIP (Redis drops those replies). */
  private executeWithReplyMode(argv: string[]): boolean {
    const client = this.client;
    const before = client.replyMode;
    const mark = this.encoder.checkpoint();
    if (!execute(client, argv)) return false;
    const after = client.replyMode;
    if (after === 'off' || after === 'skip-next' || (before === 'skip' && after === 'skip')) {
      this.encoder.rollback(mark);
    }
    if (client.heldPushes !== '') {
      // Pub/sub pushes survive CLIENT REPLY OFF/SKIP (pubsub-hub.ts).
      this.encoder.raw(client.heldPushes);
      client.heldPushes = '';
    }
    if (after === 'skip-next') client.replyMode = 'skip';
    else if (before === 'skip' && after === 'skip') client.replyMode = 'on';
    return true;
  }

  /** The AOF write these replies waited for is done (aof/append-only-file.ts). */
  releaseHeldReplies(): void {
    this.flush();
  }

  private flush(): void {
    if (this.closing) return;
    const aof = this.server.aof;
    if (aof.state !== 'off' && this.encoder.pendingBytes > 0) {
      // Replies leave after this turn's AOF write (group commit); a large
      // backlog commits at once rather than growing.
      if (this.encoder.pendingBytes > ENCODER_FLUSH_AT) aof.commit();
      else if (aof.holdReplies(this)) return;
    }
    const out = this.encoder.take();
    if (out !== null) {
      if (typeof out === 'string') {
        if (out.length > this.peakReply) this.peakReply = out.length;
        this.server.stats.netOutputBytes += out.length;
        this.socket.write(out, 'latin1');
      } else {
        this.socket.cork();
        let total = 0;
        for (const part of out) {
          total += part.length;
          this.server.stats.netOutputBytes += part.length;
          if (typeof part === 'string') this.socket.write(part, 'latin1');
          else this.socket.write(part);
        }
        this.socket.uncork();
        if (total > this.peakReply) this.peakReply = total;
      }
    }
    if (this.server.outputLimits.anyLimited && this.server.outputLimits.enforce(this.client)) return;
    if (this.closeWhenFlushed) {
      this.closing = true;
      this.socket.end();
      this.server.removeClient(this.client);
    } else if (this.client.isClosing) {
      this.kill();
    }
  }

  private pauseForOutput(): void {
    this.pausedForOutput = true;
    this.socket.pause();
  }

  private onDrain(): void {
    if (!this.pausedForOutput) return;
    this.pausedForOutput = false;
    this.socket.resume();
    this.processInput();
  }

  private destroy(): void {
    if (this.postponed !== null) {
      this.server.clientPause.cancel(this);
      this.postponed = null;
    }
    if (this.closing && this.socket.destroyed) {
      this.server.removeClient(this.client);
      return;
    }
    this.closing = true;
    this.client.isClosing = true;
    this.socket.destroy();
    this.server.removeClient(this.client);
  }
}

let pendingFlushes: Connection[] = [];

function flushPending(): void {
  const list = pendingFlushes;
  pendingFlushes = [];
  for (const c of list) c.runScheduledFlush();
}

/** CLIENT REPLY changes whether the reply being produced is kept, so it takes the careful path. */
function maybeReplyCommand(argv: string[]): boolean {
  const name = argv[0]!;
  return name.length === 6 && name.toLowerCase() === 'client';
}
