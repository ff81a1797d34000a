/**
 * Does a Kubernetes API server answer? One bounded GET /version with the kubeconfig's CA and
 * client certificate. Any HTTP answer counts — a 401 or 403 means the server is up and only
 * wants credentials we did not send.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { messageOf } from '../errors';
import type { KubeCluster, KubeUser, PemSource } from './kubeconfig';

export interface KubeProbe {
  answers: boolean;
  status?: number;
  version?: string;
  error?: string;
}

export async function probeApiServer(cluster: KubeCluster, user: KubeUser | undefined, timeoutMs: number): Promise<KubeProbe> {
  let url: URL;
  try {
    url = new URL('/version', cluster.server);
  } catch {
    return { answers: false, error: `"${cluster.server}" is not a URL.` };
  }
  let tls: https.RequestOptions = {};
  try {
    if (url.protocol === 'https:') tls = await tlsOptions(cluster, user);
  } catch (error) {
    return { answers: false, error: `cannot read a certificate file: ${messageOf(error)}` };
  }
  return new Promise((resolve) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(
      url,
      { method: 'GET', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' }, agent: false, ...tls },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          if (chunks.length < 64) chunks.push(chunk);
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          resolve({ answers: true, status, ...versionFrom(status, Buffer.concat(chunks).toString('utf8')) });
        });
        response.on('error', () => resolve({ answers: true, status: response.statusCode ?? 0 }));
      },
    );
    request.on('error', (error) => resolve({ answers: false, error: describeFailure(error, cluster.server, timeoutMs) }));
    request.end();
  });
}

async function tlsOptions(cluster: KubeCluster, user: KubeUser | undefined): Promise<https.RequestOptions> {
  const [ca, cert, key] = await Promise.all([pem(cluster.ca), pem(user?.cert), pem(user?.key)]);
  return {
    ...(ca ? { ca } : {}),
    ...(cert && key ? { cert, key } : {}),
    ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}),
    rejectUnauthorized: !cluster.insecure,
  };
}

async function pem(source: PemSource | undefined): Promise<Buffer | undefined> {
  if (!source) return undefined;
  return 'data' in source ? source.data : readFile(source.file);
}

function versionFrom(status: number, body: string): { version?: string } {
  if (status !== 200) return {};
  try {
    const parsed = JSON.parse(body) as { gitVersion?: unknown };
    return typeof parsed.gitVersion === 'string' ? { version: parsed.gitVersion } : {};
  } catch {
    return {};
  }
}

function describeFailure(error: Error, server: string, timeoutMs: number): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ECONNREFUSED') return `nothing listens at ${server}.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host of ${server} cannot be found.`;
  if (error.name === 'AbortError' || code === 'ABORT_ERR' || code === 'ETIMEDOUT')
    return `${server} did not answer within ${timeoutMs} ms.`;
  if (/CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA_ALERT/i.test(code)) {
    return `${server} answered, but refused the client certificate the kubeconfig gives (${code}).`;
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO/i.test(code))
    return `${server} answered, but its certificate was not accepted (${code}).`;
  return `${server}: ${error.message}`;
}
