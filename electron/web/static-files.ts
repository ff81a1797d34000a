/**
 * Serve the built renderer: files under one root only, index.html for app routes.
 *
 * Read synchronously, so a file is answered in one turn of the event loop: while core loads at
 * start-up (browser-mode.ts) the loop turns only between two lessons, and a stat-open-read-read
 * stream took one of those turns per step. The files are the app's own built assets, a few
 * hundred kB at most, on a loopback server for one learner.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The file a URL path names inside `root`, or null when it would leave it. */
export function fileInRoot(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(root, decoded));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return candidate === root || candidate.startsWith(rootWithSep) ? candidate : null;
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): void {
  let file = fileInRoot(root, urlPath === '/' ? '/index.html' : urlPath);
  let info = file ? statOrNull(file) : null;
  if (!info?.isFile()) {
    // App routes (no extension) get the app; a missing asset is a plain 404.
    if (extname(urlPath) !== '') {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
      return;
    }
    file = join(root, 'index.html');
    info = statOrNull(file);
    if (!info?.isFile()) {
      res
        .writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The app is not built: run `npm run build`.');
      return;
    }
  }
  const type = contentTypes[extname(file!)] ?? 'application/octet-stream';
  const cache = file!.endsWith('.html') ? 'no-store' : 'private, max-age=31536000, immutable';
  const body = readFileSync(file!);
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': cache });
  res.end(body);
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null; // e.g. a path through a file ("index.html/x"): not there, as before
  }
}
