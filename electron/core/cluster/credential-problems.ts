/**
 * What is wrong with a context's credentials, in one sentence, found before any request: a
 * certificate file that is missing, a certificate that expired, a credential (exec) plugin that
 * is not installed — and, by running only that plugin, one that fails. Shared by the doctor,
 * preflight and the run (the step shows the same sentence).
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { messageOf } from '../errors';

export type PemInput = { data: Buffer } | { file: string };

/** The credential parts of one context, whichever kubeconfig reader produced them. */
export interface ContextCredentials {
  user: string;
  cluster: string;
  cert?: PemInput;
  key?: PemInput;
  ca?: PemInput;
  /** The exec plugin's command, when the user's credentials come from one. */
  execCommand?: string;
}

export interface CredentialEnv {
  /** PATH as the learner's terminal has it. */
  path: string;
  now?: number;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function missingFile(input: PemInput | undefined, what: string, owner: string): string | null {
  if (!input || 'data' in input || existsSync(input.file)) return null;
  return `the ${what} file ${input.file} of ${owner} does not exist`;
}

function expiry(input: PemInput | undefined, now: number): number | null {
  if (!input) return null;
  try {
    const pem = 'data' in input ? input.data : readFileSync(input.file);
    const validTo = Date.parse(new X509Certificate(pem).validTo);
    return Number.isNaN(validTo) || validTo > now ? null : validTo;
  } catch {
    return null; // not a certificate we can read: the TLS handshake will say what is wrong
  }
}

function onPath(command: string, path: string): boolean {
  if (isAbsolute(command) || command.includes('/')) return existsSync(command);
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/** The first problem with these credentials, or null. Reads local files only; runs nothing. */
export function credentialProblem(credentials: ContextCredentials, env: CredentialEnv): string | null {
  const { user, cluster } = credentials;
  const now = env.now ?? Date.now();
  const missing =
    missingFile(credentials.cert, 'client certificate', `user ${user}`) ??
    missingFile(credentials.key, 'client key', `user ${user}`) ??
    missingFile(credentials.ca, 'certificate authority', `cluster ${cluster}`);
  if (missing) return missing;
  const certExpired = expiry(credentials.cert, now);
  if (certExpired !== null) return `the client certificate of user ${user} expired on ${day(certExpired)}`;
  const caExpired = expiry(credentials.ca, now);
  if (caExpired !== null) return `the certificate authority of cluster ${cluster} expired on ${day(caExpired)}`;
  if (credentials.execCommand && !onPath(credentials.execCommand, env.path))
    return `user ${user} gets its credentials from the plugin ${credentials.execCommand}, which is not installed (not on PATH)`;
  return null;
}

/** The current context's credentials as client-node read them. */
export function credentialsOf(config: KubeConfig): ContextCredentials | null {
  const context = config.getContextObject(config.getCurrentContext());
  const cluster = config.getCurrentCluster();
  const user = config.getCurrentUser();
  if (!context || !cluster) return null;
  const pem = (data: string | undefined, file: string | undefined): PemInput | undefined =>
    data ? { data: Buffer.from(data, 'base64') } : file ? { file } : undefined;
  const command = (user?.exec as { command?: unknown } | undefined)?.command;
  return {
    user: context.user,
    cluster: context.cluster,
    ...optional('cert', pem(user?.certData, user?.certFile)),
    ...optional('key', pem(user?.keyData, user?.keyFile)),
    ...optional('ca', pem(cluster.caData, cluster.caFile)),
    ...(typeof command === 'string' && command !== '' ? { execCommand: command } : {}),
  };
}

function optional<K extends string>(key: K, value: PemInput | undefined): Partial<Record<K, PemInput>> {
  return value ? ({ [key]: value } as Record<K, PemInput>) : {};
}

/**
 * Runs the current user's exec plugin, if any (client-node runs it the same way for a request),
 * and says in one sentence why it failed. Only ever called for a context the guard let through.
 */
export async function pluginProblem(config: KubeConfig): Promise<string | null> {
  const credentials = credentialsOf(config);
  if (!credentials?.execCommand) return null;
  try {
    await config.applyToFetchOptions({});
    return null;
  } catch (error) {
    const why = messageOf(error).trim().split('\n')[0] || 'it printed nothing';
    return `the credential plugin ${credentials.execCommand} of user ${credentials.user} failed: ${why}`;
  }
}
