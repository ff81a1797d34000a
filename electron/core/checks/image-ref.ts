/** Image references as the docker CLI reads them: `busybox` = `busybox:latest` = `docker.io/library/busybox:latest`. */

export function normaliseImageRef(reference: string): string {
  let ref = reference.trim();
  for (const prefix of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/']) {
    if (ref.startsWith(prefix)) ref = ref.slice(prefix.length);
  }
  if (ref.startsWith('library/')) ref = ref.slice('library/'.length);
  if (ref.includes('@') || /^sha256:/.test(ref)) return ref;
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? ref : `${ref}:latest`;
}
