/**
 * Which context the Kubernetes lessons use, and what the guard dialog asks: decided from a real
 * kubeconfig (read by @kubernetes/client-node, contacting nothing) and the remembered answers.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { summariseContexts } from '../../electron/core/cluster/learner-kubeconfig';
import { acceptChoice, decideLessonContext, toolOf } from '../../electron/core/cluster/lesson-context';

function contextsOf(current: string, entries: [name: string, server: string][]) {
  const config = new KubeConfig();
  config.loadFromString(
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: entries.map(([name, server]) => ({ name, cluster: { server } })),
      users: [{ name: 'u', user: { token: 't' } }],
      contexts: entries.map(([name]) => ({ name, context: { cluster: name, user: 'u' } })),
      'current-context': current,
    }),
  );
  return summariseContexts(config);
}

const PROD: [string, string] = ['prod-eks', 'https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com'];
const KIND: [string, string] = ['kind-dockside', 'https://127.0.0.1:41234'];
const COLIMA: [string, string] = ['colima', 'https://192.168.5.15:6443'];

describe('decideLessonContext', () => {
  it('uses the current context when it is local, and asks nothing', () => {
    const decision = decideLessonContext(contextsOf('kind-dockside', [PROD, KIND]), {});
    expect(decision).toMatchObject({ source: 'current', allowRemote: null, guard: null });
    expect(decision.context?.name).toBe('kind-dockside');
  });

  it('with a remote current context: offers the local ones, asks, and never allows the remote one', () => {
    const decision = decideLessonContext(contextsOf('prod-eks', [PROD, COLIMA, KIND]), {});
    expect(decision.source).toBe('offered');
    expect(decision.allowRemote).toBeNull();
    expect(decision.context?.name).toBe('colima');
    expect(decision.guard?.current).toMatchObject({ name: 'prod-eks', local: false, tool: 'a remote cluster' });
    expect(decision.guard?.localContexts.map((c) => [c.name, c.tool])).toEqual([
      ['colima', 'Colima (k3s)'],
      ['kind-dockside', 'kind'],
    ]);
    expect(decision.guard?.effects.join(' ')).toMatch(/namespace named dockside-<lesson>-<run>, labelled dockside\.dev\/lesson/);
  });

  it('says there is no local cluster when the kubeconfig has only remote contexts', () => {
    const decision = decideLessonContext(contextsOf('prod-eks', [PROD]), {});
    expect(decision).toMatchObject({ context: null, source: null, allowRemote: null });
    expect(decision.guard?.localContexts).toEqual([]);
  });

  it('follows a remembered answer for this current context', () => {
    const contexts = contextsOf('prod-eks', [PROD, COLIMA, KIND]);
    const decision = decideLessonContext(contexts, { 'prod-eks': { context: 'kind-dockside', server: KIND[1] } });
    expect(decision).toMatchObject({ source: 'chosen', allowRemote: null, guard: null });
    expect(decision.context?.name).toBe('kind-dockside');
  });

  it('allows a remote context only as a remembered typed answer, and only while its server is unchanged', () => {
    const contexts = contextsOf('prod-eks', [PROD, KIND]);
    const picked = decideLessonContext(contexts, { 'prod-eks': { context: 'prod-eks', server: PROD[1] } });
    expect(picked).toMatchObject({ source: 'chosen', allowRemote: 'prod-eks', guard: null });
    const moved = decideLessonContext(contexts, { 'prod-eks': { context: 'prod-eks', server: 'https://10.0.0.9' } });
    expect(moved).toMatchObject({ source: 'offered', allowRemote: null });
    expect(moved.guard).not.toBeNull();
  });

  it('ignores an answer given for another current context', () => {
    const decision = decideLessonContext(contextsOf('prod-eks', [PROD, KIND]), {
      staging: { context: 'prod-eks', server: PROD[1] },
    });
    expect(decision.allowRemote).toBeNull();
  });
});

describe('acceptChoice', () => {
  const contexts = contextsOf('prod-eks', [PROD, KIND]);

  it('takes a local context as it is', () => {
    expect(acceptChoice(contexts, { context: 'kind-dockside' })).toEqual({
      ok: true,
      choice: { context: 'kind-dockside', server: KIND[1] },
    });
  });

  it('refuses a remote context unless its name was typed exactly', () => {
    for (const typedName of [undefined, '', 'prod', 'PROD-EKS', 'prod-eks ']) {
      const answer = acceptChoice(contexts, { context: 'prod-eks', ...(typedName === undefined ? {} : { typedName }) });
      expect(answer).toEqual({
        ok: false,
        error: 'Context prod-eks is not on this machine: type its name exactly to use it for lessons.',
      });
    }
    expect(acceptChoice(contexts, { context: 'prod-eks', typedName: 'prod-eks' })).toMatchObject({ ok: true });
  });

  it('refuses a context the kubeconfig does not have', () => {
    expect(acceptChoice(contexts, { context: 'nope' })).toEqual({
      ok: false,
      error: 'Your kubeconfig has no context named nope.',
    });
  });
});

describe('toolOf', () => {
  it.each([
    ['kind-dockside', true, 'kind'],
    ['k3d-dev', true, 'k3d'],
    ['colima', true, 'Colima (k3s)'],
    ['docker-desktop', true, 'Docker Desktop'],
    ['orbstack', true, 'OrbStack'],
    ['rancher-desktop', true, 'Rancher Desktop'],
    ['minikube', true, 'minikube'],
    ['dev', true, 'a local cluster'],
    ['prod', false, 'a remote cluster'],
  ])('%s is %s', (name, local, tool) => {
    expect(toolOf({ name, local })).toBe(tool);
  });
});
