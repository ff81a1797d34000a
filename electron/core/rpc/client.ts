/**
 * A client is one window (Electron) or one WebSocket (browser mode). Core sends it events and
 * ties per-client resources to it — terminal sessions die with their client.
 */
import type { EventName, Events } from '../contract';

export interface Client {
  readonly id: string;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Runs once when the window closes or the socket drops. */
  onClose(listener: () => void): void;
}

/** A reusable base for transports: tracks close listeners and refuses events after close. */
export abstract class BaseClient implements Client {
  private readonly closeListeners: Array<() => void> = [];
  private closed = false;

  constructor(readonly id: string) {}

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    if (this.closed) return; // nothing is sent to a closed window
    this.send(event, payload);
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The transport calls this when its window or socket goes away. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners.splice(0)) {
      try {
        listener();
      } catch (error) {
        console.error('dockside: a close listener threw', error);
      }
    }
  }

  protected abstract send<E extends EventName>(event: E, payload: Events[E]): void;
}
