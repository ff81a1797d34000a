/**
 * What core's start-up loads (issue 11): core is created in a fresh Node, as browser mode and
 * Electron create it (the shipped lessons parsed at build time), and answers the first screen's
 * requests. None of the modules it keeps off that path may have been loaded by then: each costs
 * tens of milliseconds of every start. ESLint refuses static imports of them; this catches any
 * other way in (a new import of a module that imports them, a dependency's own require).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeParsedLessons } from '../../electron/core/lessons/parsed-lessons';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'dockside-start-path-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The first screen's requests (renderer/src/hooks), as the page sends them on load. */
const FIRST_SCREEN = [
  'engine.status',
  'settings.get',
  'lessons.catalog',
  'progress.get',
  'run.state',
  'run.objects',
  'app.info',
  'cluster.status',
];

/** Start core in a new Node; every module file it loaded (ESM by a load hook, CommonJS from require's cache). */
function startCoreAndListModules(): { loaded: string[]; answers: Record<string, true | string> } {
  const parsedLessonsFile = join(scratch, 'parsed-lessons.json');
  writeParsedLessons(join(root, 'lessons'), parsedLessonsFile);
  const loadLog = join(scratch, 'esm-loads.txt');
  writeFileSync(loadLog, '');
  const hooks = join(scratch, 'record-loads.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
     export async function load(url, context, next) { appendFileSync(${JSON.stringify(loadLog)}, url + '\\n'); return next(url, context); }`,
  );
  const register = join(scratch, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(`file://${hooks}`)});`);
  // A learner's kubeconfig naming a local cluster: the status bar reads it on the first screen.
  const kubeconfig = join(scratch, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: kind-dockside',
      'clusters: [{ name: kind-dockside, cluster: { server: "https://127.0.0.1:1" } }]',
      'users: [{ name: kind-dockside, user: { token: t } }]',
      'contexts: [{ name: kind-dockside, context: { cluster: kind-dockside, user: kind-dockside } }]',
    ].join('\n'),
  );
  const script = `
    import { createRequire } from 'node:module';
    import { createCore } from './electron/core/app.ts';
    import { BaseClient } from './electron/core/rpc/client.ts';
    class Quiet extends BaseClient { send() {} }
    const env = { ...process.env, DOCKER_HOST: 'unix://${scratch}/no-engine.sock', KUBECONFIG: '${kubeconfig}' };
    const core = await createCore({ env, dataDir: '${scratch}/data', homeDir: '${scratch}', lessonsDir: './lessons', version: '0', parsedLessonsFile: '${parsedLessonsFile}' });
    const client = new Quiet('start-path');
    core.connect(client);
    const answers = {};
    for (const name of ${JSON.stringify(FIRST_SCREEN)}) { const answer = await core.handle(name, undefined, client); answers[name] = 'result' in answer ? true : answer.error.message; }
    const cjs = Object.keys(createRequire(import.meta.url).cache);
    await core.dispose();
    console.log(JSON.stringify({ cjs, answers }));
  `;
  const run = spawnSync(process.execPath, ['--import', register, '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`core did not start: ${run.stderr}`);
  const { cjs, answers } = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    cjs: string[];
    answers: Record<string, true | string>;
  };
  const esm = readFileSync(loadLog, 'utf8').split('\n').filter(Boolean);
  return { loaded: [...esm, ...cjs], answers };
}

describe('core start-up', () => {
  const { loaded, answers } = startCoreAndListModules();
  const loadedFrom = (pattern: RegExp) => loaded.filter((file) => pattern.test(file));

  it('answers the first screen (an error would show as its message)', () => {
    expect(answers).toEqual(Object.fromEntries(FIRST_SCREEN.map((name) => [name, true])));
    // The run really loaded core: dockerode for the engine probe, zod for the params.
    expect(loadedFrom(/\/node_modules\/dockerode\//).length).toBeGreaterThan(0);
    expect(loadedFrom(/\/node_modules\/zod\//).length).toBeGreaterThan(0);
  });

  it.each([
    ['the Markdown parser (the shipped lessons come parsed)', /\/node_modules\/(mdast-util-from-markdown|micromark)/],
    ["BuildKit's gRPC session support in dockerode", /\/node_modules\/(@grpc|protobufjs)\//],
    ['the SSH client (no ssh:// engine here)', /\/node_modules\/ssh2\//],
    [
      'the Kubernetes client (only its kubeconfig entry filter)',
      /\/node_modules\/@kubernetes\/client-node\/dist\/(index|api|gen)/,
    ],
  ])('does not load %s', (_, pattern) => {
    expect(loadedFrom(pattern)).toEqual([]);
  });
});
