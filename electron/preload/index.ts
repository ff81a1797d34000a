/**
 * The sandboxed preload: exposes the contract's `Transport` as `window.dockside` — one request
 * function and one event subscription — and never ipcRenderer itself. Requests resolve to the wire
 * result; renderer/src/api builds the typed api and its errors. Bundled into one CommonJS file
 * (sandboxed preloads cannot require).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, RequestName, Transport, WireResult } from '../core/contract';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../main/channels';

const transport: Transport = {
  kind: 'electron',
  request: (name: RequestName, params: unknown) =>
    ipcRenderer.invoke(REQUEST_CHANNEL, name, params) as Promise<WireResult<unknown>>,
  on(event: EventName, listener: (payload: unknown) => void) {
    const forward = (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('dockside', transport);
