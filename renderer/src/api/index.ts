/**
 * The renderer's one door to core. It picks the transport at start — the Electron bridge when
 * the preload put one on `window`, else a WebSocket to the page's own server — and nothing else
 * in the renderer knows which one it got.
 */
import { createApi } from './create-api';
import { electronTransport } from './electron-transport';
import type { Transport } from './transport';
import { websocketTransport, type SocketState } from './websocket-transport';

function pickTransport(): Transport & { onState?: (listener: (state: SocketState) => void) => () => void; state?: SocketState } {
  const electron = electronTransport();
  if (electron) return electron;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return websocketTransport(`${scheme}://${window.location.host}/ws`);
}

const transport = pickTransport();

export const api = createApi(transport);

/** Whether the app can reach core right now (always true in Electron). */
export function onLinkState(listener: (state: SocketState) => void): () => void {
  listener(transport.state ?? 'open');
  return transport.onState?.(listener) ?? (() => undefined);
}

export { ApiError } from './create-api';
export type { SocketState } from './websocket-transport';
