/** The engine's part of the contract: its status, and `engine.changed` to every client. */
import type { Service } from '../rpc/service';
import type { CoreContext } from '../context';

export function createEngineService(context: CoreContext): Service<'engine.status'> {
  const stop = context.engine.onChange((status) => context.hub.broadcast('engine.changed', status));
  return {
    handlers: {
      'engine.status': () => context.engine.status,
    },
    dispose: stop,
  };
}
