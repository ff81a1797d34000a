import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHost } from '../../electron/core/engine/endpoint';
import { OutputBatcher } from '../../electron/core/terminal/output-batcher';
import { buildSessionEnv } from '../../electron/core/terminal/session-env';
import { chooseShell, lastResortShell } from '../../electron/core/terminal/shell-choice';
import { ShellIntegration, integratedShellKind } from '../../electron/core/terminal/shell-integration';

describe('choosing the shell', () => {
  const exists = (p: string) => ['/bin/zsh', '/bin/bash', '/bin/sh'].includes(p);

  it("takes the learner's $SHELL when it exists", () => {
    expect(chooseShell('/bin/zsh', exists)).toEqual({ path: '/bin/zsh', notice: null });
  });

  it('falls back to bash with a notice when $SHELL is missing or odd', () => {
    expect(chooseShell('/opt/homebrew/bin/fish', exists)).toEqual({
      path: '/bin/bash',
      notice: 'Your SHELL /opt/homebrew/bin/fish does not exist or cannot be run; using /bin/bash instead.',
    });
    expect(chooseShell('zsh', exists).notice).toMatch(/not an absolute path/);
    expect(chooseShell(undefined, exists)).toEqual({ path: '/bin/bash', notice: null });
    expect(chooseShell(undefined, (p) => p === '/bin/sh').path).toBe('/bin/sh');
  });

  it('has a last resort other than the shell that failed', () => {
    expect(lastResortShell('/bin/bash', exists)).toBe('/bin/sh');
    expect(lastResortShell('/bin/sh', (p) => p === '/bin/sh')).toBeNull();
  });
});

describe('the session environment', () => {
  it('pins DOCKER_HOST to the endpoint the checks read and sets TERM', () => {
    const env = buildSessionEnv({
      base: { PATH: '/usr/bin', DOCKER_CONTEXT: 'colima', DOCKER_TLS_VERIFY: '1', ELECTRON_RUN_AS_NODE: '1', UNSET: undefined },
      endpoint: fromHost('unix:///run/user/1000/docker.sock', 'chosen', 'rootless', null),
      integration: { DOCKSIDE_NONCE: 'abc' },
      version: '1.2.3',
    });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
      TERM: 'xterm-256color',
      COLORTERM: 'truecolor',
      TERM_PROGRAM: 'Dockside',
      TERM_PROGRAM_VERSION: '1.2.3',
      LANG: 'C.UTF-8',
      DOCKSIDE_NONCE: 'abc',
    });
    expect(env).not.toHaveProperty('DOCKER_CONTEXT');
    expect(env).not.toHaveProperty('DOCKER_TLS_VERIFY');
    expect(env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    expect(env).not.toHaveProperty('UNSET');
  });

  it('carries TLS settings for a TLS endpoint, and keeps the learner locale', () => {
    const dir = '/home/me/.docker/contexts/tls/abc/docker';
    const endpoint = fromHost('tcp://10.0.0.5:2376', 'currentContext', 'remote', {
      ca: join(dir, 'ca.pem'),
      cert: join(dir, 'cert.pem'),
      key: join(dir, 'key.pem'),
      verify: true,
    });
    const env = buildSessionEnv({ base: { LANG: 'de_DE.UTF-8' }, endpoint, integration: {}, version: '1' });
    expect(env).toMatchObject({
      DOCKER_HOST: 'tcp://10.0.0.5:2376',
      DOCKER_CERT_PATH: dir,
      DOCKER_TLS_VERIFY: '1',
      LANG: 'de_DE.UTF-8',
    });
  });

  it("names the session's engine proxy instead, without the TLS settings the proxy handles itself", () => {
    const endpoint = fromHost('tcp://10.0.0.5:2376', 'currentContext', 'remote', { verify: true });
    const env = buildSessionEnv({
      base: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs', DOCKER_CONTEXT: 'remote' },
      endpoint,
      integration: {},
      version: '1',
      proxyHost: 'unix:///tmp/dockside-x/docker.sock',
    });
    expect(env.DOCKER_HOST).toBe('unix:///tmp/dockside-x/docker.sock');
    expect(env).not.toHaveProperty('DOCKER_TLS_VERIFY');
    expect(env).not.toHaveProperty('DOCKER_CERT_PATH');
    expect(env).not.toHaveProperty('DOCKER_CONTEXT');
  });

  it('leaves DOCKER_HOST alone when no endpoint resolved', () => {
    const env = buildSessionEnv({ base: { DOCKER_HOST: 'tcp://x:1' }, endpoint: null, integration: {}, version: '1' });
    expect(env.DOCKER_HOST).toBe('tcp://x:1');
  });
});

describe('shell integration launch', () => {
  const integration = new ShellIntegration();
  afterEach(() => integration.dispose());

  it('recognises the shells it has scripts for', () => {
    expect(integratedShellKind('/bin/bash')).toBe('bash');
    expect(integratedShellKind('/usr/local/bin/bash-5.2')).toBe('bash');
    expect(integratedShellKind('/bin/zsh')).toBe('zsh');
    expect(integratedShellKind('/usr/bin/fish')).toBe('fish');
    expect(integratedShellKind('/bin/sh')).toBeNull();
    expect(integratedShellKind('/bin/dash')).toBeNull();
  });

  it('gives bash an init file that sources the learner rc first, and each session its own nonce', () => {
    const a = integration.launch('/bin/bash', { login: false, env: {} });
    const b = integration.launch('/bin/bash', { login: false, env: {} });
    expect(a.args[0]).toBe('--init-file');
    const script = readFileSync(a.args[1]!, 'utf8');
    expect(script.indexOf('. ~/.bashrc')).toBeGreaterThan(-1);
    expect(script.indexOf('. ~/.bashrc')).toBeLessThan(script.indexOf('__ds_nonce=$DOCKSIDE_NONCE'));
    expect(script).not.toContain('\\${'); // the template escape must not reach the shell
    expect(a.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.env).toEqual({ DOCKSIDE_NONCE: a.nonce });
    expect(integration.launch('/bin/bash', { login: true, env: {} }).env.DOCKSIDE_SHELL_LOGIN).toBe('1');
  });

  it('gives zsh a temporary ZDOTDIR that remembers the learner one', () => {
    const launch = integration.launch('/bin/zsh', { login: false, env: { ZDOTDIR: '/home/me/.config/zsh' } });
    expect(launch.env.DOCKSIDE_USER_ZDOTDIR).toBe('/home/me/.config/zsh');
    for (const file of ['.zshenv', '.zprofile', '.zshrc']) expect(existsSync(join(launch.env.ZDOTDIR!, file))).toBe(true);
    expect(launch.args).toEqual(['-i']);
  });

  it('runs other shells as they are', () => {
    expect(integration.launch('/bin/sh', { login: false, env: {} })).toEqual({
      args: [],
      env: {},
      integration: null,
      nonce: null,
    });
  });

  it('removes its scripts when disposed', () => {
    const launch = integration.launch('/bin/bash', { login: false, env: {} });
    integration.dispose();
    expect(existsSync(launch.args[1]!)).toBe(false);
  });
});

describe('output batching', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first output at once, joins what follows for a few ms, and sends a big batch at once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const out: string[] = [];
    const batcher = new OutputBatcher((d) => out.push(d), { delayMs: 5, streamChars: 1_000, streamDelayMs: 50, maxChars: 10 });
    batcher.push('a'); // after a quiet spell: a keystroke's echo goes out now
    expect(out).toEqual(['a']);
    batcher.push('b');
    batcher.push('cd');
    expect(out).toEqual(['a']);
    vi.advanceTimersByTime(5);
    expect(out).toEqual(['a', 'bcd']);
    batcher.push('0123456789xyz');
    expect(out).toEqual(['a', 'bcd', '0123456789xyz']);
    batcher.push('late');
    batcher.dispose();
    vi.advanceTimersByTime(10);
    expect(out).toEqual(['a', 'bcd', '0123456789xyz']);
    vi.advanceTimersByTime(100);
    batcher.push('quiet again');
    expect(out).toEqual(['a', 'bcd', '0123456789xyz', 'quiet again']);
  });

  it('once a batch came out big, holds streaming output longer and sends it in bigger batches', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const out: string[] = [];
    const batcher = new OutputBatcher((d) => out.push(d), { delayMs: 5, streamChars: 8, streamDelayMs: 50, maxChars: 20 });
    batcher.push('12345678'); // a big first read: out at once, and the session is now streaming
    batcher.push('a');
    vi.advanceTimersByTime(5);
    expect(out).toEqual(['12345678']); // not after 5 ms any more...
    batcher.push('b');
    vi.advanceTimersByTime(45);
    expect(out).toEqual(['12345678', 'ab']); // ...but after 50
    // A small batch ends the streaming: the next output is joined for 5 ms again.
    vi.advanceTimersByTime(2);
    batcher.push('c');
    vi.advanceTimersByTime(5);
    expect(out).toEqual(['12345678', 'ab', 'c']);
    // A full batch goes out at once whatever the delay.
    vi.advanceTimersByTime(100);
    batcher.push('0123456789');
    batcher.push('0123456789');
    batcher.push('0123456789');
    expect(out.at(-1)).toBe('01234567890123456789');
    batcher.dispose();
  });
});
