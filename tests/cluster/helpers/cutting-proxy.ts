/**
 * A TCP proxy on 127.0.0.1 in front of the API server that a test can cut: every connection
 * dropped and no new one accepted until it is restored (on the same port) — what a watch sees
 * when the API server restarts or the network goes away. TLS passes through untouched.
 */
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export class CuttingProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  connections = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(port = 0): Promise<void> {
    const server = createServer((client) => {
      this.connections += 1;
      const upstream = createConnection(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Drops every connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  restore(): Promise<void> {
    return this.listen(this.port);
  }
}
