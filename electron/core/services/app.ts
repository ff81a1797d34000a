/** App-wide requests: what the About box shows, notices for the learner, and settings. */
import type { Service } from '../rpc/service';
import type { CoreContext } from '../context';

export function createAppService(
  context: CoreContext,
  gatherNotices: () => string[],
): Service<'app.info' | 'settings.get' | 'settings.update'> {
  const stop = context.settings.onChange((settings) => context.hub.broadcast('settings.changed', settings));
  let previousEndpoint = JSON.stringify(context.settings.get().chosenEndpoint);
  const stopEndpointWatch = context.settings.onChange((settings) => {
    const endpoint = JSON.stringify(settings.chosenEndpoint);
    if (endpoint === previousEndpoint) return;
    previousEndpoint = endpoint;
    // The learner picked another engine: drop the client and connect to the new one.
    void context.engine.reconnect();
  });
  return {
    handlers: {
      'app.info': () => ({
        version: context.version,
        platform: context.platform,
        dataDir: context.paths.dataDir,
        notices: [...(context.settings.notice ? [context.settings.notice] : []), ...gatherNotices()],
      }),
      'settings.get': () => context.settings.get(),
      'settings.update': (patch) => context.settings.update(patch),
    },
    dispose: () => {
      stop();
      stopEndpointWatch();
    },
  };
}
