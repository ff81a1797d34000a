/**
 * The learner's kubeconfig as kubectl sees it: the files in KUBECONFIG merged (the first file to
 * name a cluster, user or context wins, and so does the first current-context), or ~/.kube/config.
 * Files named in KUBECONFIG that do not exist are skipped, as kubectl skips them.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { messageOf } from '../errors';
import { splitPath } from './login-path';
import type { DoctorSystem } from './system';

export interface KubeCluster {
  server: string;
  /** PEM text, or the path to read it from (relative paths already resolved). */
  ca?: PemSource;
  insecure: boolean;
  tlsServerName?: string;
}

export interface KubeUser {
  cert?: PemSource;
  key?: PemSource;
  /** The credential (exec) plugin's command, when the user's credentials come from one. */
  exec?: string;
}

export type PemSource = { data: Buffer } | { file: string };

export interface KubeContextEntry {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface Kubeconfig {
  /** The files that were read. */
  files: string[];
  currentContext: string | null;
  contexts: KubeContextEntry[];
  clusters: Map<string, KubeCluster>;
  users: Map<string, KubeUser>;
  /** Files that exist but cannot be parsed: "<file>: <why>". */
  errors: string[];
}

export function kubeconfigFiles(system: Pick<DoctorSystem, 'env' | 'homeDir' | 'platform'>): string[] {
  const fromEnv = system.env.KUBECONFIG;
  if (fromEnv && fromEnv !== '') return splitPath(fromEnv, system.platform).map((file) => resolve(system.homeDir, file));
  return [join(system.homeDir, '.kube', 'config')];
}

export function loadKubeconfig(system: DoctorSystem): Kubeconfig {
  const config: Kubeconfig = { files: [], currentContext: null, contexts: [], clusters: new Map(), users: new Map(), errors: [] };
  const seenContexts = new Set<string>();
  for (const file of kubeconfigFiles(system)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') config.errors.push(`${file}: ${messageOf(error)}`);
      continue;
    }
    config.files.push(file);
    const document = parseDocument(text);
    if (document.errors.length > 0) {
      config.errors.push(`${file}: ${firstLine(document.errors[0]!.message)}`);
      continue;
    }
    const raw: unknown = document.toJS();
    if (raw === null || raw === undefined) continue; // an empty file is a valid, empty config
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      config.errors.push(`${file}: a kubeconfig is a YAML mapping, this file holds something else.`);
      continue;
    }
    mergeFile(config, raw as Record<string, unknown>, dirname(file), seenContexts);
  }
  return config;
}

function mergeFile(config: Kubeconfig, raw: Record<string, unknown>, baseDir: string, seenContexts: Set<string>): void {
  const current = raw['current-context'];
  if (config.currentContext === null && typeof current === 'string' && current !== '') config.currentContext = current;

  for (const { name, body } of namedEntries(raw.clusters, 'cluster')) {
    if (config.clusters.has(name) || typeof body.server !== 'string') continue;
    const ca = pemSource(body['certificate-authority-data'], body['certificate-authority'], baseDir);
    config.clusters.set(name, {
      server: body.server,
      ...(ca ? { ca } : {}),
      insecure: body['insecure-skip-tls-verify'] === true,
      ...(typeof body['tls-server-name'] === 'string' ? { tlsServerName: body['tls-server-name'] } : {}),
    });
  }
  for (const { name, body } of namedEntries(raw.users, 'user')) {
    if (config.users.has(name)) continue;
    const cert = pemSource(body['client-certificate-data'], body['client-certificate'], baseDir);
    const key = pemSource(body['client-key-data'], body['client-key'], baseDir);
    const exec = (body.exec as { command?: unknown } | undefined)?.command;
    config.users.set(name, {
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      ...(typeof exec === 'string' && exec !== '' ? { exec } : {}),
    });
  }
  for (const { name, body } of namedEntries(raw.contexts, 'context')) {
    if (seenContexts.has(name)) continue;
    seenContexts.add(name);
    config.contexts.push({
      name,
      cluster: typeof body.cluster === 'string' ? body.cluster : '',
      user: typeof body.user === 'string' ? body.user : '',
      ...(typeof body.namespace === 'string' && body.namespace !== '' ? { namespace: body.namespace } : {}),
    });
  }
}

/** `clusters: [{ name, cluster: {...} }]` and the like; malformed items are skipped. */
function namedEntries(list: unknown, key: string): Array<{ name: string; body: Record<string, unknown> }> {
  if (!Array.isArray(list)) return [];
  const entries: Array<{ name: string; body: Record<string, unknown> }> = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, [key]: body } = item as Record<string, unknown>;
    if (typeof name !== 'string' || typeof body !== 'object' || body === null) continue;
    entries.push({ name, body: body as Record<string, unknown> });
  }
  return entries;
}

function pemSource(data: unknown, file: unknown, baseDir: string): PemSource | undefined {
  if (typeof data === 'string' && data !== '') return { data: Buffer.from(data, 'base64') };
  if (typeof file === 'string' && file !== '') return { file: isAbsolute(file) ? file : join(baseDir, file) };
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
