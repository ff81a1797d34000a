import { describe, expect, it } from 'vitest';
import {
  LoginEnvCache,
  parseMarkedEnv,
  resolveLoginEnv,
  withFallbackPath,
  type RunShell,
} from '../../electron/core/terminal/login-env';

describe('the login shell environment (macOS)', () => {
  it('reads env output between the markers, ignoring banners and keeping multi-line values', () => {
    const output = [
      'Welcome back! (motd printed by .zshrc)',
      'M',
      'PATH=/opt/homebrew/bin:/usr/bin:/bin',
      'DOCKER_HOST=unix:///Users/me/.colima/default/docker.sock',
      'MULTI=line one',
      'line two',
      'EMPTY=',
      'SHLVL=2',
      '_=/usr/bin/env',
      'M',
      'nvm: some chatter after',
    ].join('\n');
    expect(parseMarkedEnv(output, 'M')).toEqual({
      PATH: '/opt/homebrew/bin:/usr/bin:/bin',
      DOCKER_HOST: 'unix:///Users/me/.colima/default/docker.sock',
      MULTI: 'line one\nline two',
      EMPTY: '',
    });
  });

  it('is null when a marker is missing or nothing lies between them', () => {
    expect(parseMarkedEnv('PATH=/bin', 'M')).toBeNull();
    expect(parseMarkedEnv('M\nPATH=/bin\n', 'M')).toBeNull();
    expect(parseMarkedEnv('M\nM\n', 'M')).toBeNull();
  });

  it('adds the Homebrew directories only where missing', () => {
    expect(withFallbackPath({ PATH: '/usr/bin:/usr/local/bin' }).PATH).toBe('/usr/bin:/usr/local/bin:/opt/homebrew/bin');
    expect(withFallbackPath({}).PATH).toBe('/usr/bin:/bin:/usr/sbin:/sbin:/opt/homebrew/bin:/usr/local/bin');
  });

  it('on macOS runs $SHELL -ilc with markers and merges what it printed over the app env', async () => {
    const calls: Array<{ shell: string; args: string[]; timeout: number }> = [];
    const run: RunShell = (shell, args, _env, timeout) => {
      calls.push({ shell, args, timeout });
      const marker = /'(__DOCKSIDE_ENV_[0-9a-f]+__)'/.exec(args[1]!)![1]!;
      return Promise.resolve(`banner\n${marker}\nPATH=/opt/homebrew/bin:/usr/bin\nFOO=bar\n${marker}\n`);
    };
    const result = await resolveLoginEnv({
      env: { SHELL: '/bin/zsh', PATH: '/usr/bin', KEEP: '1' },
      platform: 'darwin',
      run,
      timeoutMs: 1234,
    });
    expect(result.note).toBeNull();
    expect(result.env).toMatchObject({ PATH: '/opt/homebrew/bin:/usr/bin', FOO: 'bar', KEEP: '1' });
    expect(calls[0]!.shell).toBe('/bin/zsh');
    expect(calls[0]!.args[0]).toBe('-ilc');
    expect(calls[0]!.timeout).toBe(1234);
  });

  it('falls back to the usual directories when the login shell fails or times out', async () => {
    const run: RunShell = () => Promise.reject(new Error('spawnSync /bin/zsh ETIMEDOUT'));
    const result = await resolveLoginEnv({ env: { SHELL: '/bin/zsh', PATH: '/usr/bin' }, platform: 'darwin', run });
    expect(result.env.PATH).toBe('/usr/bin:/opt/homebrew/bin:/usr/local/bin');
    expect(result.note).toMatch(/ETIMEDOUT.*added \/opt\/homebrew\/bin and \/usr\/local\/bin/);
  });

  it('does nothing off macOS, and asks the login shell only once', async () => {
    let runs = 0;
    const run: RunShell = () => {
      runs++;
      return Promise.resolve('');
    };
    const linux = await resolveLoginEnv({ env: { PATH: '/x' }, platform: 'linux', run });
    expect(linux.env).toEqual({ PATH: '/x' });
    expect(runs).toBe(0);
    const cache = new LoginEnvCache({ env: { PATH: '/x' }, platform: 'darwin', run });
    await Promise.all([cache.get(), cache.get()]);
    await cache.get();
    expect(runs).toBe(1);
  });
});
