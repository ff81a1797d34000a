/** The exec, file and http checks on the real engine and the real file system. */
import { chownSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanupDir,
  cli,
  containerId,
  evaluate,
  facts,
  LABEL,
  randomPort,
  removeLabelled,
  suffix,
  tempDir,
} from './helpers/lessons-harness';

const s = suffix();
const web = `lt-exec-${s}`;
const stopped = `lt-exec-stopped-${s}`;
const port = randomPort();
let created: Set<string>;
let workspace: string;

beforeAll(async () => {
  cli(
    'run',
    '-d',
    '--name',
    web,
    '-l',
    LABEL,
    '-p',
    `127.0.0.1:${port}:80`,
    'busybox',
    'sh',
    '-c',
    `mkdir -p /www && echo hello-${s} > /www/index.html && exec httpd -f -p 80 -h /www`,
  );
  cli('create', '--name', stopped, '-l', LABEL, 'busybox', 'true');
  created = new Set([containerId(web), containerId(stopped)]);
  workspace = tempDir('workspace');
  // httpd needs a moment to listen.
  for (let i = 0; i < 50; i += 1) {
    if ((await evaluate('http', { url: `http://127.0.0.1:${port}/` })).pass) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(() => {
  removeLabelled();
  cleanupDir(workspace);
});

describe('exec check', () => {
  const run = () => facts({ created });

  it('passes on exit code and output, and explains a miss', async () => {
    expect(await evaluate('exec', { container: web, command: ['cat', '/www/index.html'], output: `hello-${s}` }, run())).toEqual({
      pass: true,
      explanation: `\`cat /www/index.html\` in container ${web} exits with 0 and prints "hello-${s}"`,
    });
    expect(await evaluate('exec', { container: web, command: 'cat /www/index.html', output: 'goodbye' }, run())).toEqual({
      pass: false,
      explanation: `\`cat /www/index.html\` in container ${web} printed "hello-${s}", which does not contain "goodbye"`,
    });
    expect(await evaluate('exec', { container: web, command: ['ls', '/nope'] }, run())).toEqual({
      pass: false,
      explanation: `\`ls /nope\` in container ${web} exited with 1, not 0 and printed "ls: /nope: No such file or directory"`,
    });
    expect(await evaluate('exec', { container: web, command: ['id', '-u'], outputMatches: '^0$' }, run())).toMatchObject({
      pass: true,
    });
    expect(await evaluate('exec', { container: web, command: ['test', '-f', '/nope'], exitCode: 1 }, run())).toMatchObject({
      pass: true,
    });
  });

  it('looks only inside running containers this run created', async () => {
    expect(await evaluate('exec', { container: stopped, command: ['ls'] }, run())).toEqual({
      pass: false,
      explanation: `container ${stopped} is created, not running, so \`ls\` cannot run in it`,
    });
    expect(await evaluate('exec', { container: web, command: ['ls'] }, facts())).toEqual({
      pass: false,
      explanation: `container ${web} was not created during this lesson, so Dockside does not look inside it`,
    });
    expect(await evaluate('exec', { container: `lt-none-${s}`, command: ['ls'] }, run())).toEqual({
      pass: false,
      explanation: `there is no container named lt-none-${s} to run \`ls\` in`,
    });
  });
});

describe('file check', () => {
  it('passes on existence, content, pattern and owner, and explains a miss', async () => {
    const run = facts({ workspaceDir: workspace });
    mkdirSync(join(workspace, 'conf'), { recursive: true });
    writeFileSync(join(workspace, 'conf', 'app.conf'), 'listen 80\nport=8080\n');
    chownSync(join(workspace, 'conf', 'app.conf'), 1234, 1234);
    expect(
      await evaluate('file', { path: 'conf/app.conf', contains: 'listen 80', matches: '^port=\\d+$', uid: 1234 }, run),
    ).toEqual({
      pass: true,
      explanation:
        'file conf/app.conf exists in the workspace and contains "listen 80" and matches /^port=\\d+$/ and belongs to uid 1234 and was written during this lesson',
    });
    expect(await evaluate('file', { path: 'conf/app.conf', contains: 'listen 443' }, run)).toEqual({
      pass: false,
      explanation: 'file conf/app.conf does not contain "listen 443": it starts with "listen 80"',
    });
    // notMatches: a list that must leave a line out (`docker ps` without -a leaves out exited containers).
    expect(await evaluate('file', { path: 'conf/app.conf', matches: '^listen', notMatches: '^port=' }, run)).toEqual({
      pass: false,
      explanation: 'file conf/app.conf has "port=", which should not be there',
    });
    expect(await evaluate('file', { path: 'conf/app.conf', notMatches: '^port=443$' }, run)).toMatchObject({ pass: true });
    expect(await evaluate('file', { path: 'conf/app.conf', uid: 0 }, run)).toEqual({
      pass: false,
      explanation: 'file conf/app.conf belongs to uid 1234, not 0',
    });
    expect(await evaluate('file', { path: 'conf' }, run)).toEqual({ pass: false, explanation: 'conf exists but is a directory' });
    expect(await evaluate('file', { path: 'missing.txt' }, run)).toEqual({
      pass: false,
      explanation: `there is no file missing.txt in the workspace (${workspace})`,
    });
    expect(await evaluate('file', { path: 'conf/app.conf', present: false }, run)).toEqual({
      pass: false,
      explanation: 'file conf/app.conf still exists in the workspace',
    });
  });

  it('does not count a file left from before the attempt', async () => {
    writeFileSync(join(workspace, 'old.txt'), 'old');
    const longAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(workspace, 'old.txt'), longAgo, longAgo);
    const result = await evaluate('file', { path: 'old.txt' }, facts({ workspaceDir: workspace, startedAt: Date.now() - 1000 }));
    expect(result.pass).toBe(false);
    expect(result.explanation).toMatch(/^file old\.txt is from before this attempt started \(.+\); write it again$/);
    expect(await evaluate('file', { path: 'old.txt', written: false }, facts({ workspaceDir: workspace }))).toMatchObject({
      pass: true,
    });
  });
});

describe('http check', () => {
  it('passes on status and body, and explains a miss', async () => {
    expect(await evaluate('http', { url: `http://127.0.0.1:${port}/`, contains: `hello-${s}` })).toEqual({
      pass: true,
      explanation: `GET http://127.0.0.1:${port}/ answers 200 with "hello-${s}" in the body`,
    });
    expect(await evaluate('http', { url: `http://127.0.0.1:${port}/missing` })).toEqual({
      pass: false,
      explanation: `GET http://127.0.0.1:${port}/missing answers 404, not 200`,
    });
    expect(await evaluate('http', { url: `http://127.0.0.1:${port}/missing`, status: 404 })).toMatchObject({ pass: true });
    expect(await evaluate('http', { url: `http://127.0.0.1:${port}/`, contains: 'goodbye' })).toEqual({
      pass: false,
      explanation: `GET http://127.0.0.1:${port}/ answers 200 but the body does not contain "goodbye" (it starts "hello-${s}")`,
    });
  });

  it('says when nothing listens', async () => {
    cli('stop', '-t', '0', web);
    expect(await evaluate('http', { url: `http://127.0.0.1:${port}/` })).toEqual({
      pass: false,
      explanation: `GET http://127.0.0.1:${port}/: nothing is listening there (connection refused)`,
    });
  });
});
