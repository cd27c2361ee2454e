// Client-side caching side by side with redis-server: the same multi-connection
// scenario runs on both, raw bytes per step compared (client ids normalised):
// errors, RESP3 pushes, RESP2 redirect messages, BCAST, OPTIN/OPTOUT, NOLOOP, flushes.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from './harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { replyEnd } from '../helpers/resp-reader.js';

interface Conn {
  send(...cmds: string[][]): void;
  /** Everything received after waiting `ms`, and longer while output is still arriving or a frame is cut. */
  take(ms?: number): Promise<string>;
  /** Waits (bounded) for at least one complete reply, then returns everything received. */
  takeReply(): Promise<string>;
  close(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether `text` is a sequence of whole RESP frames. */
function wholeFrames(text: string): boolean {
  const buf = Buffer.from(text, 'latin1');
  for (let pos = 0; pos < buf.length;) {
    const end = replyEnd(buf, pos);
    if (end === -1) return false;
    pos = end;
  }
  return true;
}

function connect(port: number): Conn {
  const s = net.connect(port, '127.0.0.1');
  let buf = '';
  s.setEncoding('latin1');
  s.on('data', (d: string) => { buf += d; });
  const drain = () => {
    const b = buf;
    buf = '';
    return b;
  };
  return {
    send(...cmds) {
      for (const c of cmds) s.write('*' + c.length + '\r\n' + c.map((a) => '$' + a.length + '\r\n' + a + '\r\n').join(''), 'latin1');
    },
    async take(ms = 80) {
      await sleep(ms);
      // On a loaded machine replies can straggle: wait for the output to settle.
      const deadline = Date.now() + 3000;
      for (let seen = -1; Date.now() < deadline && (buf.length !== seen || !wholeFrames(buf));) {
        seen = buf.length;
        await sleep(30);
      }
      return drain();
    },
    async takeReply() {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (buf.length === 0 || !wholeFrames(buf))) await sleep(5);
      return drain();
    },
    close() { s.destroy(); },
  };
}

type Scenario = (conn: () => Conn, log: (label: string, out: string) => void) => Promise<void>;

async function run(port: number, scenario: Scenario): Promise<string[]> {
  const conns: Conn[] = [];
  const out: string[] = [];
  try {
    await scenario(() => { const c = connect(port); conns.push(c); return c; }, (l, o) => out.push(`${l}: ${o}`));
  } finally {
    for (const c of conns) c.close();
  }
  return out;
}

async function ids(...cs: Conn[]): Promise<string[]> {
  const r: string[] = [];
  for (const c of cs) {
    c.send(['CLIENT', 'ID']);
    r.push(/:(\d+)/.exec(await c.takeReply())![1]!);
  }
  return r;
}

/** Replaces client ids (and lengths of lines that contain them) so both servers' logs compare. */
function normalise(lines: string[], idsOf: string[]): string[] {
  return lines.map((l) => idsOf.reduce((s, id, i) => s.split(`:${id}\r\n`).join(`:<id${i}>\r\n`), l));
}

const skip = redisSkipReason();

describe('client-side caching side by side', { skip }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  async function compare(scenario: Scenario): Promise<void> {
    const real = await run(sbs.redisPort, scenario);
    const ours = await run(sbs.respitePort, scenario);
    assert.deepEqual(ours, real);
  }

  it('argument errors and TRACKINGINFO / GETREDIR', () => compare(async (conn, log) => {
    const a = conn();
    a.send(['FLUSHALL']);
    await a.take();
    const cmds = [
      ['CLIENT', 'TRACKING', 'ON', 'PREFIX', 'a'], ['CLIENT', 'TRACKING', 'ON', 'OPTIN', 'OPTOUT'],
      ['CLIENT', 'TRACKING', 'ON', 'BCAST', 'OPTIN'], ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', '999999'],
      ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', 'x'], ['CLIENT', 'TRACKING', 'ON', 'FOO'], ['CLIENT', 'TRACKING', 'MAYBE'],
      ['CLIENT', 'TRACKING', 'ON', 'REDIRECT'], ['CLIENT', 'TRACKING', 'ON', 'PREFIX'], ['CLIENT', 'CACHING', 'YES'],
      ['CLIENT', 'GETREDIR'], ['CLIENT', 'TRACKINGINFO'], ['CLIENT', 'TRACKING'], ['CLIENT', 'CACHING'],
      // Redis replies the error and then +OK when the overlap is not with the first prefix.
      ['CLIENT', 'TRACKING', 'ON', 'BCAST', 'PREFIX', 'a', 'PREFIX', 'b', 'PREFIX', 'bc'], ['CLIENT', 'TRACKINGINFO'],
      ['CLIENT', 'TRACKING', 'ON', 'BCAST', 'PREFIX', 'ab'], ['CLIENT', 'TRACKING', 'ON'], ['CLIENT', 'TRACKING', 'OFF'],
      ['CLIENT', 'TRACKING', 'ON', 'BCAST', 'PREFIX', 'a', 'PREFIX', 'ab'], ['CLIENT', 'TRACKING', 'OFF'],
      ['CLIENT', 'TRACKING', 'ON', 'OPTIN'], ['CLIENT', 'CACHING', 'NO'], ['CLIENT', 'CACHING', 'maybe'],
      ['CLIENT', 'CACHING', 'YES'], ['CLIENT', 'TRACKINGINFO'], ['CLIENT', 'TRACKING', 'ON', 'OPTOUT'],
      ['CLIENT', 'TRACKING', 'ON', 'BCAST'], ['CLIENT', 'TRACKING', 'OFF', 'FOO'], ['CLIENT', 'GETREDIR'],
      ['CLIENT', 'TRACKING', 'OFF'], ['CLIENT', 'TRACKING', 'ON', 'OPTOUT', 'NOLOOP'], ['CLIENT', 'CACHING', 'NO'],
      ['CLIENT', 'TRACKINGINFO'], ['HELLO', '3'], ['CLIENT', 'TRACKINGINFO'], ['RESET'], ['CLIENT', 'TRACKINGINFO'],
    ];
    for (const c of cmds) {
      a.send(c);
      // HELLO shows the connection id, which differs between the servers.
      log(c.join(' '), (await a.take(30)).replace(/id\r\n:\d+/, 'id'));
    }
  }));

  it('default mode: RESP3 pushes, own writes after the reply, MULTI, flushes, SWAPDB', () => compare(async (conn, log) => {
    const a = conn();
    const b = conn();
    a.send(['HELLO', '3'], ['FLUSHALL']);
    await a.take();
    a.send(['CLIENT', 'TRACKING', 'ON'], ['GET', 'k'], ['MGET', 'k', 'k2']);
    log('read', await a.take());
    b.send(['SET', 'k', '1']);
    log('b', await b.take());
    log('a', await a.take());
    b.send(['SET', 'k', '2']);
    await b.take();
    log('a not again', await a.take());
    a.send(['GET', 'k2']);
    await a.take();
    a.send(['SET', 'k2', 'x']);
    log('own write', await a.take());
    a.send(['GET', 'k'], ['MULTI'], ['SET', 'k', '2'], ['GET', 'k'], ['SET', 'k', '3'], ['EXEC']);
    log('multi', await a.take());
    a.send(['GET', 'k'], ['FLUSHALL']);
    log('own flushall', await a.take());
    a.send(['SWAPDB', '0', '1']);
    log('swapdb', await a.take());
    b.send(['FLUSHDB']);
    await b.take();
    log('other flushdb', await a.take());
    a.send(['GET', 'x'], ['SELECT', '1']);
    await a.take();
    b.send(['SELECT', '2'], ['SET', 'x', '1']);
    await b.take();
    log('any db', await a.take());
    a.send(['SET', 'e', 'v', 'PX', '300'], ['GET', 'e']);
    await a.take(20);
    // Active expiry runs on each server's own schedule: wait for the invalidation itself.
    log('active expiry', await a.takeReply());
    a.send(['INFO', 'clients']);
    log('info', /tracking_clients:\d+/.exec(await a.take())![0]);
    a.send(['CLIENT', 'TRACKING', 'OFF'], ['SET', 'x', '2']);
    log('off', await a.take());
  }));

  it('RESP2 redirect: __redis__:invalidate messages, null in the tracking client protocol, broken redirect', () => compare(async (conn, log) => {
    const a = conn();
    const b = conn();
    const r = conn();
    const [ida, , idr] = await ids(a, b, r);
    const norm = (s: string): string => normalise([s], [ida!, idr!])[0]!;
    b.send(['FLUSHALL']);
    await b.take();
    a.send(['CLIENT', 'TRACKING', 'ON', 'REDIRECT', idr!], ['GET', 'k'], ['CLIENT', 'GETREDIR']);
    log('a', norm(await a.take()));
    b.send(['SET', 'k', '1']);
    await b.take();
    log('r not subscribed', await r.take());
    r.send(['SUBSCRIBE', 'other']);
    await r.take();
    a.send(['GET', 'k']);
    await a.take();
    b.send(['SET', 'k', '1']);
    await b.take();
    log('r subscribed', await r.take());
    a.send(['GET', 'k']);
    await a.take();
    b.send(['FLUSHALL']);
    await b.take();
    log('r flush', await r.take());
    a.send(['HELLO', '3']);
    await a.take();
    b.send(['FLUSHALL']);
    await b.take();
    log('r flush resp3 tracker', await r.take());
    a.send(['HELLO', '2']);
    await a.take();
    r.close();
    await a.take();
    a.send(['GET', 'k']);
    await a.take();
    b.send(['SET', 'k', '1']);
    await b.take();
    log('broken resp2', await a.take());
    a.send(['CLIENT', 'TRACKINGINFO']);
    log('info', norm(await a.take()));
    a.send(['HELLO', '3'], ['GET', 'k']);
    await a.take();
    b.send(['SET', 'k', '1']);
    await b.take();
    log('broken resp3', norm(await a.take()));
    a.send(['GET', 'k'], ['SET', 'k', '2']);
    log('broken own write', norm(await a.take()));
  }));

  it('BCAST prefixes, NOLOOP, OPTIN/OPTOUT with CACHING', () => compare(async (conn, log) => {
    const a = conn();
    const b = conn();
    a.send(['HELLO', '3'], ['FLUSHALL']);
    await a.take();
    a.send(['CLIENT', 'TRACKING', 'ON', 'BCAST', 'PREFIX', 'user:', 'PREFIX', 'obj']);
    await a.take();
    b.send(['MSET', 'user:2', 'x', 'user:1', 'y', 'objz', '1', 'other', '1']);
    await b.take();
    log('bcast', await a.take());
    b.send(['MULTI'], ['DEL', 'user:2'], ['SET', 'user:0', '1'], ['EXEC']);
    await b.take();
    log('bcast batch', await a.take());
    a.send(['SET', 'user:3', 'x']);
    log('bcast own', await a.take());
    a.send(['CLIENT', 'TRACKING', 'ON', 'BCAST', 'NOLOOP'], ['SET', 'user:4', 'x'], ['SET', 'zz', 'x']);
    log('bcast noloop', await a.take());
    b.send(['SET', 'zz', 'y']);
    await b.take();
    log('bcast empty prefix', await a.take());
    a.send(['CLIENT', 'TRACKINGINFO'], ['INFO', 'stats']);
    log('bcast info', (await a.take()).replace(/=\d+\r\ntxt:# Stats[\s\S]*(tracking_total_keys[^\r]*\r\ntracking_total_items[^\r]*\r\ntracking_total_prefixes[^\r]*)[\s\S]*/, '$1'));
    a.send(['FLUSHALL']);
    log('bcast flush', await a.take());
    a.send(['CLIENT', 'TRACKING', 'OFF'], ['CLIENT', 'TRACKING', 'ON', 'OPTIN'], ['GET', 'k1'], ['CLIENT', 'CACHING', 'YES'],
      ['CLIENT', 'ID'], ['GET', 'k2'], ['GET', 'k3']);
    await a.take();
    b.send(['MSET', 'k1', '1', 'k2', '2', 'k3', '3']);
    await b.take();
    log('optin', await a.take());
    a.send(['CLIENT', 'CACHING', 'YES'], ['MULTI'], ['GET', 'k1'], ['GET', 'k3'], ['EXEC']);
    await a.take();
    b.send(['MSET', 'k1', '1', 'k2', '2', 'k3', '3']);
    await b.take();
    log('optin multi', await a.take());
    a.send(['CLIENT', 'CACHING', 'YES'], ['NOSUCHCMD'], ['GET', 'k1'], ['CLIENT', 'CACHING', 'YES'], ['GET'], ['GET', 'k2']);
    await a.take();
    b.send(['MSET', 'k1', '1', 'k2', '2', 'k3', '3']);
    await b.take();
    log('optin after rejected', await a.take());
    a.send(['CLIENT', 'TRACKING', 'OFF'], ['CLIENT', 'TRACKING', 'ON', 'OPTOUT', 'NOLOOP'], ['GET', 'k1'],
      ['CLIENT', 'CACHING', 'NO'], ['GET', 'k2'], ['GET', 'k3'], ['SET', 'k3', 'z']);
    await a.take();
    b.send(['MSET', 'k1', '1', 'k2', '2', 'k3', '3']);
    await b.take();
    log('optout noloop', await a.take());
  }));

  it('RESP3 and self redirects, CLIENT REPLY OFF/SKIP, MULTI with OFF and FLUSHALL, CLIENT LIST flags', () => compare(async (conn, log) => {
    const a = conn();
    const b = conn();
    const r = conn();
    const [ida, , idr] = await ids(a, b, r);
    const norm = (s: string): string => normalise([s], [ida!, idr!])[0]!;
    r.send(['HELLO', '3']);
    a.send(['HELLO', '3']);
    b.send(['FLUSHALL']);
    await Promise.all([r.take(), a.take(), b.take()]);
    a.send(['CLIENT', 'TRACKING', 'ON', 'REDIRECT', idr!], ['GET', 'k']);
    await a.take();
    b.send(['SET', 'k', '1']);
    await b.take();
    log('resp3 redirect', await r.take() + '|' + await a.take());
    a.send(['CLIENT', 'TRACKING', 'ON', 'REDIRECT', ida!], ['GET', 'k'], ['SET', 'k', '2']);
    log('self redirect', await a.take());
    a.send(['CLIENT', 'TRACKING', 'ON'], ['GET', 'k'], ['CLIENT', 'REPLY', 'OFF']);
    await a.take();
    b.send(['SET', 'k', '1']);
    await b.take();
    log('reply off, other write', await a.take());
    a.send(['GET', 'k'], ['SET', 'k', '3']);
    log('reply off, own write', await a.take());
    a.send(['CLIENT', 'REPLY', 'ON']);
    await a.take();
    a.send(['GET', 'k'], ['CLIENT', 'REPLY', 'SKIP'], ['SET', 'k', '4'], ['PING']);
    log('reply skip, own write', await a.take());
    a.send(['CLIENT', 'TRACKING', 'OFF'], ['CLIENT', 'TRACKING', 'ON', 'BCAST', 'PREFIX', 'x'], ['CLIENT', 'LIST', 'ID', ida!]);
    log('list flags', norm(/flags=\S+|redir=\S+/g.exec(await a.take())?.join(' ') ?? ''));
    a.send(['CLIENT', 'TRACKING', 'OFF'], ['CLIENT', 'TRACKING', 'ON', 'NOLOOP'], ['GET', 'k'], ['MULTI'], ['SET', 'k', '5'],
      ['FLUSHALL'], ['EXEC']);
    log('noloop multi flush', await a.take());
    a.send(['CLIENT', 'TRACKING', 'OFF'], ['CLIENT', 'TRACKING', 'ON'], ['GET', 'k'], ['MULTI'], ['SET', 'k', '5'],
      ['CLIENT', 'TRACKING', 'OFF'], ['EXEC']);
    log('off inside multi', await a.take());
    a.send(['CLIENT', 'TRACKING', 'ON'], ['GET', 'q'], ['CLIENT', 'TRACKING', 'OFF'], ['INFO', 'stats']);
    log('table kept after off', String((await a.take()).match(/tracking_total_[a-z]+:\d+/g)));
    b.send(['SET', 'q', '1']);
    await b.take();
    log('nothing after off', await a.take());
    a.send(['CLIENT', 'TRACKING', 'ON', 'OPTIN'], ['CLIENT', 'CACHING', 'YES'], ['CLIENT', 'TRACKINGINFO'], ['GET', 'q'],
      ['CLIENT', 'TRACKINGINFO']);
    log('caching flag lifetime', await a.take());
  }));

  it('tracking-table-max-keys evicts with invalidations', () => compare(async (conn, log) => {
    const a = conn();
    a.send(['HELLO', '3'], ['CONFIG', 'SET', 'tracking-table-max-keys', '2'], ['FLUSHALL']);
    await a.take();
    a.send(['CLIENT', 'TRACKING', 'ON'], ['GET', 'm1'], ['GET', 'm2'], ['GET', 'm3']);
    const out = await a.take(300);
    // Which key goes is random in Redis: count the invalidations only.
    log('evicted', String(out.split('invalidate').length - 1));
    a.send(['INFO', 'stats']);
    log('keys', /tracking_total_keys:\d+/.exec(await a.take())![0]);
    a.send(['CONFIG', 'SET', 'tracking-table-max-keys', '1000000']);
    await a.take();
  }));
});
