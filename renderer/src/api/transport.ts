/** What a transport must do to carry the contract (defined there: the preload exposes one). */
export type { Transport } from '@contract';
