/**
 * A registry that serves one local image over the Registry HTTP API v2, so a real engine can
 * `docker pull` on a machine with no network: the engine treats 127.0.0.0/8 as an insecure
 * registry by default. Layers are gzipped with a random timestamp in the gzip header, so each
 * registry's blobs are new to the engine and it really downloads them (reporting per-layer
 * progress) instead of answering "Already exists"; the image config gets a label
 * `dockside.test=images` and a nonce, so its id is new too. Blobs can be sent slowly.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

interface Blob {
  mediaType: string;
  data: Buffer;
  digest: string;
}

export interface TinyRegistryOptions {
  /** A local image to serve, e.g. busybox:latest. */
  source: string;
  /** The repository and tag it is served as, e.g. dockside-test/busybox:abc123. */
  as: string;
  /** Slow blob downloads to this rate (bytes per second); unlimited when unset. */
  bytesPerSecond?: number;
}

export class TinyRegistry {
  private server: Server | null = null;
  private readonly blobs = new Map<string, Blob>();
  private manifest: Blob | null = null;
  /** How many blob bytes were sent, for tests that want proof of a download. */
  bytesServed = 0;

  constructor(private readonly options: TinyRegistryOptions) {}

  /** The reference to pull, e.g. 127.0.0.1:41234/dockside-test/busybox:abc123. */
  get reference(): string {
    return `${this.host}/${this.options.as}`;
  }

  get host(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the registry is not started');
    return `127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.load();
    this.server = createServer((req, res) => {
      const url = req.url ?? '/';
      const [repo, tag] = splitReference(this.options.as);
      res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
      if (url === '/v2/' || url === '/v2') {
        res.end('{}');
        return;
      }
      const manifestMatch = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url);
      if (manifestMatch) {
        const known = manifestMatch[1] === repo && (manifestMatch[2] === tag || manifestMatch[2] === this.manifest!.digest);
        if (!known) return notFound(res, 'MANIFEST_UNKNOWN', 'manifest unknown');
        res.writeHead(200, {
          'Content-Type': this.manifest!.mediaType,
          'Content-Length': this.manifest!.data.length,
          'Docker-Content-Digest': this.manifest!.digest,
        });
        res.end(req.method === 'HEAD' ? undefined : this.manifest!.data);
        return;
      }
      const blobMatch = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url);
      const blob = blobMatch && blobMatch[1] === repo ? this.blobs.get(blobMatch[2]!) : undefined;
      if (!blob) return notFound(res, 'BLOB_UNKNOWN', 'blob unknown');
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': blob.data.length,
        'Docker-Content-Digest': blob.digest,
      });
      if (req.method === 'HEAD') return void res.end();
      this.send(blob.data, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private send(data: Buffer, res: ServerResponse): void {
    const rate = this.options.bytesPerSecond;
    if (!rate) {
      this.bytesServed += data.length;
      res.end(data);
      return;
    }
    const chunk = 16 * 1024;
    const delay = Math.max(1, Math.round((chunk / rate) * 1000));
    let offset = 0;
    const next = () => {
      if (res.destroyed) return;
      const piece = data.subarray(offset, offset + chunk);
      offset += piece.length;
      this.bytesServed += piece.length;
      if (offset >= data.length) res.end(piece);
      else {
        res.write(piece);
        setTimeout(next, delay);
      }
    };
    next();
  }

  /** `docker save` the source image and turn it into a schema 2 manifest, a config and gzipped layers. */
  private load(): void {
    const tar = execFileSync('docker', ['save', this.options.source], { maxBuffer: 512 * 1024 * 1024 });
    const files = readTar(tar);
    const saved = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Array<{ Config: string; Layers: string[] }>;
    const entry = saved[0]!;
    // A new label makes a new image id: the engine skips a pull whose config it already has.
    const image = JSON.parse(files.get(entry.Config)!.toString('utf8')) as {
      config?: { Labels?: Record<string, string> | null };
    };
    image.config ??= {};
    image.config.Labels = {
      ...image.config.Labels,
      'dockside.test': 'images',
      'dockside.test.nonce': randomBytes(6).toString('hex'),
    };
    const config = this.add('application/vnd.docker.container.image.v1+json', Buffer.from(JSON.stringify(image)));
    const layers = entry.Layers.map((path) => {
      const gz = gzipSync(files.get(path)!);
      randomBytes(4).copy(gz, 4); // the gzip MTIME field: new bytes, same content
      return this.add('application/vnd.docker.image.rootfs.diff.tar.gzip', gz);
    });
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: config.mediaType, size: config.data.length, digest: config.digest },
      layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.data.length, digest: l.digest })),
    };
    const data = Buffer.from(JSON.stringify(manifest));
    this.manifest = { mediaType: manifest.mediaType, data, digest: digestOf(data) };
  }

  private add(mediaType: string, data: Buffer): Blob {
    const blob = { mediaType, data, digest: digestOf(data) };
    this.blobs.set(blob.digest, blob);
    return blob;
  }
}

function digestOf(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function splitReference(reference: string): [string, string] {
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, 'latest'];
}

function notFound(res: ServerResponse, code: string, message: string): void {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ code, message }] }));
}

/** The regular files of a tar archive (ustar, as `docker save` writes it), by path. */
function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = (prefix ? `${prefix}/` : '') + text(0, 100);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    if (type === '0' || type === '') files.set(name, Buffer.from(tar.subarray(offset + 512, offset + 512 + size)));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
