/**
 * The WebSocket wire (browser mode): JSON messages, one request/response pair per id.
 *
 * Terminal output (`terminal.data`) takes a second, faster channel: Chromium spends ~20 ms of CPU
 * per MB receiving WebSocket messages and ~5 ms reading a streamed HTTP body, and a `cat` of a big
 * file is bound by that CPU. So the socket's first message (`hello`) names an output stream; the
 * page reads it with `fetch` from OUTPUT_STREAM_PATH?key=..., authenticated like every request
 * (host + cookie) and by the key, which only that socket was told. The stream is a run of frames:
 *   u8 id length | id (UTF-8) | u32 big-endian data length | data (UTF-8)
 * each one `terminal.data` event. Everything else, acknowledgements included, stays on the socket.
 */
import type { EventName, RequestName, WireResult } from './api';

export const OUTPUT_STREAM_PATH = '/output';

export interface RequestMessage {
  type: 'request';
  id: number;
  name: RequestName;
  params: unknown;
}

export type ResponseMessage = { type: 'response'; id: number } & WireResult<unknown>;

export interface EventMessage {
  type: 'event';
  name: EventName;
  payload: unknown;
}

/**
 * The socket's first message: the key of its terminal-output stream (see above), or null when
 * this page gets its output on the socket instead — browsers allow only 6 connections per host,
 * and every stream holds one for as long as its page is open, so only the first few pages stream.
 */
export interface HelloMessage {
  type: 'hello';
  outputStream: string | null;
}

export type ServerMessage = ResponseMessage | EventMessage | HelloMessage;
