/** Keeps the connected clients and broadcasts app-wide events (engine status, step states) to all. */
import type { EventName, Events } from '../contract';
import type { Client } from './client';

export class ClientHub {
  private readonly clients = new Set<Client>();

  add(client: Client): void {
    this.clients.add(client);
    client.onClose(() => this.clients.delete(client));
  }

  broadcast<E extends EventName>(event: E, payload: Events[E]): void {
    for (const client of this.clients) client.emit(event, payload);
  }

  get count(): number {
    return this.clients.size;
  }
}
