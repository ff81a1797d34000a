/**
 * dockerode, without the two parts Dockside's start-up does not need. dockerode requires, at
 * its top, BuildKit's session support (gRPC and protobuf: `dockerode/lib/session.js`) and its
 * modem requires the SSH client (`ssh2`, via `docker-modem/lib/ssh.js`): some 80 ms of the ~100 ms
 * it takes to load, on every start, for a BuildKit build Dockside never asks for and an ssh://
 * engine few learners have. Each of those two files exports one function; each is put in Node's
 * module cache as a function that loads the real file the first time it is called. Everything
 * else is dockerode as published. If a file is not where this dockerode keeps it, nothing is
 * deferred and dockerode loads whole.
 *
 * dockerode is loaded here with `require`, on the first engine probe: an `import` of it would be
 * evaluated before any code of the importing bundle could defer anything (and ESLint refuses
 * one elsewhere in core).
 */
import type Docker from 'dockerode';
import { createRequire, Module } from 'node:module';

// Not named `require`: electron-vite puts a `require` of its own into every ESM chunk.
const requireHere = createRequire(import.meta.url);

/** The files deferred, as dockerode's own requires name them. */
const DEFERRED_DOCKERODE_FILES = ['dockerode/lib/session.js', 'docker-modem/lib/ssh.js'] as const;

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

function resolveFromDockerode(request: string): string | null {
  try {
    // docker-modem is dockerode's dependency: resolve it as dockerode would.
    return createRequire(requireHere.resolve('dockerode')).resolve(request);
  } catch {
    return null;
  }
}

/** Put a stand-in for `file` in the module cache that loads the real module on its first call. */
function deferOneFunctionModule(file: string): void {
  if (requireHere.cache[file]) return;
  let real: AnyFunction | null = null;
  const loadReal = (): AnyFunction => {
    if (real) return real;
    // Out of the cache, so that require reads the file itself; the real module then stays cached.
    delete requireHere.cache[file];
    real = requireHere(file) as AnyFunction;
    return real;
  };
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = function deferred(this: unknown, ...args: unknown[]) {
    return loadReal().apply(this, args);
  };
  requireHere.cache[file] = standIn;
}

let dockerode: typeof Docker | null = null;

/** dockerode's client class, loaded on the first call with the two parts above deferred. */
export function loadDockerode(): typeof Docker {
  if (dockerode) return dockerode;
  for (const request of DEFERRED_DOCKERODE_FILES) {
    const file = resolveFromDockerode(request);
    if (file) deferOneFunctionModule(file);
  }
  dockerode = requireHere('dockerode') as typeof Docker;
  return dockerode;
}
