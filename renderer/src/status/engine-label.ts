/** How the status bar words an engine status: "Docker 20.10.24 · unix:///var/run/docker.sock · default". */
import type { EngineStatus } from '@contract';

export function engineSummary(status: EngineStatus): string {
  switch (status.state) {
    case 'connecting':
      return 'Looking for a Docker engine…';
    case 'connected': {
      const product = status.info.product === 'Docker Engine' ? 'Docker' : status.info.product;
      return `${product} ${status.info.engineVersion} · ${status.endpoint.host} · ${status.endpoint.context}`;
    }
    case 'unreachable':
      return `No engine at ${status.endpoint?.host ?? 'any known place'}`;
  }
}
