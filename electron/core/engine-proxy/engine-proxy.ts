/**
 * A Docker API proxy for one terminal session. The terminal's DOCKER_HOST points at it; it
 * forwards every request to the engine core uses *now* (asked per request, so an engine restart
 * or an endpoint switch in the doctor needs nothing special) and records what the creating calls
 * made, so attribution knows exactly what the learner made in Dockside's terminal.
 *
 * Node's HTTP server parses the client's requests (keep-alive, chunked uploads); upgraded
 * connections leave it at the `upgrade` event and become raw pipes.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ResolvedEndpoint } from '../engine/endpoint';
import { forwardPlain } from './plain-forward';
import type { ForwardTarget } from './forward-target';
import { forwardUpgrade } from './upgrade-forward';
import { privateListenAddress, type ListenAddress } from './listen-address';
import type { LedgerRecord, TerminalLedger } from './terminal-ledger';
import { imageIdOf, volumesOfContainer } from './follow-up';

export interface EngineProxyOptions {
  /** The endpoint core uses now; null when there is none (requests then fail with a clear 502). */
  endpoint: () => ResolvedEndpoint | null;
  ledger: TerminalLedger;
  address?: ListenAddress;
}

export class EngineProxy {
  private readonly server: Server;
  private readonly address: ListenAddress;
  private readonly upstreams = new Set<Duplex>();
  private readonly clients = new Set<Socket>();
  private closed = false;

  constructor(private readonly options: EngineProxyOptions) {
    this.address = options.address ?? privateListenAddress();
    this.server = createServer((req, res) => {
      const target = this.target();
      if (target) forwardPlain(req, res, target);
      else noEngine(res);
    });
    this.server.on('upgrade', (req, socket, head: Buffer) => {
      const target = this.target();
      if (target) forwardUpgrade(req, socket, head, target);
      else socket.destroy();
    });
    this.server.on('connection', (socket: Socket) => {
      this.clients.add(socket);
      socket.on('close', () => this.clients.delete(socket));
    });
    // Builds, loads and `logs -f` run for as long as they run: no request or idle timeout here.
    this.server.requestTimeout = 0;
    this.server.headersTimeout = 60_000;
    this.server.keepAliveTimeout = 60_000;
    this.server.timeout = 0;
  }

  /** The DOCKER_HOST that leads here. */
  get dockerHost(): string {
    return this.address.dockerHost;
  }

  get path(): string {
    return this.address.path;
  }

  /** Connections to the engine open now (a client that left mid-stream must not keep one). */
  get upstreamCount(): number {
    return this.upstreams.size;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.address.path, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.address.secure();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.close();
    for (const socket of [...this.clients, ...this.upstreams]) socket.destroy();
    this.address.remove();
  }

  private target(): ForwardTarget | null {
    const endpoint = this.options.endpoint();
    if (!endpoint) return null;
    const { dial } = endpoint;
    const record = (found: LedgerRecord) => this.options.ledger.record(found);
    return {
      dial,
      track: (socket) => {
        this.upstreams.add(socket);
        socket.on('close', () => this.upstreams.delete(socket));
      },
      sink: {
        record,
        containerMade: (id) => void volumesOfContainer(dial, id).then((records) => records.forEach(record)),
        imageNamed: (ref) => void imageIdOf(dial, ref).then((found) => found && record(found)),
      },
    };
  }
}

function noEngine(res: ServerResponse): void {
  const body = JSON.stringify({
    message: "Dockside's terminal proxy cannot forward this request: Dockside has no Docker engine endpoint right now.",
  });
  res.writeHead(502, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
