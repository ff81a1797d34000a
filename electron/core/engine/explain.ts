/**
 * Turn a failure to reach the engine into one sentence of what went wrong and one specific fix.
 */
import type { EngineEndpoint } from '../contract';
import { CoreError, messageOf } from '../errors';
import type { ResolvedEndpoint } from './endpoint';

export interface Explanation {
  error: string;
  fix: string;
}

export function explainUnreachable(
  error: unknown,
  endpoint: EngineEndpoint | ResolvedEndpoint | null,
  platform = process.platform,
): Explanation {
  if (error instanceof CoreError) {
    return { error: error.message, fix: fixForCode(error.code) };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = endpoint?.host ?? 'the Docker endpoint';
  const socket = where.startsWith('unix://') ? where.slice('unix://'.length) : where;
  switch (code) {
    case 'ENOENT':
      return {
        error: `nothing is listening at ${socket}: the socket file does not exist.`,
        fix: startEngineFix(platform),
      };
    case 'ECONNREFUSED':
      return {
        error: `${where} refused the connection: the engine behind it is not running.`,
        fix: startEngineFix(platform),
      };
    case 'EACCES':
    case 'EPERM':
      return {
        error: `permission denied on ${socket}.`,
        fix:
          platform === 'linux'
            ? 'Add yourself to the docker group — `sudo usermod -aG docker $USER` — then log out and back in (or run `newgrp docker`).'
            : `Check that your user may open ${socket}, or restart Docker.`,
      };
    case 'ETIMEDOUT':
    case 'ABORT_ERR':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return {
        error: `${where} did not answer in time.`,
        fix: 'Check that the engine is running and not stuck; restarting it usually helps.',
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { error: `the host in ${where} cannot be found.`, fix: 'Check DOCKER_HOST or the docker context for a typo.' };
    default: {
      const message = messageOf(error);
      if (/timeout|aborted/i.test(message)) {
        return {
          error: `${where} did not answer in time.`,
          fix: 'Check that the engine is running and not stuck; restarting it usually helps.',
        };
      }
      return { error: `${where}: ${message}`, fix: startEngineFix(platform) };
    }
  }
}

function fixForCode(code: string): string {
  switch (code) {
    case 'DOCKER_CONFIG_INVALID':
      return 'Fix the JSON in that file, or move it aside; Docker recreates it when needed.';
    case 'DOCKER_CONTEXT_NOT_FOUND':
      return 'Run `docker context ls` to see your contexts, then `docker context use default` or the one you want.';
    case 'DOCKER_CONTEXT_INVALID':
      return 'Remove the broken context with `docker context rm <name>` and create it again.';
    case 'DOCKER_HOST_INVALID':
      return 'Fix DOCKER_HOST (for example unix:///var/run/docker.sock) or unset it.';
    case 'ENGINE_TOO_OLD':
      return 'Upgrade Docker to 20.10 or newer.';
    default:
      return 'See the error above.';
  }
}

export function startEngineFix(platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return 'Start Docker Desktop, or run `colima start` if you use Colima.';
  }
  if (platform === 'win32') return 'Start Docker Desktop.';
  return 'Start the engine: `sudo systemctl start docker` (Docker Engine), or open Docker Desktop, or run `colima start`.';
}
