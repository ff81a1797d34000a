import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app';
import type { AppInfo, ProgressSummary } from '../../electron/core/contract';
import { PROGRESS_FILE, ProgressStore } from '../../electron/core/progress/progress-store';
import { BaseClient } from '../../electron/core/rpc/client';

class SilentClient extends BaseClient {
  protected send(): void {}
}

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-progress-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('progress on disk', () => {
  it('keeps steps passed, hints revealed and the attempt across a restart', async () => {
    const store = new ProgressStore(dataDir);
    await store.update('docker/containers', (lesson) => {
      lesson.passed['run-your-first-container'] = 1700000000000;
      lesson.hintsRevealed['run-your-first-container'] = 2;
      lesson.attempt = {
        runId: 'r1',
        startedAt: 1699999999000,
        created: [{ type: 'container', id: 'abc', name: 'hello', step: 0 }],
      };
    });
    await store.flush();
    const again = new ProgressStore(dataDir);
    expect(again.notice).toBeNull();
    expect(again.lesson('docker/containers')).toMatchObject({
      passed: { 'run-your-first-container': 1700000000000 },
      hintsRevealed: { 'run-your-first-container': 2 },
      attempt: { runId: 'r1', created: [{ type: 'container', id: 'abc', name: 'hello', step: 0 }] },
    });
    expect(again.summary().lessons).toEqual([
      {
        lessonId: 'docker/containers',
        passed: { 'run-your-first-container': 1700000000000 },
        hintsRevealed: { 'run-your-first-container': 2 },
        completedAt: null,
        inProgress: true,
      },
    ]);
  });

  it('writes through a temporary file: no temporary file is left behind, the file is always whole JSON', async () => {
    const store = new ProgressStore(dataDir);
    const writes = Array.from({ length: 50 }, (_, i) => store.update('t/x', (lesson) => void (lesson.passed[`s${i}`] = i)));
    await Promise.all(writes);
    await store.flush();
    expect(readdirSync(dataDir)).toEqual([PROGRESS_FILE]);
    const saved = JSON.parse(readFileSync(join(dataDir, PROGRESS_FILE), 'utf8')) as {
      lessons: Record<string, { passed: Record<string, number> }>;
    };
    expect(Object.keys(saved.lessons['t/x']!.passed)).toHaveLength(50);
  });

  it('moves a corrupt file aside with a timestamp, starts clean and says so', async () => {
    writeFileSync(join(dataDir, PROGRESS_FILE), '{"version": 1, "lessons": {"docker/containers": {"passed": {"a": 17');
    const store = new ProgressStore(dataDir);
    expect(store.summary()).toEqual({ lessons: [] });
    const aside = readdirSync(dataDir).filter((name) => name.startsWith(`${PROGRESS_FILE}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^progress\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toContain('"passed": {"a": 17');
    expect(store.notice).toMatch(
      /^Your progress file could not be read \(.+\); it was kept at .*progress\.json\.corrupt-.* and progress starts afresh\.$/,
    );
    // Starting clean means the next save writes a good file again.
    await store.update('docker/containers', (lesson) => void (lesson.passed.b = 1));
    await store.flush();
    expect(new ProgressStore(dataDir).lesson('docker/containers').passed).toEqual({ b: 1 });
  });

  it('treats valid JSON of the wrong shape as corrupt too', () => {
    writeFileSync(join(dataDir, PROGRESS_FILE), JSON.stringify({ version: 1, lessons: { x: { passed: { a: 'yesterday' } } } }));
    const store = new ProgressStore(dataDir);
    expect(store.notice).toContain('lessons.x.passed.a:');
    expect(store.summary().lessons).toEqual([]);
  });

  it('surfaces the notice through app.info, and progress.get starts empty', async () => {
    writeFileSync(join(dataDir, PROGRESS_FILE), 'not json at all');
    const core = await createCore({
      env: { DOCKER_HOST: `unix://${join(dataDir, 'no-engine.sock')}` },
      dataDir,
      lessonsDir: join(import.meta.dirname, '..', '..', 'lessons'),
      version: 'test',
      engineTiming: { retryMs: 60_000, healthMs: 60_000, timeoutMs: 500 },
    });
    try {
      const client = new SilentClient('t');
      const info = (await core.handle('app.info', undefined, client)) as { result: AppInfo };
      expect(info.result.notices.some((n) => n.startsWith('Your progress file could not be read'))).toBe(true);
      const progress = (await core.handle('progress.get', undefined, client)) as { result: ProgressSummary };
      expect(progress.result).toEqual({ lessons: [] });
    } finally {
      await core.dispose();
    }
  });
});
