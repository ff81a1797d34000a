/**
 * One browser tab's WebSocket as a core client: requests in, responses and events out.
 * Terminal output leaves through the client's output stream when it has one (see the contract's
 * note on OUTPUT_STREAM_PATH). Closing the socket closes the client, which ends everything tied
 * to it (its terminals, its output stream).
 */
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Core } from '../core/app';
import type { EventName, Events, RequestMessage, ServerMessage } from '../core/contract';
import { BaseClient } from '../core/rpc/client';
import { OutputStream } from './output-stream';

export class WebSocketClient extends BaseClient {
  /** Known only to this socket's page: it is what opens the output stream. Null: no stream. */
  readonly outputKey: string | null;
  readonly output: OutputStream | null;

  constructor(
    id: string,
    private readonly socket: WebSocket,
    options: { streamOutput: boolean },
  ) {
    super(id);
    this.outputKey = options.streamOutput ? randomBytes(24).toString('base64url') : null;
    this.output = options.streamOutput ? new OutputStream() : null;
    this.onClose(() => this.output?.end());
  }

  protected send<E extends EventName>(event: E, payload: Events[E]): void {
    if (event === 'terminal.data' && this.output) {
      const { id, data } = payload as Events['terminal.data'];
      this.output.write(id, data);
      return;
    }
    this.write({ type: 'event', name: event, payload });
  }

  write(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

function parseRequest(data: string): RequestMessage | null {
  try {
    const value = JSON.parse(data) as Partial<RequestMessage>;
    if (value && value.type === 'request' && typeof value.id === 'number' && typeof value.name === 'string') {
      return value as RequestMessage;
    }
  } catch {
    // fall through: not JSON
  }
  return null;
}

/**
 * Serve the contract over one accepted socket until it closes. Core may still be loading: the
 * hello goes at once, requests are answered once it is ready, in the order they came.
 */
export function serveSocket(
  core: Promise<Core>,
  socket: WebSocket,
  id: string,
  options: { streamOutput: boolean },
): WebSocketClient {
  const client = new WebSocketClient(id, socket, options);
  client.write({ type: 'hello', outputStream: client.outputKey });
  void core.then((ready) => ready.connect(client));
  socket.on('message', (data, isBinary) => {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
    const text = bytes.toString('utf8');
    const request = isBinary ? null : parseRequest(text);
    if (!request) {
      socket.close(1003, 'expected a JSON request');
      return;
    }
    void core
      .then((ready) => ready.handle(request.name, request.params, client))
      .then((outcome) => client.write({ type: 'response', id: request.id, ...outcome }));
  });
  socket.on('close', () => client.close());
  socket.on('error', () => client.close());
  return client;
}
