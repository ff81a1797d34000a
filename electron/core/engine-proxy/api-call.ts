/**
 * Which Engine API calls create something, read from the request line alone. The docker CLI
 * prefixes paths with the API version (`/v1.41/containers/create`); the engine accepts both.
 */
export type CreatingCall =
  | { kind: 'container-create' }
  | { kind: 'volume-create' }
  | { kind: 'network-create' }
  | { kind: 'commit'; refs: string[] }
  | { kind: 'tag'; refs: string[] }
  | { kind: 'pull'; refs: string[] }
  | { kind: 'build'; refs: string[] }
  | { kind: 'load' };

function refOf(repo: string | null, tag: string | null): string[] {
  if (!repo) return [];
  // `fromImage` may carry its tag or digest already (`busybox:1.36`); `tag` then is empty.
  return [tag && !repo.includes('@') ? `${repo}:${tag}` : repo];
}

/** The path without the `/v1.xx` prefix. */
export function apiPath(pathname: string): string {
  return pathname.replace(/^\/v\d+(\.\d+)?(?=\/)/, '');
}

export function classifyCall(method: string, url: string): CreatingCall | null {
  if (method !== 'POST') return null;
  const parsed = new URL(url, 'http://engine');
  const path = apiPath(parsed.pathname);
  const q = parsed.searchParams;
  if (path === '/containers/create') return { kind: 'container-create' };
  if (path === '/volumes/create') return { kind: 'volume-create' };
  if (path === '/networks/create') return { kind: 'network-create' };
  if (path === '/commit') return { kind: 'commit', refs: refOf(q.get('repo'), q.get('tag')) };
  if (path === '/images/load') return { kind: 'load' };
  if (path === '/build') return { kind: 'build', refs: q.getAll('t') };
  // `docker pull`, and `docker import` (fromSrc) which names its result with repo/tag.
  if (path === '/images/create') return { kind: 'pull', refs: refOf(q.get('fromImage') ?? q.get('repo'), q.get('tag')) };
  const tag = /^\/images\/(.+)\/tag$/.exec(path);
  if (tag) return { kind: 'tag', refs: refOf(q.get('repo'), q.get('tag')) };
  return null;
}
