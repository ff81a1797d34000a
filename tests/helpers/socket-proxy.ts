/**
 * A unix socket that forwards to the real engine, which a test can take away and bring back:
 * the honest way to make "the engine goes away" happen without stopping the machine's dockerd
 * (other tests share it). `stop()` closes the listener and cuts every open connection, like a
 * dying daemon; `start()` listens again at the same path.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class EngineSocketProxy {
  readonly path: string;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly dir: string;
  /** How many connections were forwarded since creation. */
  connections = 0;

  constructor(private readonly target = '/var/run/docker.sock') {
    this.dir = mkdtempSync(join(tmpdir(), 'dockside-proxy-'));
    this.path = join(this.dir, 'docker.sock');
  }

  get host(): string {
    return `unix://${this.path}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      this.connections += 1;
      const upstream = createConnection(this.target);
      this.track(client);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const cut = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', cut);
      upstream.on('error', cut);
      client.on('close', cut);
      upstream.on('close', cut);
    });
    rmSync(this.path, { force: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.path, () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(this.path, { force: true });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
