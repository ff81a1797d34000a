/** One window's webContents as a core client: events go out with `send`, never to a destroyed window. */
import type { WebContents } from 'electron';
import type { EventName, Events } from '../core/contract';
import { BaseClient } from '../core/rpc/client';
import { EVENT_CHANNEL } from './channels';

export class ElectronClient extends BaseClient {
  constructor(private readonly contents: WebContents) {
    super(`window-${contents.id}`);
    contents.once('destroyed', () => this.close());
  }

  protected send<E extends EventName>(event: E, payload: Events[E]): void {
    if (!this.contents.isDestroyed()) this.contents.send(EVENT_CHANNEL, event, payload);
  }
}
