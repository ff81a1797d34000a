/** A Kubernetes lesson for the e2e tests only, written into the test's own lessons directory. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUBE_LESSON_ID = 'kubernetes/cluster-e2e';

const fence = '```';

const step = (title: string, check: string, hint: string, solution: string) =>
  [
    `## ${title}`,
    '',
    `${fence}check`,
    check,
    fence,
    '',
    `${fence}hint`,
    hint,
    fence,
    '',
    `${fence}solution`,
    solution,
    fence,
    '',
  ].join('\n');

export const KUBE_LESSON = [
  '---',
  `id: ${KUBE_LESSON_ID}`,
  'title: A lesson on the test cluster',
  'summary: Objects typed with kubectl, checked from the cluster watches',
  'track: kubernetes',
  'order: 1',
  'minutes: 5',
  'requires: [kubernetes]',
  '---',
  '',
  '# A lesson on the test cluster',
  '',
  'Every step is done with `kubectl` in the terminal.',
  '',
  step(
    'Make a config map',
    'configMap: { name: settings, data: { color: blue } }',
    '`kubectl create configmap --from-literal` makes one.',
    'kubectl create configmap settings --from-literal=color=blue',
  ),
  step(
    'Run two replicas',
    'deployment: { name: web, ready: 2 }',
    '`kubectl create deployment --replicas` makes one.',
    'kubectl create deployment web --image=busybox:latest --replicas=2',
  ),
  step(
    'Expose them',
    'service: { name: web, endpoints: 2 }',
    '`kubectl expose deployment` makes a Service for it.',
    'kubectl expose deployment web --port=80 --target-port=8080',
  ),
  step(
    'Make a role for the whole cluster',
    'command: { matches: "^kubectl create clusterrole ", exitCode: 0 }',
    'A ClusterRole is not in any namespace.',
    'kubectl create clusterrole e2e-reader --verb=get --resource=pods',
  ),
].join('\n');

/** A lessons directory holding only this lesson. */
export function kubeLessonsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-kube-lessons-'));
  mkdirSync(join(dir, 'kubernetes'));
  writeFileSync(join(dir, 'kubernetes', '01-cluster-e2e.md'), KUBE_LESSON);
  return dir;
}
