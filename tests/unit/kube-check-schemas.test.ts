/**
 * Kubernetes checks in lesson files: an unknown kind or field fails to load with file:line, as
 * Docker ones do, and the sentence a step shows is built from what the author wrote.
 */
import { describe, expect, it } from 'vitest';
import { parseLessonSource } from '../../electron/core/lessons/parse-lesson';
import { oneCheckLesson } from '../helpers/one-check-lesson';

function load(yaml: string): string {
  const outcome = parseLessonSource(oneCheckLesson(yaml));
  if (!outcome.ok) return outcome.problems.map((p) => `${p.line}: ${p.message}`).join(' | ');
  return outcome.lesson.steps[0]!.checks.map((c) => c.wants).join(' | ');
}

describe('Kubernetes check blocks', () => {
  it('names an unknown kind with file:line', () => {
    expect(load('deploymnet: { name: web }')).toMatch(/^11: check: unknown check kind 'deploymnet' \(known kinds: .*deployment/);
  });

  it('names an unknown field with the fields it knows', () => {
    expect(load('deployment: { name: web, replicsa: 3 }')).toMatch(
      /^11: check\.deployment: unknown key 'replicsa' \(expected one of: name, labels, namespace, present, count, replicas, /,
    );
    expect(load('service: { name: web, ports: [{ port: 80, target: 8080 }] }')).toMatch(/^11: check\.service\.ports\[0\]/);
  });

  it('refuses a selector that is both or neither', () => {
    expect(load('pod: { phase: Running }')).toBe('11: check.pod: select by exactly one of name or labels');
    expect(load('pod: { name: a, labels: { app: a }, phase: Running }')).toBe(
      '11: check.pod: select by exactly one of name or labels',
    );
  });

  it('refuses names Kubernetes would refuse, and bad values', () => {
    expect(load('configMap: { name: Web_Config }')).toMatch(/^11: check\.configMap\.name: expected a Kubernetes name/);
    expect(load('pod: { name: a, phase: running }')).toMatch(/^11: check\.pod\.phase: expected one of Pending, Running/);
    expect(load('pvc: { name: data, storage: lots }')).toBe('11: check.pvc.storage: expected a quantity like 1Gi');
  });

  it('says what it wants in one sentence', () => {
    expect(load('deployment: { name: web, replicas: 3, ready: 3, image: "nginx:1.27" }')).toBe(
      'deployment web wants 3 replicas, has 3 ready replicas and runs nginx:1.27',
    );
    expect(load('pod: { labels: { app: web }, count: 2, phase: Running }')).toBe(
      'exactly 2 pods labelled app=web each is Running',
    );
    expect(load('secret: { name: db, data: { password: hunter2 } }')).toBe('secret db has the expected value of password');
    expect(load('helmRelease: { name: demo, chart: web, revision: 2, values: { replicaCount: 2 } }')).toBe(
      'Helm release demo is of chart web, is at revision 2 and sets replicaCount=2',
    );
    expect(load('kubeContext: { namespace: demo }')).toBe('in the lesson kubeconfig, its namespace is demo');
    expect(load('event: { reason: Killing, object: { kind: Pod } }')).toBe(
      'an event Killing about Pod was recorded since this step began',
    );
    expect(load('event: { reason: BackOff, type: Warning }')).toBe('a Warning event BackOff was recorded since this step began');
  });
});
