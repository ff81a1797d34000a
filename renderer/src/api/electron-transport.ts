/** The Electron transport: the preload's `window.dockside` bridge. */
import type { DocksideBridge, EventName, RequestName, WireResult } from '@contract';
import type { Transport } from './transport';

declare global {
  interface Window {
    dockside?: DocksideBridge;
  }
}

export function electronBridge(): DocksideBridge | undefined {
  return window.dockside;
}

export function electronTransport(bridge: DocksideBridge): Transport {
  const groups = bridge as unknown as Record<string, Record<string, (params: unknown) => Promise<WireResult<unknown>>>>;
  return {
    kind: 'electron',
    request(name: RequestName, params: unknown) {
      const [group, method] = name.split('.') as [string, string];
      const call = groups[group]?.[method];
      if (!call) return Promise.resolve({ error: { message: `the bridge has no ${name}`, code: 'UNKNOWN_REQUEST' } });
      return call(params);
    },
    subscribe(event: EventName, listener: (payload: unknown) => void) {
      return bridge.on(event, listener);
    },
  };
}
