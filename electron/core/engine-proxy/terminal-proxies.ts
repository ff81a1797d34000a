/**
 * One engine proxy per terminal session, opened when its shell is planned and closed (socket and
 * directory removed) when the session ends. Where core cannot reach the endpoint itself (an
 * ssh:// engine whose login needs a prompt) or the proxy cannot listen, the session gets no proxy
 * and its DOCKER_HOST stays pinned to the real endpoint, as before the proxy existed: everything
 * still works, but what that terminal makes is then "made outside Dockside's terminal" for Reset.
 */
import type { ResolvedEndpoint } from '../engine/endpoint';
import { messageOf } from '../errors';
import { EngineProxy } from './engine-proxy';
import { probeSsh } from './ssh-probe';
import type { TerminalLedger } from './terminal-ledger';

export interface ProxyPlan {
  /** The DOCKER_HOST for the shell: the proxy's, or null to pin the real endpoint. */
  proxyHost: string | null;
  notice: string | null;
}

export class TerminalProxies {
  private readonly proxies = new Map<string, EngineProxy>();

  constructor(
    private readonly ledger: TerminalLedger,
    /** The endpoint core uses now, asked per request. */
    private readonly endpoint: () => ResolvedEndpoint | null,
  ) {}

  /** The proxy for this session (opened on first use), unless core cannot reach the endpoint itself. */
  async planFor(sessionId: string, endpoint: ResolvedEndpoint | null): Promise<ProxyPlan> {
    const existing = this.proxies.get(sessionId);
    if (existing) return { proxyHost: existing.dockerHost, notice: null };
    // ssh logs in without a prompt (agent, key without passphrase) or not at all: ask once first.
    const why = endpoint?.dial.kind === 'ssh' ? await probeSsh(endpoint.dial) : null;
    if (why) {
      return {
        proxyHost: null,
        notice: `Dockside cannot relay ${endpoint!.host}: ${why}. DOCKER_HOST names the engine directly, and Reset lists what this terminal makes as made outside Dockside's terminal.`,
      };
    }
    const proxy = new EngineProxy({ endpoint: this.endpoint, ledger: this.ledger });
    try {
      await proxy.listen();
    } catch (error) {
      proxy.close();
      return {
        proxyHost: null,
        notice: `Dockside's engine proxy could not start (${messageOf(error)}): DOCKER_HOST names the engine directly.`,
      };
    }
    this.proxies.set(sessionId, proxy);
    return { proxyHost: proxy.dockerHost, notice: null };
  }

  close(sessionId: string): void {
    this.proxies.get(sessionId)?.close();
    this.proxies.delete(sessionId);
  }

  closeAll(): void {
    for (const proxy of this.proxies.values()) proxy.close();
    this.proxies.clear();
  }
}
