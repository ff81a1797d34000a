/** The Electron transport: the preload puts the contract's `Transport` on `window.dockside` as is. */
import type { Transport } from '@contract';

declare global {
  interface Window {
    dockside?: Transport;
  }
}

export function electronTransport(): Transport | undefined {
  return window.dockside;
}
