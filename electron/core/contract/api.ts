/**
 * The contract's two maps, assembled from the domain files: every request (name -> params ->
 * result) and every event (name -> payload), the run-time list of request names, and the grouped
 * api the renderer sees (`api.engine.status()`, `api.on('engine.changed', cb)`).
 */
import type { z } from 'zod';
import { appParams, type AppEvents, type AppRequests } from './app';
import { clusterParams, type ClusterEvents, type ClusterRequests } from './cluster';
import { doctorParams, type DoctorEvents, type DoctorRequests } from './doctor';
import { engineParams, type EngineEvents, type EngineRequests } from './engine';
import { imagesParams, type ImagesEvents, type ImagesRequests } from './images';
import { kubeLiveParams, type KubeLiveEvents, type KubeLiveRequests } from './kube-live';
import { lessonsParams, type LessonsEvents, type LessonsRequests } from './lessons';
import { runParams, type RunEvents, type RunRequests } from './run';
import { terminalParams, type TerminalEvents, type TerminalRequests } from './terminal';

export interface Requests
  extends
    EngineRequests,
    AppRequests,
    LessonsRequests,
    RunRequests,
    DoctorRequests,
    TerminalRequests,
    ImagesRequests,
    KubeLiveRequests,
    ClusterRequests {}

export interface Events
  extends
    EngineEvents,
    AppEvents,
    LessonsEvents,
    RunEvents,
    DoctorEvents,
    TerminalEvents,
    ImagesEvents,
    KubeLiveEvents,
    ClusterEvents {}

export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestParams<N extends RequestName> = Requests[N]['params'];
export type RequestResult<N extends RequestName> = Requests[N]['result'];

/** Every request's params schema, by name: core validates each request with it before its handler runs. */
export const requestParams = {
  ...engineParams,
  ...appParams,
  ...lessonsParams,
  ...runParams,
  ...doctorParams,
  ...terminalParams,
  ...imagesParams,
  ...kubeLiveParams,
  ...clusterParams,
} satisfies { [N in RequestName]: z.ZodType };

/** Every request name, at run time. */
export const requestNames = Object.keys(requestParams) as RequestName[];

/**
 * If this fails to compile, a schema lets through params its request's type does not allow
 * (`undefined` stands for "no params").
 */
type SchemaFits = {
  [N in RequestName]: z.output<(typeof requestParams)[N]> extends RequestParams<N> | undefined ? true : N;
}[RequestName];
export const everySchemaFits: SchemaFits = true;

// ---------------------------------------------------------------------------------------------
// The grouped api the renderer sees: `api.engine.status()`, `api.on('engine.changed', cb)`
// ---------------------------------------------------------------------------------------------

type GroupOf<N> = N extends `${infer G}.${string}` ? G : never;
export type RequestGroup = GroupOf<RequestName>;

type MethodsOf<G extends string> = {
  [N in RequestName as N extends `${G}.${infer M}` ? M : never]: RequestParams<N> extends void
    ? () => Promise<RequestResult<N>>
    : (params: RequestParams<N>) => Promise<RequestResult<N>>;
};

export type Unsubscribe = () => void;

export type DocksideApi = { [G in RequestGroup]: MethodsOf<G> } & {
  /** Subscribe to an event; call the returned function to stop. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  /** Which shell carries this api (for the About box and diagnostics, never for behaviour). */
  readonly transport: 'electron' | 'websocket';
};

/**
 * What carries the contract between the renderer and core: the Electron preload exposes exactly
 * this as `window.dockside`; browser mode builds one over a WebSocket. renderer/src/api builds
 * the grouped `DocksideApi` on top and turns `{ error }` back into an `Error`.
 */
export interface Transport {
  readonly kind: 'electron' | 'websocket';
  request(name: RequestName, params: unknown): Promise<WireResult<unknown>>;
  /** Every event, by name; returns the unsubscribe function. */
  on(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

/** What crosses a transport when a request fails: rebuilt as an `Error` on the other side. */
export interface WireError {
  message: string;
  /** A stable code the UI may branch on, e.g. "ENGINE_UNREACHABLE". */
  code?: string;
}

export type WireResult<T> = { result: T } | { error: WireError };
