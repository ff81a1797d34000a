import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LessonCatalog } from '../../electron/core/contract';
import { LessonLibrary } from '../../electron/core/lessons/lesson-library';
import { loadCatalog } from '../../electron/core/lessons/catalog';
import { parseLessonSource } from '../../electron/core/lessons/parse-lesson';
import { publicLesson } from '../../electron/core/lessons/public-lesson';
import { oneCheckLesson } from '../helpers/one-check-lesson';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'lessons');
const repoLessons = join(import.meta.dirname, '..', '..', 'lessons');

describe('the lesson loader on malformed lessons', () => {
  const catalog = loadCatalog(join(fixtures, 'broken'));
  const errorOf = (file: string) => catalog.broken.find((b) => b.file === `broken/${file}`)?.error;

  it('names file, line and problem for bad YAML', () => {
    expect(errorOf('bad-yaml.md')).toMatch(/^broken\/bad-yaml\.md:13: check: invalid YAML: /);
  });

  it('names an unknown check kind, once, with the kinds it knows', () => {
    expect(errorOf('unknown-kind.md')).toBe(
      `broken/unknown-kind.md:16: check[1]: unknown check kind 'contaner' (known kinds: container, image, volume, network, compose, exec, file, http, command, kubeContext, namespace, pod, deployment, replicaSet, statefulSet, daemonSet, job, service, configMap, secret, pvc, hpa, ingress, event, helmRelease, k9sState)`,
    );
    expect(catalog.problems.filter((p) => p.startsWith('broken/unknown-kind.md'))).toHaveLength(1);
  });

  it('names the step without a solution at its heading', () => {
    expect(errorOf('no-solution.md')).toBe(
      'broken/no-solution.md:20: step "Stop it" has no solution block (lessons:check replays it to prove the step can be passed)',
    );
  });

  it('lists the second lesson with a duplicate id as broken, pointing at both', () => {
    expect(errorOf('dup-b.md')).toBe('broken/dup-b.md:3: duplicate id fixture/duplicate: broken/dup-a.md:2 already uses it');
    expect(catalog.lessons.map((l) => l.summary.id)).toContain('fixture/duplicate');
  });

  it('explains a bad port map the way the issue shows', () => {
    expect(errorOf('bad-ports.md')).toBe('broken/bad-ports.md:16: check.container.ports: expected a map like {80/tcp: 1111}');
  });

  it('still loads every other lesson, and keeps the broken ones listed with their names', () => {
    expect(catalog.lessons.map((l) => l.summary.id).sort()).toEqual(['fixture/duplicate', 'fixture/good']);
    expect(catalog.broken.map((b) => b.file).sort()).toEqual([
      'broken/bad-ports.md',
      'broken/bad-yaml.md',
      'broken/dup-b.md',
      'broken/no-solution.md',
      'broken/unknown-kind.md',
    ]);
    expect(catalog.broken.find((b) => b.file === 'broken/bad-ports.md')).toMatchObject({
      id: 'fixture/bad-ports',
      title: 'A port map without protocols',
      line: 16,
    });
  });
});

describe('the lesson loader on valid lessons', () => {
  it('loads the fixture lesson that uses every check kind, in author order, with lines', () => {
    const catalog = loadCatalog(join(fixtures, 'valid'));
    expect(catalog.problems).toEqual([]);
    const lesson = catalog.lessons[0]!;
    expect(lesson.steps).toHaveLength(10);
    const kinds = new Set(lesson.steps.flatMap((s) => s.checks.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['compose', 'container', 'exec', 'file', 'http', 'image', 'network', 'volume']);
    const serve = lesson.steps[3]!;
    expect(serve.checks.map((c) => [c.id, c.line])).toEqual([
      ['http', 93],
      ['exec', 94],
    ]);
    expect(lesson.starterFiles).toEqual(['compose.yaml', 'Dockerfile']);
    expect(lesson.steps[2]!.checks.find((c) => c.id === 'container#2')!.wants).toBe(
      'exactly 1 container labelled tier=front, created during this lesson, is running',
    );
  });

  it('loads the shipped lessons without a problem, the first Docker lesson among them', () => {
    const catalog = loadCatalog(repoLessons);
    expect(catalog.problems).toEqual([]);
    const first = catalog.lessons.find((l) => l.summary.id === 'docker/containers')!;
    expect(first.summary.file).toBe('lessons/docker/01-containers.md');
    expect(first.steps.map((s) => s.title)).toEqual([
      'Run your first container',
      'Run a container in the background',
      'List your containers',
      'Stop the container',
      'Remove the containers',
    ]);
    for (const step of first.steps) {
      expect(step.checks.length).toBeGreaterThan(0);
      expect(step.hints.length).toBeGreaterThan(0);
      expect(step.solution.length).toBeGreaterThan(0);
    }
  });

  it('keeps the prose and sh blocks for the UI and takes the machine blocks out', () => {
    const source = [
      '---',
      'id: t/prose',
      'title: Prose',
      'summary: s',
      'track: t',
      'order: 0',
      'minutes: 1',
      '---',
      'Intro with **bold**.',
      '',
      '## Run `hello`',
      '',
      'Before.',
      '',
      '```sh',
      'docker run hello',
      '```',
      '',
      '```check',
      'container: { name: hello }',
      '```',
      '',
      '```hint',
      'First hint.',
      '```',
      '',
      '```hint',
      'Second hint.',
      '```',
      '',
      '```solution',
      'docker run --name hello busybox true',
      '```',
      '',
      'After.',
    ].join('\n');
    const outcome = parseLessonSource(source);
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    const step = outcome.lesson.steps[0]!;
    expect(step.title).toBe('Run hello');
    expect(step.id).toBe('run-hello');
    expect(step.markdown).toBe('Before.\n\n```sh\ndocker run hello\n```\n\nAfter.');
    expect(step.commands).toEqual(['docker run hello']);
    expect(step.hints).toEqual(['First hint.', 'Second hint.']);
    expect(outcome.lesson.intro).toBe('Intro with **bold**.');
  });

  it('reports front matter problems at their line, and a lesson with no steps', () => {
    const outcome = parseLessonSource(
      ['---', 'id: Bad Id', 'title: x', 'summary: s', 'track: t', 'order: 1', 'minutes: zero', '---', 'No steps.'].join('\n'),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: id: expected an id like docker/containers-101 (track/slug, lower case)',
      '7: minutes: expected a number of minutes',
      '9: the lesson has no steps: each step starts with a ## heading',
    ]);
  });

  it('rejects check values that would make a check weaker or unsafe', () => {
    const check = (yaml: string) => {
      const outcome = parseLessonSource(oneCheckLesson(yaml));
      return outcome.ok ? 'ok' : outcome.problems.map((p) => `${p.line}: ${p.message}`).join(' | ');
    };
    expect(check('container: { name: web, stat: running }')).toMatch(
      /^11: check\.container: unknown key 'stat' \(expected one of: name, /,
    );
    expect(check('container: { state: running }')).toBe(
      '11: check.container: select the container by exactly one of name, label or compose',
    );
    expect(check('exec: { container: web, command: [rm, -rf, /] }')).toMatch(
      /^11: check\.exec\.command: the command must start with a read-only program/,
    );
    expect(check('file: { path: ../../etc/passwd }')).toMatch(
      /^11: check\.file\.path: expected a path inside the lesson workspace/,
    );
    expect(check('http: { url: "http://example.com/" }')).toMatch(/^11: check\.http\.url: expected an http URL on this machine/);
    expect(check('image: { tag: x, history: "(" }')).toBe('11: check.image.history: not a valid regular expression: (');
    expect(check('container: { name: web, memory: lots }')).toBe(
      '11: check.container.memory: expected a size like 64m, 512k or 1g',
    );
    expect(check('container: { name: web, ports: { 80/tcp: 1111 } }')).toBe('ok');
  });

  it('gives the UI the lesson without check specs', () => {
    const catalog = loadCatalog(repoLessons);
    const lesson = publicLesson(catalog.lessons.find((l) => l.summary.id === 'docker/containers')!);
    expect(lesson.steps[0]!.checks).toEqual([
      {
        id: 'container',
        kind: 'container',
        wants: 'container hello, created during this lesson, exited with code 0 and runs image busybox:latest',
        live: false,
      },
    ]);
    expect(lesson.steps[0]!.hintCount).toBe(2);
    expect(JSON.stringify(lesson)).not.toContain('"spec"');
  });
});

describe('the lesson library', () => {
  it('reloads when a lesson file changes, and reports a lesson that broke', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockside-library-'));
    try {
      const write = (check: string) =>
        writeFileSync(
          join(dir, 'one.md'),
          [
            '---',
            'id: t/one',
            'title: One',
            'summary: s',
            'track: t',
            'order: 1',
            'minutes: 1',
            '---',
            '## Step',
            '```check',
            check,
            '```',
            '```solution',
            'true',
            '```',
          ].join('\n'),
        );
      write('container: { name: web }');
      const library = new LessonLibrary(dir);
      expect(library.catalog().lessons.map((l) => l.id)).toEqual(['t/one']);
      const changed = new Promise<LessonCatalog>((resolve) => library.onChange(resolve));
      library.watch();
      write('container: { name: web, ports: [80] }');
      const catalog = await changed;
      library.unwatch();
      expect(catalog.lessons).toEqual([]);
      expect(catalog.broken.map((b) => b.error)).toEqual([
        `${basename(dir)}/one.md:11: check.container.ports: expected a map like {80/tcp: 1111}`,
      ]);
      expect(() => library.require('t/one')).toThrow(/^The lesson "One" cannot be loaded: .*one\.md:11: check\.container\.ports/);
      expect(() => library.require('t/none')).toThrow('There is no lesson "t/none".');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
