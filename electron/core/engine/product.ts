/**
 * Which product an engine is, from what it says about itself in `GET /info` and where it lives.
 * Shared by the status bar and the environment doctor.
 */
import type { EngineInfoRaw } from './docker-client';

export function identifyProduct(info: EngineInfoRaw, host: string): string {
  const os = info.OperatingSystem ?? '';
  const name = info.Name ?? '';
  const labels = info.Labels ?? [];
  if (/docker desktop/i.test(os)) return 'Docker Desktop';
  if (/orbstack/i.test(os) || host.includes('.orbstack')) return 'OrbStack';
  if (/rancher desktop/i.test(os) || host.includes('/.rd/')) return 'Rancher Desktop';
  if (/^colima/i.test(name) || host.includes('colima')) return 'Colima';
  if (/podman/i.test(os) || labels.some((l) => /podman/i.test(l)) || host.includes('podman')) return 'Podman';
  if ((info.SecurityOptions ?? []).some((o) => o.includes('rootless'))) return 'Docker Engine (rootless)';
  return 'Docker Engine';
}
