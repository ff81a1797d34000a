/**
 * @kubernetes/client-node, loaded on first Kubernetes use: importing it costs about half a second
 * (its generated API classes, auth providers and HTTP stack), which start-up must not pay — the
 * catalog, the status bar and the doctor show without it. Everything else imports its types only.
 */
import type * as ClientNodeModule from '@kubernetes/client-node';

type ClientNode = typeof ClientNodeModule;

let loading: Promise<ClientNode> | null = null;
let loaded: ClientNode | null = null;

/** The module; the first call loads it, later calls share that load. */
export function loadClientNode(): Promise<ClientNode> {
  loading ??= import('@kubernetes/client-node').then((module) => (loaded = module));
  return loading;
}

/**
 * The module, for synchronous code holding a KubeConfig: Dockside makes one only after
 * `loadClientNode()` resolved, so the module is there by then.
 */
export function loadedClientNode(): ClientNode {
  if (!loaded) throw new Error('@kubernetes/client-node is used before it was loaded (await loadClientNode() first)');
  return loaded;
}
