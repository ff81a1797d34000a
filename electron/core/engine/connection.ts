/**
 * The app's one connection to the Docker engine. It resolves the endpoint, negotiates the API
 * version, reports status changes, and keeps trying while the engine is away: an unreachable
 * engine is a state, never a crash. While unreachable it retries every `retryMs` (so a returning
 * engine is seen within 2 s); while connected it pings every `healthMs`, and anyone who notices
 * trouble sooner (the events stream ending) can ask for a check at once with `checkNow()`.
 */
import type Docker from 'dockerode';
import type { EngineEndpoint, EngineInfo, EngineStatus } from '../contract';
import { CoreError } from '../errors';
import { Listeners } from '../util/listeners';
import { connectAndNegotiate, type NegotiatedClient } from './docker-client';
import { describeEndpoint, type ResolvedEndpoint } from './endpoint';
import { explainUnreachable } from './explain';
import { identifyProduct } from './product';
import { pingWithin } from './timed-calls';

export interface EngineConnectionOptions {
  /** Re-run on every attempt: the learner may fix their config or switch endpoints meanwhile. */
  resolve: () => ResolvedEndpoint;
  retryMs?: number;
  healthMs?: number;
  timeoutMs?: number;
  platform?: NodeJS.Platform;
}

export interface Connected {
  docker: Docker;
  endpoint: ResolvedEndpoint;
  apiVersion: string;
  /** The engine's clock when this client connected (unix ns), or null if it did not say. */
  engineTimeNano: string | null;
  /** Bumps whenever a new client is made, so dependants can tell a reconnect from a status blip. */
  generation: number;
}

export class EngineConnection {
  private current: EngineStatus = { state: 'connecting', endpoint: null };
  private live: Connected | null = null;
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<void> | null = null;
  private stopped = true;
  private readonly changed = new Listeners<EngineStatus>();
  private readonly connectedListeners = new Listeners<Connected>();
  private readonly retryMs: number;
  private readonly healthMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: EngineConnectionOptions) {
    this.retryMs = options.retryMs ?? 500;
    this.healthMs = options.healthMs ?? 5000;
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  get status(): EngineStatus {
    return this.current;
  }

  /** The live client, or null while the engine is away. */
  get connected(): Connected | null {
    return this.live;
  }

  /** The live client, or a CoreError a handler can pass straight to the UI. */
  requireDocker(): Docker {
    if (this.live) return this.live.docker;
    const detail = this.current.state === 'unreachable' ? `: ${this.current.error}` : ' yet';
    throw new CoreError('ENGINE_UNREACHABLE', `The Docker engine is not reachable${detail}`);
  }

  onChange(listener: (status: EngineStatus) => void): () => void {
    return this.changed.add(listener);
  }

  /** Fires each time a new client is ready: at first connect, after an outage, after a switch. */
  onConnected(listener: (connected: Connected) => void): () => void {
    return this.connectedListeners.add(listener);
  }

  start(): Promise<void> {
    this.stopped = false;
    return this.checkNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Probe now (coalesced with a probe already under way), then schedule the next one. */
  checkNow(): Promise<void> {
    if (this.probing) return this.probing;
    this.probing = this.probe().finally(() => {
      this.probing = null;
      this.schedule();
    });
    return this.probing;
  }

  /** Drop the current client and connect afresh: used after the learner switches endpoints. */
  reconnect(): Promise<void> {
    this.live = null;
    // A probe already under way may have resolved the old endpoint: run a fresh one after it.
    const inFlight = this.probing ?? Promise.resolve();
    return inFlight.then(() => {
      this.live = null;
      return this.checkNow();
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.live ? this.healthMs : this.retryMs;
    this.timer = setTimeout(() => void this.checkNow(), delay);
    this.timer.unref?.();
  }

  private async probe(): Promise<void> {
    let endpoint: ResolvedEndpoint | null = null;
    try {
      endpoint = this.options.resolve();
      if (this.live && this.live.endpoint.host === endpoint.host) {
        // Connected to the same place: a cheap ping is enough.
        await pingWithin(this.live.docker, this.timeoutMs);
        return;
      }
      const negotiated = await connectAndNegotiate(endpoint, this.timeoutMs);
      this.becomeConnected(endpoint, negotiated);
    } catch (error) {
      this.becomeUnreachable(endpoint, error);
    }
  }

  private becomeConnected(endpoint: ResolvedEndpoint, negotiated: NegotiatedClient): void {
    const info: EngineInfo = {
      product: identifyProduct(negotiated.info, endpoint.host),
      engineVersion: negotiated.version.Version,
      apiVersion: negotiated.apiVersion,
      os: negotiated.info.OperatingSystem ?? negotiated.version.Os,
      arch: negotiated.version.Arch,
      name: negotiated.info.Name ?? '',
    };
    this.generation += 1;
    this.live = {
      docker: negotiated.docker,
      endpoint,
      apiVersion: negotiated.apiVersion,
      engineTimeNano: negotiated.engineTimeNano,
      generation: this.generation,
    };
    const previous = this.current;
    const unchanged =
      previous.state === 'connected' &&
      previous.endpoint.host === endpoint.host &&
      previous.endpoint.source === endpoint.source &&
      JSON.stringify(previous.info) === JSON.stringify(info);
    // A reconnect to the same engine is news for the events stream, not for the status bar.
    if (!unchanged) this.setStatus({ state: 'connected', endpoint: publicEndpoint(endpoint), info, since: Date.now() });
    this.connectedListeners.emit(this.live);
  }

  private becomeUnreachable(endpoint: ResolvedEndpoint | null, error: unknown): void {
    this.live = null;
    const { error: message, fix } = explainUnreachable(error, endpoint, this.options.platform);
    const previous = this.current;
    if (previous.state === 'unreachable' && previous.error === message && previous.endpoint?.host === endpoint?.host) return;
    this.setStatus({
      state: 'unreachable',
      endpoint: endpoint ? publicEndpoint(endpoint) : null,
      error: message,
      tried: endpoint ? [describeEndpoint(endpoint)] : [],
      fix,
      since: Date.now(),
    });
  }

  private setStatus(status: EngineStatus): void {
    this.current = status;
    this.changed.emit(status);
  }
}

/** The endpoint as the contract shows it: without dial details and file paths. */
function publicEndpoint(endpoint: ResolvedEndpoint): EngineEndpoint {
  return { host: endpoint.host, source: endpoint.source, context: endpoint.context, tls: endpoint.tls };
}
