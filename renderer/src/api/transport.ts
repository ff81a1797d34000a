/** What a transport must do to carry the contract; the api is built on top of one of these. */
import type { EventName, RequestName, WireResult } from '@contract';

export interface Transport {
  readonly kind: 'electron' | 'websocket';
  request(name: RequestName, params: unknown): Promise<WireResult<unknown>>;
  /** Every event, by name; returns the unsubscribe function. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}
