/**
 * A Docker engine reached over real mutual TLS, for the proxy's TLS tests: certificates made
 * with openssl (a CA, server and client certificates, as `dockerd --tlsverify` setups are made),
 * and a TLS-terminating relay on 127.0.0.1 that demands a client certificate signed by its CA —
 * as dockerd --tlsverify does — and pipes each accepted connection to the engine's unix socket.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A key and a certificate `name`.pem / `name`-key.pem in dir, signed by `ca` (self-signed when null). */
export function makeCert(
  dir: string,
  name: string,
  options: { ca: string | null; subject: string; ext?: string },
): { cert: string; key: string } {
  const key = join(dir, `${name}-key.pem`);
  const cert = join(dir, `${name}.pem`);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key];
  if (options.ca === null) {
    openssl(dir, 'req', '-x509', ...ec, '-out', cert, '-days', '2', '-subj', options.subject);
    return { cert, key };
  }
  const csr = join(dir, `${name}.csr`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, `${options.ext ?? ''}\n`);
  openssl(dir, 'req', ...ec, '-out', csr, '-subj', options.subject);
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    `${options.ca}.pem`,
    '-CAkey',
    `${options.ca}-key.pem`,
    '-CAcreateserial',
    '-out',
    cert,
    '-days',
    '2',
    '-extfile',
    ext,
  );
  return { cert, key };
}

/** A DOCKER_CERT_PATH-style folder: ca.pem, cert.pem, key.pem (those given). */
export function certFolder(dir: string, files: { ca?: string; cert?: string; key?: string }): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, from] of Object.entries(files)) if (from) copyFileSync(from, join(dir, `${name}.pem`));
  return dir;
}

export class TlsEngineRelay {
  private server: Server | null = null;
  /** Every connection, handshaken or not, so stopping never waits for one. */
  private readonly open = new Set<Socket>();
  /** Connections whose client certificate the relay accepted. */
  authorized = 0;
  /** Connections refused during or right after the handshake, with why. */
  readonly refused: string[] = [];

  constructor(
    private readonly files: { ca: string; cert: string; key: string },
    private readonly engineSocket = '/var/run/docker.sock',
  ) {}

  /** Connections open now, handshaken or not. */
  get openConnections(): number {
    return this.open.size;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async start(): Promise<void> {
    const server = createServer(
      {
        ca: readFileSync(this.files.ca),
        cert: readFileSync(this.files.cert),
        key: readFileSync(this.files.key),
        requestCert: true,
        rejectUnauthorized: true,
        // Go's TLS (dockerd's) reads a close-notify as the end of input and can still answer.
        allowHalfOpen: true,
        // A client that gave up mid-handshake (it refused our certificate) leaves a half-open socket.
        handshakeTimeout: 5000,
      },
      (client) => this.relay(client),
    );
    server.on('tlsClientError', (error) => this.refused.push(error.message));
    server.on('connection', (socket: Socket) => {
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }

  private relay(client: TLSSocket): void {
    this.authorized += 1;
    const engine = netConnect({ path: this.engineSocket, allowHalfOpen: true });
    const cut = () => {
      client.destroy();
      engine.destroy();
    };
    client.on('error', cut);
    engine.on('error', cut);
    client.pipe(engine);
    engine.pipe(client);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const client of this.open) client.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
