/**
 * `kubeContext: { currentIsLesson: true }`: the lesson kubeconfig's current context is the one
 * Dockside wrote for the run, whatever the learner's cluster calls it — how the contexts lesson
 * checks "switch back" without knowing the name. A real kubeconfig file in a temporary
 * workspace, switched the way `kubectl config use-context` writes it; no cluster needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKind } from '../../electron/core/checks/registry';
import { offlineCheckContext } from '../helpers/offline-check-context';

const kubeContext = checkKind('kubeContext');
let workspace: string;
let kubeconfigPath: string;

function writeKubeconfig(current: string): void {
  const context = (name: string, namespace: string) =>
    `- name: ${name}\n  context: { cluster: c, user: u, namespace: ${namespace} }\n`;
  writeFileSync(
    kubeconfigPath,
    'apiVersion: v1\nkind: Config\n' +
      'clusters:\n- name: c\n  cluster: { server: "https://127.0.0.1:6443" }\n' +
      'users:\n- name: u\n  user: { token: t }\n' +
      `contexts:\n${context('kind-dockside', 'dockside-kubernetes-contexts-1a2b3c4d')}${context('practice', 'ctx-practice')}` +
      `current-context: ${current}\n`,
  );
}

async function evaluate(spec: unknown) {
  return kubeContext.evaluate(
    kubeContext.schema.parse(spec),
    offlineCheckContext(workspace, {
      context: 'kind-dockside',
      namespace: 'dockside-kubernetes-contexts-1a2b3c4d',
      kubeconfigPath,
    }),
  );
}

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'dockside-kube-context-'));
  kubeconfigPath = join(workspace, 'config');
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('kubeContext, currentIsLesson', () => {
  it('fails while another context is current, naming both', async () => {
    writeKubeconfig('practice');
    expect(await evaluate({ currentIsLesson: true })).toEqual({
      pass: false,
      explanation: 'in the lesson kubeconfig, the current context is practice, not the lesson’s own (kind-dockside)',
    });
  });

  it('passes once the lesson’s context is current again, with its namespace', async () => {
    writeKubeconfig('kind-dockside');
    expect(
      await evaluate({ currentIsLesson: true, namespace: 'dockside-kubernetes-contexts-1a2b3c4d', contexts: ['practice'] }),
    ).toEqual({
      pass: true,
      explanation:
        'in the lesson kubeconfig, the current context is the lesson’s own, its namespace is dockside-kubernetes-contexts-1a2b3c4d and contexts practice exist',
    });
  });

  it('takes only true (false would say nothing a lesson can check)', () => {
    expect(kubeContext.schema.safeParse({ currentIsLesson: false }).success).toBe(false);
  });
});
