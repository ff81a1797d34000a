/** Serve the built renderer: files under one root only, index.html for app routes. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  let file = fileInRoot(root, urlPath === '/' ? '/index.html' : urlPath);
  let info = file ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) {
    // App routes (no extension) get the app; a missing asset is a plain 404.
    if (extname(urlPath) !== '') {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
      return;
    }
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res
        .writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The app is not built: run `npm run build`.');
      return;
    }
  }
  const type = contentTypes[extname(file!)] ?? 'application/octet-stream';
  const cache = file!.endsWith('.html') ? 'no-store' : 'private, max-age=31536000, immutable';
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(info.size), 'Cache-Control': cache });
  createReadStream(file!).pipe(res);
}
