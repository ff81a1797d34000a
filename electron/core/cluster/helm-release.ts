/**
 * Helm's own release records, read through the API: Helm 3 keeps each revision of a release in a
 * Secret of type helm.sh/release.v1 (labels owner=helm, name, version, status) whose `release`
 * field is the release as JSON, gzipped, base64-encoded — and base64-encoded once more by the
 * Secret itself. No helm binary is needed to read them.
 */
import { gunzipSync } from 'node:zlib';
import type { KubeObject } from './resources';

export const HELM_RELEASE_TYPE = 'helm.sh/release.v1';

export interface HelmRelease {
  name: string;
  namespace: string;
  revision: number;
  status: string;
  chart: string;
  chartVersion: string;
  appVersion?: string;
  /** The values the user gave (helm's `config`), not the chart's defaults. */
  values: Record<string, unknown>;
}

interface ReleaseJson {
  name?: string;
  namespace?: string;
  version?: number;
  info?: { status?: string };
  chart?: { metadata?: { name?: string; version?: string; appVersion?: string } };
  config?: Record<string, unknown> | null;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** One record decoded; throws on a Secret that is not a Helm release. */
export function decodeRelease(secret: KubeObject): HelmRelease {
  const data = (secret as { data?: Record<string, string> }).data?.release;
  if (!data) throw new Error(`secret ${secret.metadata?.name ?? '?'} holds no release`);
  let bytes = Buffer.from(data, 'base64'); // the Secret's own encoding
  if (!(bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1])) bytes = Buffer.from(bytes.toString('latin1'), 'base64');
  const json =
    bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1] ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  const release = JSON.parse(json) as ReleaseJson;
  return {
    name: release.name ?? secret.metadata?.labels?.name ?? '',
    namespace: release.namespace ?? secret.metadata?.namespace ?? '',
    revision: release.version ?? Number(secret.metadata?.labels?.version ?? 0),
    status: release.info?.status ?? secret.metadata?.labels?.status ?? 'unknown',
    chart: release.chart?.metadata?.name ?? '',
    chartVersion: release.chart?.metadata?.version ?? '',
    ...(release.chart?.metadata?.appVersion ? { appVersion: release.chart.metadata.appVersion } : {}),
    values: release.config ?? {},
  };
}

/** The latest revision of each release among these Secrets (others and undecodable ones are skipped). */
export function latestReleases(secrets: KubeObject[]): Map<string, HelmRelease> {
  const latest = new Map<string, HelmRelease>();
  for (const secret of secrets) {
    if ((secret as { type?: string }).type !== HELM_RELEASE_TYPE) continue;
    let release: HelmRelease;
    try {
      release = decodeRelease(secret);
    } catch {
      continue;
    }
    const before = latest.get(release.name);
    if (!before || release.revision > before.revision) latest.set(release.name, release);
  }
  return latest;
}
