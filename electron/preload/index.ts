/**
 * The sandboxed preload: exposes one grouped, typed object as `window.dockside` and never
 * ipcRenderer itself. Every method resolves to the wire result; renderer/src/api rebuilds
 * errors as `Error`s. Bundled into one CommonJS file (sandboxed preloads cannot require).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { requestNames, type DocksideBridge, type EventName, type Events, type WireResult } from '../core/contract';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../main/channels';

function buildBridge(): DocksideBridge {
  const groups: Record<string, Record<string, (params: unknown) => Promise<WireResult<unknown>>>> = {};
  for (const name of requestNames) {
    const [group, method] = name.split('.') as [string, string];
    groups[group] ??= {};
    groups[group][method] = (params: unknown) =>
      ipcRenderer.invoke(REQUEST_CHANNEL, name, params) as Promise<WireResult<unknown>>;
  }
  const on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
    const forward = (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) listener(payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  };
  return { ...groups, on } as unknown as DocksideBridge;
}

contextBridge.exposeInMainWorld('dockside', buildBridge());
