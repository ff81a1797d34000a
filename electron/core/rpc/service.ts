/**
 * What a part of core offers: the requests it answers, and what it must release at shutdown.
 * Services are created and joined in app.ts; dispatch routes each request to its handler.
 */
import type { RequestName, RequestParams, RequestResult } from '../contract';
import type { Client } from './client';

/** Answers one request; its params were validated against the contract's schema first. */
export type Handler<N extends RequestName> = (
  params: RequestParams<N>,
  client: Client,
) => Promise<RequestResult<N>> | RequestResult<N>;

export type Handlers = { [N in RequestName]: Handler<N> };

/** What every service may offer besides its handlers. */
export interface ServiceLifecycle {
  /** Messages for the learner gathered at start (a corrupt file kept aside, ...). */
  notices?: () => string[];
  dispose?: () => Promise<void> | void;
}

/** A part of core: the requests it answers, and what it must release at shutdown. */
export interface Service<K extends RequestName> extends ServiceLifecycle {
  handlers: Pick<Handlers, K>;
}
