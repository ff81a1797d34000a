/**
 * A TCP proxy on 127.0.0.1 in front of the API server that a test can cut: every connection
 * dropped and no new one accepted until it is restored (on the same port) — what a watch sees
 * when the API server restarts or the network goes away. TLS passes through untouched.
 */
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';

export class CuttingProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  connections = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** A listening proxy in front of this API server address. */
  static async inFrontOf(server: string): Promise<CuttingProxy> {
    const url = new URL(server);
    const proxy = new CuttingProxy({ host: url.hostname, port: Number(url.port) });
    await proxy.listen();
    return proxy;
  }

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

/** The same kubeconfig, its server replaced by the proxy (same certificates: TLS passes through). */
export function viaProxy(config: KubeConfig, proxy: CuttingProxy): KubeConfig {
  const copy = new KubeConfig();
  copy.loadFromOptions({
    clusters: config.clusters.map((c) => ({ ...c, server: `https://127.0.0.1:${proxy.port}` })),
    users: config.users,
    contexts: config.contexts,
    currentContext: config.currentContext,
  });
  return copy;
}

/** Polls until `condition` holds. */
export async function until(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
