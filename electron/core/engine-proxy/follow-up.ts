/**
 * What the proxy asks the engine itself after a creating call, on its own connection: the
 * volumes a new container made (`-v data:/x`, an image's VOLUME), and the image id behind a
 * reference the terminal tagged, pulled, built or loaded. Attribution goes by id only.
 */
import { request as httpRequest } from 'node:http';
import type { Dial } from '../engine/endpoint';
import type { LedgerRecord } from './terminal-ledger';
import { dialEngine } from './upstream';

function getJson(dial: Dial, path: string): Promise<unknown> {
  return new Promise((resolve) => {
    const req = httpRequest({ path, createConnection: () => dialEngine(dial) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          resolve(res.statusCode === 200 ? JSON.parse(body) : null);
        } catch {
          resolve(null);
        }
      });
      res.on('error', () => resolve(null));
    });
    // A lookup that fails only means the object counts as made outside Dockside's terminal.
    req.on('error', () => resolve(null));
    req.end();
  });
}

export async function volumesOfContainer(dial: Dial, containerId: string): Promise<LedgerRecord[]> {
  const info = (await getJson(dial, `/containers/${encodeURIComponent(containerId)}/json`)) as {
    Mounts?: { Type?: string; Name?: string }[];
  } | null;
  return (info?.Mounts ?? [])
    .filter((mount) => mount.Type === 'volume' && mount.Name)
    .map((mount) => ({ type: 'volume' as const, id: mount.Name! }));
}

export async function imageIdOf(dial: Dial, ref: string): Promise<LedgerRecord | null> {
  const info = (await getJson(dial, `/images/${encodeURIComponent(ref)}/json`)) as { Id?: unknown } | null;
  return typeof info?.Id === 'string' ? { type: 'image', id: info.Id } : null;
}
