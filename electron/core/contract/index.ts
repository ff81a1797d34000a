/**
 * THE contract between the UI and core.
 *
 * One map of requests (name -> params -> result) and one map of events (name -> payload).
 * The Electron IPC transport, the WebSocket transport and the renderer's `api` are all typed
 * from these two maps, so a change here is checked everywhere at once.
 *
 * One file per domain (engine, app, lessons, run, kube-live, doctor, terminal, images, cluster) holds its requests
 * and events; api.ts joins them into the maps; wire.ts is what crosses a transport. The whole
 * folder is shared with the renderer: it must stay free of Node and electron imports.
 */
export * from './api';
export * from './app';
export * from './cluster';
export * from './doctor';
export * from './engine';
export * from './images';
export * from './kube-live';
export * from './lessons';
export * from './protocol';
export * from './run';
export * from './terminal';
export * from './wire';
