/**
 * The environment the learner's own shell has. An app started from Finder or the Dock on macOS
 * inherits launchd's minimal environment: no PATH to /opt/homebrew/bin, and none of the
 * DOCKER_HOST, KUBECONFIG or COLIMA_HOME the learner exports in their shell's rc files. So on
 * macOS ask the login shell once (the terminal's resolver, bounded, cached for the process);
 * elsewhere the environment is already the session's.
 */
import { delimiter } from 'node:path';
import type { DoctorReport } from '../contract';
import { resolveLoginEnv } from '../terminal/login-env';

export interface LearnerEnv {
  env: Record<string, string | undefined>;
  pathDirs: string[];
  pathFrom: DoctorReport['pathFrom'];
}

/** The doctor must stay quick even when a login shell hangs: shorter than the terminal's wait. */
const LOGIN_SHELL_TIMEOUT_MS = 5000;

let cached: Promise<LearnerEnv> | null = null;

export function learnerEnv(env: Record<string, string | undefined>, platform: NodeJS.Platform): Promise<LearnerEnv> {
  if (platform !== 'darwin') return Promise.resolve({ env, pathDirs: splitPath(env.PATH, platform), pathFrom: 'environment' });
  cached ??= resolveLoginEnv({ env, platform, timeoutMs: LOGIN_SHELL_TIMEOUT_MS }).then(
    ({ env: loginEnv, note }): LearnerEnv => ({
      env: loginEnv,
      pathDirs: splitPath(loginEnv.PATH, platform),
      pathFrom: note === null ? 'login shell' : 'environment and the usual directories',
    }),
  );
  return cached;
}

export function splitPath(value: string | undefined, platform: NodeJS.Platform): string[] {
  const separator = platform === 'win32' ? ';' : platform === process.platform ? delimiter : ':';
  return (value ?? '').split(separator).filter((dir) => dir !== '');
}
