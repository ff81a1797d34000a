/**
 * Reset and preflight on the real engine: reset removes only what the run created, only while it
 * is still the same object; the learner's own same-named container survives with its id and
 * state; preflight lists conflicts and removes one only on explicit confirmation.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/errors';
import { createLessonsServices } from '../../electron/core/services/lessons';
import { BaseClient } from '../../electron/core/rpc/client';
import {
  cleanupDir,
  cli,
  containerId,
  LABEL,
  randomPort,
  removeLabelled,
  sh,
  startRunHarness,
  stateOf,
  step,
  suffix,
  tempDir,
  until,
  writeLesson,
  type RunHarness,
} from './helpers/lessons-harness';

const s = suffix();
const web = `lt-reset-web-${s}`;
const api = `lt-reset-api-${s}`;
const worker = `lt-reset-worker-${s}`;
const vol = `lt-reset-vol-${s}`;
const net = `lt-reset-net-${s}`;
const tag = `dockside-lt/reset-${s}:1`;
const base = `dockside-lt/base-${s}:1`;
const built = `dockside-lt/built-${s}:1`;
const foreign = 'dockside.test=lessons-foreign';
const port = randomPort();
const hostPort = randomPort();
let lessonsDir: string;
let h: RunHarness;
let hostServer: Server;

function state(name: string): string {
  return cli('inspect', '-f', '{{.State.Status}}', name);
}

beforeAll(async () => {
  lessonsDir = tempDir('lessons-reset');
  writeLesson(
    lessonsDir,
    '01-reset.md',
    'lt/reset',
    [
      step('Run the web server', `container: { name: ${web}, state: running, ports: { 80/tcp: ${port} } }`),
      step('Run the api', `container: { name: ${api}, state: running }`),
      step('Run the worker', `container: { name: ${worker}, state: running }`),
    ].join('\n'),
  );
  writeLesson(lessonsDir, '02-ports.md', 'lt/ports', step('Listen', `http: { url: "http://127.0.0.1:${hostPort}/" }`));
  h = await startRunHarness(lessonsDir);
  hostServer = createServer();
  await new Promise<void>((resolve) => hostServer.listen(hostPort, '0.0.0.0', resolve));
});

afterAll(async () => {
  await h.dispose();
  hostServer.close();
  sh(`docker rm -f ${api} >/dev/null 2>&1`);
  removeLabelled();
  sh(`docker ps -aq --filter label=${foreign} | xargs -r docker rm -f`);
  cleanupDir(lessonsDir);
});

describe('preflight', () => {
  it("lists the learner's same-named container and a taken port, and says what to do", async () => {
    cli('run', '-d', '--name', web, '-l', LABEL, 'busybox', 'sleep', '300');
    const theirs = containerId(web);
    const blocker = `lt-reset-blocker-${s}`;
    cli('run', '-d', '--name', blocker, '-l', LABEL, '-p', `${port}:80`, 'busybox', 'httpd', '-f', '-p', '80');
    const preflight = await h.runs.preflight('lt/reset');
    expect(preflight.ok).toBe(false);
    expect(preflight.images).toEqual([{ name: 'busybox', present: true }]);
    expect(preflight.conflicts).toEqual([
      {
        key: theirs,
        kind: 'container-name',
        object: { type: 'container', id: theirs, name: web },
        problem: `you already have a container named ${web} (running), and this lesson creates one with that name`,
        fix: `rename it (\`docker rename ${web} ${web}-old\`) or remove it (\`docker rm -f ${web}\`); Dockside can remove it for you if you confirm.`,
        removable: true,
      },
      {
        key: containerId(blocker),
        kind: 'port',
        object: { type: 'container', id: containerId(blocker), name: blocker },
        problem: `port ${port}, which this lesson publishes, is taken by your container ${blocker}`,
        fix: `stop it (\`docker stop ${blocker}\`) while you do this lesson; Dockside can remove it for you if you confirm.`,
        removable: true,
      },
    ]);
  });

  it('sees a port held by a program outside Docker, which it cannot remove', async () => {
    const preflight = await h.runs.preflight('lt/ports');
    expect(preflight.conflicts).toEqual([
      {
        key: `port:${hostPort}`,
        kind: 'port',
        object: null,
        problem: `port ${hostPort}, which this lesson publishes, is taken by a program on this machine (not a container)`,
        fix: `find it with \`ss -ltnp 'sport = :${hostPort}'\` (or \`lsof -i :${hostPort}\`) and stop it.`,
        removable: false,
      },
    ]);
    const result = await h.runs.removeConflicts('lt/ports', [`port:${hostPort}`]);
    expect(result).toEqual({
      removed: [],
      skipped: [{ key: `port:${hostPort}`, reason: 'Dockside cannot remove this; see the suggested fix' }],
    });
  });

  it("refuses to remove anything without the learner's explicit confirmation", async () => {
    const services = createLessonsServices(h.standalone.context);
    const client = new (class extends BaseClient {
      protected send(): void {}
    })('c');
    try {
      const removeWithout = () =>
        services.handlers['run.removeConflicts']({ lessonId: 'lt/reset', keys: [containerId(web)] } as never, client);
      expect(removeWithout).toThrow(CoreError);
      expect(removeWithout).toThrow(/confirmed: true/);
    } finally {
      await services.dispose?.();
    }
    expect(state(web)).toBe('running');
  });

  it('removes only the confirmed conflicts that are still conflicts', async () => {
    const blocker = containerId(`lt-reset-blocker-${s}`);
    const result = await h.runs.removeConflicts('lt/reset', [blocker, 'not-a-conflict']);
    expect(result.removed).toEqual([{ type: 'container', id: blocker, name: `lt-reset-blocker-${s}` }]);
    expect(result.skipped).toEqual([{ key: 'not-a-conflict', reason: 'no longer a conflict' }]);
    expect(state(web)).toBe('running'); // not confirmed: untouched
  });
});

describe('reset', () => {
  it("removes what the run created and leaves the learner's same-named container with its id and state", async () => {
    const theirs = containerId(web);
    // An image the learner had before: the run may tag it, and reset then removes only that tag.
    const buildDir = tempDir('reset-build');
    writeFileSync(join(buildDir, 'Dockerfile'), `FROM busybox\nRUN echo base-${s} > /base\n`);
    cli('build', '-q', '--label', LABEL, '-t', base, buildDir);
    const baseId = cli('image', 'inspect', '-f', '{{.Id}}', base);
    await h.runs.start('lt/reset', false);
    expect(stateOf(h).steps[0]!.checks[0]!.explanation).toBe(
      `container ${web} exists (running) but was not created during this lesson; remove or rename it and create it again`,
    );
    // What the learner creates in Dockside's terminal during the run: a container, a volume, a
    // network, a tag, a built image.
    const learner = (...args: string[]) => h.learner.docker(...args);
    await learner('run', '-d', '--name', api, '-l', LABEL, 'busybox', 'sleep', '300');
    await learner('volume', 'create', '--label', LABEL, vol);
    await learner('network', 'create', '--label', LABEL, net);
    await learner('tag', base, tag);
    writeFileSync(join(buildDir, 'Dockerfile'), `FROM busybox\nRUN echo built-${s} > /built\n`);
    await learner('build', '-q', '--label', LABEL, '-t', built, buildDir); // BuildKit: no engine event at all
    await until('the evented objects attributed', () => stateOf(h).created.length === 4);
    expect(stateOf(h).created.every((o) => o.origin === 'terminal')).toBe(true);

    const result = await h.runs.resetLesson();
    expect(result.removed.map((o) => `${o.type}:${o.name}`).sort()).toEqual(
      [`container:${api}`, `image:${built}`, `image:${tag}`, `network:${net}`, `volume:${vol}`].sort(),
    );
    expect(result.kept).toEqual([]);
    expect(result.leftOutside).toEqual([]);
    expect(containerId(web)).toBe(theirs);
    expect(state(web)).toBe('running');
    expect(sh(`docker inspect ${api}`).code).not.toBe(0);
    expect(sh(`docker image inspect ${tag}`).code).not.toBe(0);
    expect(sh(`docker image inspect ${built}`).code).not.toBe(0);
    expect(cli('image', 'inspect', '-f', '{{.Id}}', base)).toBe(baseId);
    expect(result.state.steps[0]!.status).toBe('current');
    expect(result.state.created).toEqual([]);
    cleanupDir(buildDir);
  });

  it('removes an object only while it is the same one: a same-named newcomer survives', async () => {
    await h.runs.start('lt/reset', true);
    await h.learner.docker('run', '-d', '--name', api, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('api attributed', () => stateOf(h).created.some((o) => o.name === api));
    const ours = containerId(api);
    // Ours goes, and a container with the same name appears that the run did not create.
    await h.learner.docker('rm', '-f', api);
    cli('run', '-d', '--name', api, '-l', foreign, 'busybox', 'sleep', '300');
    const newcomer = containerId(api);
    expect(newcomer).not.toBe(ours);
    await h.runs.active!.settled();
    const result = await h.runs.resetLesson();
    expect(result.removed).toEqual([]);
    expect(result.leftOutside).toEqual([]); // outside the lesson's label area: not even a candidate
    expect(containerId(api)).toBe(newcomer);
    expect(state(api)).toBe('running');
  });

  it('resets one step: removes what was created from that step on and makes it current again', async () => {
    sh(`docker rm -f ${web} ${api}`);
    await h.runs.start('lt/reset', true);
    await h.learner.docker('run', '-d', '--name', web, '-l', LABEL, '-p', `${port}:80`, 'busybox', 'httpd', '-f', '-p', '80');
    await until('step 0 passed', () => stateOf(h).steps[0]!.status === 'passed');
    await h.learner.docker('run', '-d', '--name', api, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('step 1 passed', () => stateOf(h).steps[1]!.status === 'passed');
    await h.learner.docker('run', '-d', '--name', worker, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('step 2 passed', () => stateOf(h).status === 'complete');
    const webId = containerId(web);

    const result = await h.runs.resetStep(1);
    expect(result.removed.map((o) => o.name).sort()).toEqual([api, worker].sort());
    expect(result.state.steps.map((st) => st.status)).toEqual(['passed', 'current', 'pending']);
    expect(result.state.steps[1]!.checks[0]!.explanation).toBe(
      `there is no container named ${api} (the container you created during this lesson: ${web})`,
    );
    expect(containerId(web)).toBe(webId);
    await h.progress.flush();
    expect(Object.keys(h.progress.lesson('lt/reset').passed)).toEqual(['run-the-web-server']);

    await h.learner.docker('run', '-d', '--name', api, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('step 1 passed again', () => stateOf(h).steps[1]!.status === 'passed');
  });
});
