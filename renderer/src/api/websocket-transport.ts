/**
 * The browser-mode transport: one WebSocket to the page's own server, plus the output stream it
 * names for terminal output (see output-stream.ts). The cookie set when the page loaded
 * authenticates both. When the socket drops it reconnects with backoff; requests made
 * meanwhile wait for the new socket, and listeners are told through `connection.changed`-style
 * state so the UI can show that the app lost its server.
 */
import type { EventName, RequestMessage, RequestName, ServerMessage, WireResult } from '@contract';
import { readOutputStream } from './output-stream';
import type { Transport } from './transport';

type Pending = { resolve: (result: WireResult<unknown>) => void };

export type SocketState = 'connecting' | 'open' | 'closed';

export interface WebSocketTransport extends Transport {
  readonly state: SocketState;
  onState(listener: (state: SocketState) => void): () => void;
}

export function websocketTransport(url: string): WebSocketTransport {
  let socket: WebSocket | null = null;
  let state: SocketState = 'connecting';
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const queue: RequestMessage[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: SocketState) => void>();
  let stopOutput: (() => void) | null = null;

  const dispatch = (name: string, payload: unknown) => {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  };

  const setState = (next: SocketState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const connect = () => {
    setState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setState('open');
      for (const message of queue.splice(0)) ws.send(JSON.stringify(message));
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as ServerMessage;
      if (message.type === 'hello') {
        stopOutput?.();
        // Without a stream (too many pages open), output comes as ordinary events on the socket.
        stopOutput = message.outputStream
          ? readOutputStream(
              message.outputStream,
              (frame) => dispatch('terminal.data', frame),
              () => ws.close(),
            )
          : null;
      } else if (message.type === 'response') {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        waiter?.resolve('error' in message ? { error: message.error } : { result: message.result });
      } else {
        dispatch(message.name, message.payload);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      stopOutput?.();
      stopOutput = null;
      setState('closed');
      // Requests in flight died with the socket: fail them rather than leave them hanging.
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.resolve({ error: { message: 'lost the connection to Dockside', code: 'DISCONNECTED' } });
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    kind: 'websocket',
    get state() {
      return state;
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    request(name: RequestName, params: unknown) {
      const message: RequestMessage = { type: 'request', id: nextId++, name, params };
      return new Promise<WireResult<unknown>>((resolve) => {
        pending.set(message.id, { resolve });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
        else queue.push(message);
      });
    },
    on(event: EventName, listener: (payload: unknown) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
