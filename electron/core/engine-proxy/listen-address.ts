/**
 * Where a terminal's proxy listens, and the DOCKER_HOST that names it. On Linux and macOS: a
 * unix socket in a fresh private directory (0700, from mkdtemp), the socket itself 0600, so no
 * other user can reach the engine through it. On Windows the same code listens on a named pipe
 * (`\\.\pipe\dockside-<random>`), which Node's net server takes as a path too.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ListenAddress {
  /** What `net.Server.listen` takes: a socket path or a pipe name. */
  path: string;
  /** The DOCKER_HOST value for clients. */
  dockerHost: string;
  /** After listening: make it private. */
  secure(): void;
  /** After closing: remove what listening left behind. */
  remove(): void;
}

export function privateListenAddress(platform: NodeJS.Platform = process.platform): ListenAddress {
  if (platform === 'win32') {
    const name = `dockside-${randomBytes(12).toString('hex')}`;
    // A pipe's default ACL grants its creator and administrators; nothing to chmod, nothing left behind.
    return { path: `\\\\.\\pipe\\${name}`, dockerHost: `npipe:////./pipe/${name}`, secure: () => {}, remove: () => {} };
  }
  // Short: a unix socket path must stay under ~104 bytes (macOS's tmpdir is long already).
  const dir = mkdtempSync(join(tmpdir(), 'dockside-'));
  const path = join(dir, 'docker.sock');
  return {
    path,
    dockerHost: `unix://${path}`,
    secure: () => chmodSync(path, 0o600),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
