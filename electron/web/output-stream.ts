/**
 * One socket's terminal-output stream: a long-lived HTTP response the page reads with `fetch`
 * (far cheaper for Chromium than WebSocket messages; see the contract). Frames written before
 * the page attaches wait here — flow control already bounds them to what the renderer has not
 * acknowledged. If the stream drops while the socket lives, the page drops the socket as well
 * (frames lost in between would leave flow control short of acks), and this stream ends with it.
 */
import type { ServerResponse } from 'node:http';
import { encodeOutputFrame } from './output-frames';

export class OutputStream {
  private response: ServerResponse | null = null;
  private waiting: Buffer[] = [];
  private ended = false;

  /** Queue or send one `terminal.data` event. */
  write(id: string, data: string): void {
    if (this.ended) return;
    const frame = encodeOutputFrame(id, data);
    if (this.response) this.response.write(frame);
    else this.waiting.push(frame);
  }

  /** The page opened the stream: send what waited, then everything as it comes. */
  attach(response: ServerResponse, headers: Record<string, string>): void {
    if (this.ended) {
      response.writeHead(410, headers).end();
      return;
    }
    // A second reader (a reload racing the old one) replaces the first: one page, one stream.
    this.response?.end();
    this.response = response;
    response.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
    response.socket?.setNoDelay(true);
    response.flushHeaders(); // the page's fetch resolves on the headers, before any output
    for (const frame of this.waiting.splice(0)) response.write(frame);
    response.on('close', () => {
      if (this.response === response) this.response = null;
    });
  }

  /** The socket closed: nothing more will be written. */
  end(): void {
    this.ended = true;
    this.waiting = [];
    this.response?.end();
    this.response = null;
  }
}
