/**
 * Requests and limits in a `deployment` check: quantities compared by value (0.1 = 100m,
 * 1Gi = 1024Mi), bad quantities refused where the lesson is loaded, and misses in one clause.
 */
import { describe, expect, it } from 'vitest';
import { quantityValue, resourcesMisses } from '../../electron/core/checks/kube-resources';
import { parseLessonSource } from '../../electron/core/lessons/parse-lesson';
import { oneCheckLesson } from '../helpers/one-check-lesson';

const sized = [{ name: 'web', resources: { requests: { cpu: '100m', memory: '32Mi' }, limits: { cpu: '400m' } } }];

describe('container requests and limits', () => {
  it('reads quantities as Kubernetes does', () => {
    expect(quantityValue('100m')).toBeCloseTo(0.1);
    expect(quantityValue('1Gi')).toBe(1024 * quantityValue('1Mi')!);
    expect(quantityValue('2')).toBe(2);
    expect(quantityValue('lots')).toBeNull();
  });

  it('matches by value, not by spelling', () => {
    expect(resourcesMisses({ requests: { cpu: '0.1', memory: '32Mi' }, limits: { cpu: '400m' } }, sized)).toEqual([]);
  });

  it('names what differs and what is missing', () => {
    expect(resourcesMisses({ requests: { cpu: '200m' }, limits: { memory: '64Mi' } }, sized)).toEqual([
      'requests cpu 100m, not 200m',
      'limits no memory, not 64Mi',
    ]);
  });

  it('refuses a quantity Kubernetes would refuse, with file:line', () => {
    const outcome = parseLessonSource(oneCheckLesson('deployment: { name: web, requests: { cpu: lots } }'));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]!.message).toMatch(/requests\.cpu: expected a quantity like 100m or 64Mi/);
  });

  it('says what it wants in words', () => {
    const outcome = parseLessonSource(
      oneCheckLesson('deployment: { name: web, requests: { cpu: 100m, memory: 32Mi }, limits: { cpu: 1 } }'),
    );
    expect(outcome.ok && outcome.lesson.steps[0]!.checks[0]!.wants).toBe(
      'deployment web requests cpu 100m and memory 32Mi and limits cpu 1',
    );
  });
});
