/**
 * Terminal sessions on a real pty running a real bash (and zsh/fish where installed), against the
 * real engine: commands are reported by shell integration, Ctrl-C and resize reach the shell,
 * shells die with their client, and a broken $SHELL or workspace still gives a working pane.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalSession } from '../../electron/core/contract';
import { workspaceDir } from '../../electron/core/workspace';
import { quoteNewlines } from '../../renderer/src/terminal/paste-text';
import { isAlive, startHarness, type Harness, type TestClient } from './helpers/terminal-harness';

const LABEL = 'dockside.test=terminal';

async function ready(client: TestClient, session: TerminalSession): Promise<void> {
  // The integration's first prompt has been drawn once core knows the shell's directory.
  await client.until('the first prompt', () => (client.output.get(session.id) ?? '').length > 0);
  if (session.integration) await run(client, session, 'true');
}

async function run(client: TestClient, session: TerminalSession, line: string, timeoutMs = 10_000) {
  const before = client.commands(session.id).length;
  await inputOf(client)(session.id, `${line}\r`);
  return client.until(`"${line}" to finish`, () => client.commands(session.id)[before], timeoutMs);
}

let harnessRef: Harness;
const inputOf = (client: TestClient) => (id: string, data: string) => harnessRef.call('terminal.input', { id, data }, client);

describe('terminal sessions (bash)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { SHELL: '/bin/bash' } });
    harnessRef = h;
  });
  afterAll(async () => {
    await h.dispose();
  });

  it("runs the learner's shell in the lesson's workspace and reports each command", async () => {
    const client = h.client();
    const session = await h.create(client, { lessonId: 'docker/containers-101', cols: 100, rows: 30 });
    const dir = workspaceDir(h.context.paths, 'docker/containers-101');
    expect(session).toMatchObject({ shell: '/bin/bash', cwd: dir, running: true, integration: 'bash', cols: 100, rows: 30 });
    expect(existsSync(dir)).toBe(true);
    await ready(client, session);

    const hello = await run(client, session, 'echo hello');
    expect(hello).toMatchObject({ sessionId: session.id, line: 'echo hello', exitCode: 0, cwd: dir, feedback: null });
    expect(hello.endedAt).toBeGreaterThanOrEqual(hello.startedAt);
    expect(client.output.get(session.id)).toContain('hello\r\n');

    const failed = await run(client, session, 'ls /definitely-not-here; (exit 3)');
    expect(failed.exitCode).toBe(3);
    expect(failed.line).toBe('ls /definitely-not-here; (exit 3)');

    await run(client, session, 'cd /tmp');
    expect((await run(client, session, 'pwd')).cwd).toBe('/tmp');

    // The feed the lesson runner reads saw the same commands.
    expect(
      h.context.commands
        .since(0)
        .filter((c) => c.sessionId === session.id)
        .map((c) => c.line),
    ).toEqual(['true', 'echo hello', 'ls /definitely-not-here; (exit 3)', 'cd /tmp', 'pwd']);
  });

  it("points DOCKER_HOST at the session's private engine proxy, hides the nonce, and ignores forged marks", async () => {
    const client = h.client();
    const session = await h.create(client);
    await ready(client, session);
    const host = h.context.engine.connected!.endpoint.host;
    expect(session.dockerHost).toBe(host);
    const proxyHost = session.engineProxy!;
    expect(proxyHost).toMatch(/^unix:\/\/\/.*\/docker\.sock$/);
    await run(client, session, 'echo "host=$DOCKER_HOST term=$TERM nonce=[$DOCKSIDE_NONCE]"');
    expect(client.output.get(session.id)).toContain(`host=${proxyHost} term=xterm-256color nonce=[]`);
    // The proxy reaches the engine the checks read, and what the shell makes is the learner's.
    await run(client, session, `docker volume create dockside-term-proxy-${process.pid} && echo made`);
    await client.until('the ledger has it', () => h.context.ledger.has('volume', `dockside-term-proxy-${process.pid}`));
    await run(client, session, `docker volume rm dockside-term-proxy-${process.pid}`);

    const count = client.commands(session.id).length;
    await run(client, session, String.raw`printf '\033]633;E;rm -rf /;guess\007\033]633;C;guess\007\033]633;D;0;guess\007'`);
    expect(
      client
        .commands(session.id)
        .slice(count)
        .map((c) => c.line),
    ).toEqual([String.raw`printf '\033]633;E;rm -rf /;guess\007\033]633;C;guess\007\033]633;D;0;guess\007'`]);
  });

  it('a terminal opened after the learner switches endpoints gets the new one', async () => {
    const client = h.client();
    await h.context.settings.update({ chosenEndpoint: { host: 'unix:///tmp/dockside-test-other.sock' } });
    try {
      const session = await h.create(client);
      expect(session.dockerHost).toBe('unix:///tmp/dockside-test-other.sock');
      await ready(client, session);
      // Its proxy forwards there: nothing listens, and docker says so through the proxy.
      await run(client, session, 'docker version --format "{{.Server.Version}}"');
      expect(client.output.get(session.id)).toContain('/tmp/dockside-test-other.sock');
    } finally {
      await h.context.settings.update({ chosenEndpoint: null });
    }
  });

  it('Ctrl-C stops `yes` within a second', async () => {
    const client = h.client();
    const session = await h.create(client);
    await ready(client, session);
    await inputOf(client)(session.id, 'yes\r');
    await client.until('yes to flood', () => (client.output.get(session.id) ?? '').split('y\r\n').length > 2000);
    const before = client.commands(session.id).length;
    const sentAt = Date.now();
    await inputOf(client)(session.id, '\x03');
    const stopped = await client.until('yes to stop', () => client.commands(session.id)[before], 5_000);
    const took = Date.now() - sentAt;
    expect(stopped).toMatchObject({ line: 'yes', exitCode: 130 });
    expect(took).toBeLessThan(1_000);
  });

  it('a resize reaches the pty: tput cols matches', async () => {
    const client = h.client();
    const session = await h.create(client, { cols: 80, rows: 24 });
    await ready(client, session);
    await h.call('terminal.resize', { id: session.id, cols: 123, rows: 41 }, client);
    await run(client, session, 'echo "size=$(tput cols)x$(tput lines)"');
    expect(client.output.get(session.id)).toContain('size=123x41');
    await expect(h.call('terminal.resize', { id: session.id, cols: 0, rows: 10 }, client)).rejects.toThrow(/cols/);
  });

  it('chunks a long paste without losing a character', async () => {
    const client = h.client();
    const session = await h.create(client);
    await ready(client, session);
    const word = 'abcdefghij'.repeat(300);
    await run(client, session, `echo ${word} | wc -c`);
    expect(client.output.get(session.id)).toContain(`${word.length + 1}\r\n`);
  });

  it('closing the client kills its shells: the pid is gone', async () => {
    const client = h.client();
    const a = await h.create(client);
    const b = await h.create(client);
    await ready(client, a);
    await inputOf(client)(a.id, 'sleep 300\r'); // a foreground job must go too
    await client.until('sleep to start', () => spawnSync('pgrep', ['-P', String(a.pid), 'sleep']).status === 0);
    const sleeper = Number(spawnSync('pgrep', ['-P', String(a.pid), 'sleep'], { encoding: 'utf8' }).stdout.trim());
    const sessionsBefore = h.service.sessionCount;
    client.close();
    expect(h.service.sessionCount).toBe(sessionsBefore - 2);
    await client.until('the shells to die', () => !isAlive(a.pid!) && !isAlive(b.pid!) && !isAlive(sleeper), 5_000);
  });

  it('a session belongs to its client; bad requests get clear errors', async () => {
    const owner = h.client();
    const other = h.client();
    const session = await h.create(owner);
    await expect(h.call('terminal.input', { id: session.id, data: 'exit\r' }, other)).rejects.toThrow(/There is no terminal/);
    await expect(h.call('terminal.kill', { id: session.id }, other)).rejects.toMatchObject({ code: 'TERMINAL_NOT_FOUND' });
    expect(await h.call('terminal.list', undefined, other)).toEqual([]);
    expect(((await h.call('terminal.list', undefined, owner)) as TerminalSession[]).map((s) => s.id)).toEqual([session.id]);
    await expect(h.create(owner, { lessonId: '../../etc' })).resolves.toMatchObject({
      cwd: workspaceDir(h.context.paths, 'etc'),
    });
    await expect(h.create(owner, { lessonId: 'a b' })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(h.call('terminal.input', { id: session.id, data: 42 }, owner)).rejects.toThrow(/data/);
    await h.call('terminal.kill', { id: session.id }, owner);
    await owner.until('the shell to die', () => !isAlive(session.pid!), 5_000);
  });

  it('an exited shell says so, and Enter starts it again', async () => {
    const client = h.client();
    const session = await h.create(client);
    await ready(client, session);
    await inputOf(client)(session.id, 'exit 3\r');
    await client.until('the exit event', () => client.events.find((e) => e.event === 'terminal.exit'));
    expect(client.events.find((e) => e.event === 'terminal.exit')!.payload).toEqual({
      id: session.id,
      exitCode: 3,
      signal: null,
    });
    expect(client.output.get(session.id)).toContain('[process exited with code 3] — press Enter to restart');
    expect(((await h.call('terminal.list', undefined, client)) as TerminalSession[])[0]).toMatchObject({
      running: false,
      exitCode: 3,
      pid: null,
    });

    await inputOf(client)(session.id, '\r');
    const started = await client.until('a restart', () =>
      client.events.find((e) => e.event === 'terminal.started' && (e.payload as TerminalSession).pid !== session.pid),
    );
    const restarted = started.payload as TerminalSession;
    expect(restarted).toMatchObject({ id: session.id, running: true, exitCode: null });
    await ready(client, restarted);
    expect((await run(client, restarted, 'echo again')).exitCode).toBe(0);

    const viaRequest = (await h.call('terminal.restart', { id: session.id }, client)) as TerminalSession;
    expect(viaRequest.pid).not.toBe(restarted.pid);
    await client.until('the old shell to die', () => !isAlive(restarted.pid!), 5_000);
  });

  it('explains a failed docker command beside the step', async () => {
    const client = h.client();
    const session = await h.create(client);
    await ready(client, session);
    const name = `dockside-term-${Math.random().toString(36).slice(2, 8)}`;
    try {
      const first = await run(client, session, `docker run -d --label ${LABEL} --name ${name} busybox sleep 60`, 30_000);
      expect(first).toMatchObject({ exitCode: 0, feedback: null });
      const second = await run(client, session, `docker run -d --label ${LABEL} --name ${name} busybox sleep 60`, 30_000);
      expect(second.exitCode).toBe(125);
      expect(second.feedback).toBe(`\`docker run\` exited 125: the name ${name} is already in use`);
    } finally {
      spawnSync('docker', ['rm', '-f', name]);
    }
  });
});

describe('a pane is never blank', () => {
  let h: Harness | null = null;
  const files: string[] = [];
  afterEach(async () => {
    await h?.dispose();
    h = null;
    for (const file of files.splice(0)) rmSync(file, { force: true });
  });

  it('a $SHELL that does not exist: a clear message and a working bash', async () => {
    h = await startHarness({ env: { SHELL: '/opt/nowhere/bin/zsh' }, connect: false });
    harnessRef = h;
    const client = h.client();
    const session = await h.create(client);
    expect(session.shell).toMatch(/bash$/);
    await ready(client, session);
    expect(client.output.get(session.id)).toContain('Your SHELL /opt/nowhere/bin/zsh does not exist or cannot be run; using');
    expect((await run(client, session, 'echo works')).exitCode).toBe(0);
  });

  it('a workspace that cannot be created: a clear message and a shell in the home directory', async () => {
    const blocker = join(process.env.TMPDIR ?? '/tmp', `dockside-term-blocker-${process.pid}`);
    writeFileSync(blocker, 'a file where a directory should be');
    files.push(blocker);
    h = await startHarness({ env: { SHELL: '/bin/bash' }, workspacesDir: join(blocker, 'workspaces'), connect: false });
    harnessRef = h;
    const client = h.client();
    const session = await h.create(client, { lessonId: 'docker/x' });
    expect(session.cwd).toBe(h.context.paths.homeDir);
    await ready(client, session);
    expect(client.output.get(session.id)).toMatch(
      /Could not create the lesson's workspace .*ENOTDIR.*; starting in .* instead\./,
    );
    expect((await run(client, session, 'pwd')).cwd).toBe(h.context.paths.homeDir);
  });

  it('a shell that dies at once: a clear message and a fallback shell', async () => {
    // A "shell" that exits 1 immediately, standing in for a broken install.
    const fake = join(process.env.TMPDIR ?? '/tmp', `dockside-term-broken-shell-${process.pid}`);
    writeFileSync(fake, '#!/bin/sh\necho "broken shell"\nexit 1\n', { mode: 0o755 });
    files.push(fake);
    h = await startHarness({ env: { SHELL: fake }, connect: false });
    harnessRef = h;
    const client = h.client();
    const session = await h.create(client);
    await client.until('the fallback notice', () =>
      (client.output.get(session.id) ?? '').includes('exited at once (code 1); starting'),
    );
    await inputOf(client)(session.id, 'echo fallback-$((40+2))\r');
    await client.until('the fallback shell to answer', () => (client.output.get(session.id) ?? '').includes('fallback-42'));
  });
});

describe('Paste into a shell without bracketed paste', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.dispose();
    h = null;
  });

  it('runs nothing of a multi-line block until Enter (newlines quoted with Ctrl-V)', async () => {
    h = await startHarness({ env: { SHELL: '/bin/sh', PS1: '$ ' }, connect: false });
    harnessRef = h;
    const client = h.client();
    const session = await h.create(client);
    expect(session.integration).toBeNull();
    await client.until('the prompt', () => (client.output.get(session.id) ?? '').includes('$ '));
    await inputOf(client)(session.id, quoteNewlines('echo one-$((0+1))\necho two-$((0+2))'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(client.output.get(session.id)).not.toMatch(/one-1\r\n/);
    await inputOf(client)(session.id, '\r');
    await client.until('both lines to run', () => /one-1\r\n[\s\S]*two-2\r\n/.test(client.output.get(session.id) ?? ''));
  });
});

for (const shell of ['/usr/bin/zsh', '/usr/bin/fish']) {
  // zsh and fish are optional on a learner's machine and on ours: provision.sh installs only bash.
  describe.skipIf(!existsSync(shell))(`shell integration for ${shell} (skipped when it is not installed)`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ env: { SHELL: shell }, connect: false });
      harnessRef = h;
    });
    afterAll(async () => {
      await h.dispose();
    });

    it('reports command lines, exit codes and directories', async () => {
      const client = h.client();
      const session = await h.create(client, { lessonId: 'docker/zsh' });
      expect(session.integration).toBe(shell.endsWith('zsh') ? 'zsh' : 'fish');
      await ready(client, session);
      expect(await run(client, session, 'echo "a;b" | cat')).toMatchObject({
        line: 'echo "a;b" | cat',
        exitCode: 0,
        cwd: session.cwd,
      });
      expect((await run(client, session, 'false')).exitCode).toBe(1);
      await run(client, session, 'cd /tmp');
      expect((await run(client, session, 'pwd')).cwd).toBe('/tmp');
    });
  });
}
