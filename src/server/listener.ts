// TCP listeners for a Server: one net.Server per bind address, maxclients,
// graceful close. Redis's bind syntax: a leading '-' marks an address that
// may be unavailable (e.g. '-::1' on hosts without IPv6).

import * as net from 'node:net';
import { Connection } from './connection.js';
import type { Server } from './server.js';

export interface Listening {
  port: number;
  host: string;
  close(): Promise<void>;
}

export async function listen(server: Server): Promise<Listening> {
  const binds = server.config.get('bind').split(/\s+/).filter((b) => b.length > 0);
  let port = server.config.num('port');
  const backlog = server.config.num('tcp-backlog');
  const netServers: net.Server[] = [];
  const connections = new Set<Connection>();
  let firstHost = '';
  for (const entry of binds.length > 0 ? binds : ['127.0.0.1']) {
    const optional = entry.startsWith('-');
    const host = optional ? entry.slice(1) : entry;
    const ns = net.createServer({ noDelay: true }, (socket) => {
      if (server.clients.size >= server.config.num('maxclients')) {
        server.stats.rejectedConnections++;
        socket.end('-ERR max number of clients reached\r\n');
        return;
      }
      server.stats.totalConnections++;
      const conn = new Connection(socket, server);
      connections.add(conn);
      socket.once('close', () => connections.delete(conn));
    });
    try {
      await new Promise<void>((resolve, reject) => {
        ns.once('error', reject);
        ns.listen({ port, host: host === '*' ? '0.0.0.0' : host, backlog }, () => {
          ns.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      if (optional) {
        server.logger.warning(`Could not create server TCP listening socket ${host}:${port}: ${(err as Error).message}`);
        continue;
      }
      for (const s of netServers) s.close();
      throw err;
    }
    // Port 0 means "any free port": the other addresses reuse the one chosen.
    if (port === 0) port = (ns.address() as net.AddressInfo).port;
    if (firstHost === '') firstHost = host;
    netServers.push(ns);
  }
  server.tcpPort = port;
  server.startCron();
  let closed: Promise<void> | null = null;
  return {
    port,
    host: firstHost,
    close(): Promise<void> {
      closed ??= (async () => {
        server.stopCron();
        const stopped = Promise.all(netServers.map((ns) => new Promise<void>((r) => ns.close(() => r()))));
        for (const conn of connections) conn.kill();
        await stopped;
      })();
      return closed;
    },
  };
}
