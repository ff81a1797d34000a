/**
 * What the registries lesson claims the docker CLI writes, proven with Debian's credential helpers
 * on PATH, as a learner's Linux desktop has them. With no auth settings in config.json the CLI
 * hands a login to the platform's store (here secretservice, with no keyring to reach, so the
 * login fails; with a keyring the secret would leave the file). With the lesson's starter
 * config.json — one credHelpers entry for an unused host — the login lands in the file, base64.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL, cleanupDir, cli, randomPort, removeLabelled, suffix, tempDir } from './helpers/lessons-harness';

const lessonDir = resolve('lessons/docker/11-registries-and-login');
/** Where tests/engine/provision/credential-helpers.sh unpacks them. */
const helpersBin = '/usr/local/lib/dockside-credential-helpers/usr/bin';
const provisioned = existsSync(join(helpersBin, 'docker-credential-secretservice'));
const base64Login = Buffer.from('learner:s3cret').toString('base64');

const port = randomPort();
const registry = `127.0.0.1:${port}`;
const dirs: string[] = [];

function login(configDir: string): { code: number | null; output: string; config: string } {
  const result = spawnSync('docker', ['login', registry, '-u', 'learner', '--password-stdin'], {
    input: 's3cret\n',
    encoding: 'utf8',
    env: { ...process.env, DOCKER_CONFIG: configDir, PATH: `${helpersBin}:${process.env.PATH ?? ''}` },
  });
  const file = join(configDir, 'config.json');
  return {
    code: result.status,
    output: `${result.stdout}${result.stderr}`,
    config: existsSync(file) ? readFileSync(file, 'utf8') : '',
  };
}

// CI provisions the helpers, so there a missing one fails; elsewhere the test says it did not run.
describe.skipIf(!provisioned && process.env.CI !== 'true')('docker login with a credential helper on PATH', () => {
  beforeAll(async () => {
    expect(provisioned, `no credential helpers at ${helpersBin}: run tests/engine/provision.sh`).toBe(true);
    cli(
      'run',
      '-d',
      '--name',
      `reg-${suffix()}`,
      '-l',
      LABEL,
      '-p',
      `${registry}:5000`,
      '-v',
      `${join(lessonDir, 'registry')}:/registry:ro`,
      'busybox',
      'httpd',
      '-f',
      '-p',
      '5000',
      '-h',
      '/registry/root',
      '-c',
      '/registry/httpd.conf',
    );
    // `docker login` first asks GET /v2/; the stand-in answers 401 once httpd listens.
    for (let i = 0; i < 100; i += 1) {
      if ((await fetch(`http://${registry}/v2/`).catch(() => null))?.status === 401) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the stand-in registry at ${registry} did not answer 401 within 10 s`);
  });

  afterAll(() => {
    removeLabelled();
    for (const dir of dirs) cleanupDir(dir);
  });

  it('without auth settings, hands the secret to the store instead of the file', () => {
    const configDir = tempDir('dockside-cred-bare-');
    dirs.push(configDir);
    const result = login(configDir);
    expect(result.config).not.toContain(base64Login);
    // No keyring here: the store refuses. With one, config.json would name it and hold an empty entry.
    if (result.code === 0) expect(result.config).toMatch(/"credsStore":\s*"(secretservice|pass)"/);
    else expect(result.output).toContain('error storing credentials');
  });

  it("with the lesson's starter config, writes the login into the file", () => {
    const configDir = tempDir('dockside-cred-pinned-');
    dirs.push(configDir);
    copyFileSync(join(lessonDir, 'docker-config', 'config.json'), join(configDir, 'config.json'));
    const result = login(configDir);
    expect(result.output).toContain('Login Succeeded');
    expect(result.config).toContain(`"${registry}"`);
    expect(result.config).toContain(base64Login);
    expect(result.config).not.toContain('credsStore');
  });
});
