/**
 * The `k9sState` check: k9s's own saved state and screen dumps in the lesson's K9S_CONFIG_DIR,
 * found by the context's cluster and name. The files are written here exactly as k9s v0.50.16
 * wrote them on the test cluster (a lesson kubeconfig with context `lesson` of cluster
 * `dockside-test`; `:rb`, `:pulse`, `:xray deploy`, `:ns` + all, Ctrl-S in a log view).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { k9sContextPath } from '../../electron/core/checks/k9s-state';
import { describeView, sameView } from '../../electron/core/checks/k9s-views';
import type { CheckContext } from '../../electron/core/checks/kind';
import { checkKind } from '../../electron/core/checks/registry';

const k9sState = checkKind('k9sState');
const startedAt = Date.now() - 60_000;
let workspace: string;

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: dockside-test
  cluster: { server: "https://127.0.0.1:33443" }
- name: "arn:aws:eks:eu-west-1:1234:cluster/demo"
  cluster: { server: "https://127.0.0.1:33444" }
users:
- name: admin
  user: {}
contexts:
- name: lesson
  context: { cluster: dockside-test, user: admin, namespace: k9s-demo }
- name: "arn:aws:eks:eu-west-1:1234:cluster/demo"
  context: { cluster: "arn:aws:eks:eu-west-1:1234:cluster/demo", user: admin }
current-context: lesson
`;

/** A context's config.yaml as k9s v0.50.16 writes it as it quits. */
function savedState(view: string, namespace: string): string {
  return `k9s:
  cluster: dockside-test
  namespace:
    active: ${namespace}
    lockFavorites: false
    favorites:
      - all
      - k9s-demo
      - default
  view:
    active: ${view}
  featureGates:
    nodeShell: false
  proxy: null
`;
}

function write(relative: string, text: string, mtime?: Date): void {
  const path = join(workspace, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  if (mtime) utimesSync(path, mtime, mtime);
}

function context(): CheckContext {
  return {
    // k9sState reads only files: the lesson kubeconfig and K9S_CONFIG_DIR in the workspace.
    engine: null as unknown as CheckContext['engine'],
    run: {
      startedAt,
      stepStartedAt: startedAt,
      workspaceDir: workspace,
      createdDuringRun: () => false,
      createdNames: () => [],
      commandsSince: () => [],
      cluster: { context: 'lesson', namespace: 'k9s-demo', kubeconfigPath: join(workspace, '.kube', 'config') },
    },
  };
}

async function evaluate(spec: unknown) {
  return k9sState.evaluate(k9sState.schema.parse(spec), context());
}

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'dockside-k9s-state-'));
  write('.kube/config', KUBECONFIG);
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

describe('k9s views, as saved and as written in a check', () => {
  it('resolves group/version prefixes, aliases and the xray target', () => {
    expect(sameView('rolebindings', 'rbac.authorization.k8s.io/v1/rolebindings k9s-demo')).toBe(true);
    expect(sameView('rolebindings all', 'rbac.authorization.k8s.io/v1/rolebindings all')).toBe(true);
    expect(sameView('rolebindings all', 'rbac.authorization.k8s.io/v1/rolebindings k9s-demo')).toBe(false);
    expect(sameView('pulses', 'pulses')).toBe(true);
    expect(sameView('pulse', 'pulses')).toBe(true);
    expect(sameView('xray deployments', 'x deploy')).toBe(true);
    expect(sameView('xray deployments', 'xray po')).toBe(false);
    expect(sameView('pods', 'apps/v1/deployments k9s-demo')).toBe(false);
    expect(describeView('v1/pods k9s-demo')).toBe('pods in k9s-demo');
    expect(describeView('xray deploy')).toBe('xray deployments');
  });

  it('names folders as k9s does: runs of : and / become -', () => {
    expect(k9sContextPath('arn:aws:eks:eu-west-1:1234:cluster/demo', 'a//b')).toBe(
      join('arn-aws-eks-eu-west-1-1234-cluster-demo', 'a-b'),
    );
  });
});

describe('k9sState check', () => {
  const state = '.k9s/clusters/dockside-test/lesson/config.yaml';

  it('fails until k9s has saved its state during this run, and says how k9s saves', async () => {
    expect(await evaluate({ view: 'pulses' })).toEqual({
      pass: false,
      explanation:
        "for the lesson's context, k9s has not saved its state for it during this lesson (it saves as it quits: type :q)",
    });
    write(state, savedState('pulses', 'k9s-demo'), new Date(startedAt - 3_600_000));
    expect(await evaluate({ view: 'pulses' })).toMatchObject({ pass: false });
  });

  it('passes on the view and namespace k9s saved, and names the nearest miss', async () => {
    write(state, savedState('rbac.authorization.k8s.io/v1/rolebindings all', 'all'));
    expect(await evaluate({ view: 'rolebindings', namespace: 'all' })).toEqual({
      pass: true,
      explanation:
        "k9s saved its state for the lesson's context during this lesson: it was showing rolebindings and its namespace was all",
    });
    expect(await evaluate({ view: 'pulses', namespace: 'k9s-demo' })).toEqual({
      pass: false,
      explanation:
        "for the lesson's context, k9s was showing rolebindings in all as it quit, not pulses and its namespace was all, not k9s-demo",
    });
  });

  it("reads another context's folder, by its cluster's name as k9s writes it", async () => {
    const eks = 'arn:aws:eks:eu-west-1:1234:cluster/demo';
    expect(await evaluate({ context: 'lessonb' })).toEqual({
      pass: false,
      explanation: `the lesson kubeconfig has no context lessonb (there: lesson and ${eks})`,
    });
    expect(await evaluate({ context: eks })).toMatchObject({ pass: false });
    write(`.k9s/clusters/${k9sContextPath(eks, eks)}/config.yaml`, savedState('v1/pods default', 'default'));
    expect(await evaluate({ context: eks, view: 'pods' })).toMatchObject({ pass: true });
  });

  it('finds a screen dump of this run by name and text', async () => {
    const dumps = '.k9s/screen-dumps/dockside-test/lesson';
    const spec = { dump: { name: '^k9s-demo-web-', contains: 'tick 3' } };
    expect(await evaluate(spec)).toEqual({
      pass: false,
      explanation: "for the lesson's context, k9s saved no screen dump during this lesson (Ctrl-S saves one)",
    });
    write(`${dumps}/pods-k9s-demo-1796094192701956725.csv`, 'NAMESPACE,NAME\nk9s-demo,web-5c4556b659-8ckd4\n');
    expect((await evaluate(spec)).explanation).toBe(
      "for the lesson's context, no screen dump named like /^k9s-demo-web-/ (saved: pods-k9s-demo-1796094192701956725.csv)",
    );
    write(`${dumps}/k9s-demo-web-5c4556b659-8ckd4-1796094197937888891.log`, 'tick 1\ntick 2\n');
    expect(await evaluate(spec)).toMatchObject({ pass: false });
    write(`${dumps}/k9s-demo-web-5c4556b659-8ckd4-1796094197937888892.log`, 'tick 2\ntick 3\n');
    expect(await evaluate(spec)).toEqual({
      pass: true,
      explanation:
        'k9s saved its state for the lesson\'s context during this lesson: it saved a screen dump named like /^k9s-demo-web-/ and containing "tick 3"',
    });
  });

  it('refuses keys it does not know and patterns that do not compile', () => {
    expect(() => k9sState.schema.parse({ veiw: 'pods' })).toThrow(/unknown key 'veiw'/);
    expect(() => k9sState.schema.parse({ dump: { name: '(' } })).toThrow(/not a valid regular expression/);
  });
});
