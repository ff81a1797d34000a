/** `ingress`: its class, and rules routing host/path to a service (and port). */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { defineKubeKind, differs, kubeName, kubeSpec } from './kube-objects';
import { joinAnd } from './phrases';
import { strict } from './schema-helpers';

const ruleSpec = strict({
  host: z.string().min(1).optional(),
  path: z.string().startsWith('/', { error: 'expected a path like /api' }).default('/'),
  service: kubeName,
  port: z.union([z.number().int().min(1).max(65535), z.string().min(1)]).optional(),
});

const ingressSpec = kubeSpec({
  className: z.string().min(1).optional(),
  rules: z.array(ruleSpec).optional(),
});

type IngressSpec = z.output<typeof ingressSpec>;
type RuleWant = z.output<typeof ruleSpec>;

interface Route {
  host: string;
  path: string;
  service: string;
  port: string;
}

interface Ingress extends KubeObject {
  spec?: {
    ingressClassName?: string;
    rules?: Array<{
      host?: string;
      http?: {
        paths?: Array<{ path?: string; backend?: { service?: { name?: string; port?: { number?: number; name?: string } } } }>;
      };
    }>;
  };
}

function routes(ingress: Ingress): Route[] {
  return (ingress.spec?.rules ?? []).flatMap((rule) =>
    (rule.http?.paths ?? []).map((path) => ({
      host: rule.host ?? '',
      path: path.path ?? '/',
      service: path.backend?.service?.name ?? '',
      port: String(path.backend?.service?.port?.number ?? path.backend?.service?.port?.name ?? ''),
    })),
  );
}

const routeText = (r: { host?: string | undefined; path: string; service: string; port?: string | number | undefined }) =>
  `${r.host ?? '*'}${r.path} → ${r.service}${r.port !== undefined && r.port !== '' ? `:${r.port}` : ''}`;

function wanted(spec: IngressSpec): string[] {
  return [
    ...(spec.className !== undefined ? [`is of class ${spec.className}`] : []),
    ...(spec.rules !== undefined ? [`routes ${joinAnd(spec.rules.map(routeText))}`] : []),
  ];
}

function routeMatches(route: Route, want: RuleWant): boolean {
  return (
    (want.host === undefined || route.host === want.host) &&
    route.path === want.path &&
    route.service === want.service &&
    (want.port === undefined || route.port === String(want.port))
  );
}

function misses(spec: IngressSpec, object: KubeObject): string[] {
  const actual = routes(object);
  const missing = (spec.rules ?? []).filter((want) => !actual.some((route) => routeMatches(route, want)));
  return [
    ...differs((object as Ingress).spec?.ingressClassName, spec.className, (v) => `is of class ${v}`),
    ...(missing.length > 0
      ? [`routes ${actual.length > 0 ? joinAnd(actual.map(routeText)) : 'nothing'}, not ${joinAnd(missing.map(routeText))}`]
      : []),
  ];
}

export const ingressCheck = defineKubeKind<IngressSpec>({
  name: 'ingress',
  resource: 'ingresses',
  noun: 'ingress',
  schema: ingressSpec,
  wanted,
  misses,
});
