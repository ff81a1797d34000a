/**
 * The environment a terminal's shell starts with: the learner's own (the login shell's on
 * macOS), plus DOCKER_HOST pinned to the engine the checks read — so `docker` in the terminal and
 * the lesson's checks can never look at two different engines — and a proper TERM. Normally
 * DOCKER_HOST names the session's engine proxy (which forwards to that engine and records what
 * the learner makes); without one it names the engine itself.
 */
import { dirname, join } from 'node:path';
import type { ResolvedEndpoint } from '../engine/endpoint';
import type { Env } from './login-env';

/** Variables of the app's own process that would confuse programs started in the terminal. */
const APP_ONLY = [
  'ELECTRON_RUN_AS_NODE',
  'ELECTRON_NO_ATTACH_CONSOLE',
  'ELECTRON_ENABLE_LOGGING',
  'NODE_CHANNEL_FD',
  'DOCKSIDE_NONCE',
  'VSCODE_NONCE',
];

export interface SessionEnvInput {
  base: Env;
  /** The endpoint the checks read; null when none could be resolved. */
  endpoint: Pick<ResolvedEndpoint, 'host' | 'tls' | 'dial'> | null;
  /** From the shell-integration launch (nonce, ZDOTDIR, ...). */
  integration: Record<string, string>;
  version: string;
  /** The session's engine proxy (plain HTTP on a private socket), or null to name the engine directly. */
  proxyHost?: string | null;
}

export function buildSessionEnv(input: SessionEnvInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.base)) if (value !== undefined) env[key] = value;
  for (const key of APP_ONLY) delete env[key];

  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  env.TERM_PROGRAM = 'Dockside';
  env.TERM_PROGRAM_VERSION = input.version;
  // Without a UTF-8 locale, shells garble anything outside ASCII; don't override a learner's choice.
  if (!env.LANG && !env.LC_ALL && !env.LC_CTYPE) env.LANG = 'C.UTF-8';

  if (input.endpoint && input.proxyHost) {
    env.DOCKER_HOST = input.proxyHost;
    delete env.DOCKER_CONTEXT;
    // The proxy speaks plain HTTP on its private socket; TLS to the engine is its business.
    delete env.DOCKER_TLS_VERIFY;
    delete env.DOCKER_CERT_PATH;
  } else if (input.endpoint) {
    const { host, tls, dial } = input.endpoint;
    env.DOCKER_HOST = host;
    // DOCKER_HOST beats a context for the CLI; drop it anyway so `docker context show` does not mislead.
    delete env.DOCKER_CONTEXT;
    if (tls && dial.kind === 'tcp' && dial.tls) {
      const certDir = commonCertDir(dial.tls);
      if (certDir) env.DOCKER_CERT_PATH = certDir;
      if (dial.tls.verify) env.DOCKER_TLS_VERIFY = '1';
      else delete env.DOCKER_TLS_VERIFY;
    } else {
      delete env.DOCKER_TLS_VERIFY;
      delete env.DOCKER_CERT_PATH;
    }
  }
  Object.assign(env, input.integration);
  return env;
}

/** DOCKER_CERT_PATH names one directory holding ca.pem, cert.pem and key.pem. */
function commonCertDir(files: { ca?: string; cert?: string; key?: string }): string | null {
  const dir = files.cert ? dirname(files.cert) : files.ca ? dirname(files.ca) : null;
  if (!dir) return null;
  const expected: Array<[string | undefined, string]> = [
    [files.ca, 'ca.pem'],
    [files.cert, 'cert.pem'],
    [files.key, 'key.pem'],
  ];
  return expected.every(([file, name]) => file === undefined || file === join(dir, name)) ? dir : null;
}
