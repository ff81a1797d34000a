/**
 * A real OpenSSH server on 127.0.0.1 for the proxy's ssh:// tests, started by the test with its
 * own host key and a throwaway user key (and one more behind a passphrase) in a temp dir. The
 * remote `docker` is the real CLI on this machine, talking to the real engine.
 *
 * The client side is set up the way a learner sets up ssh for a docker endpoint: an ssh config
 * entry naming the host, its key and its known host key. ssh reads config only from the user's
 * passwd home and the system folder (never $HOME), so the entry is a drop-in under
 * /etc/ssh/ssh_config.d for test-unique aliases only, removed at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';
const CLIENT_DROP_IN_DIR = '/etc/ssh/ssh_config.d';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function keygen(file: string, passphrase: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'dockside-test', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8').trim();
}

export class TestSshd {
  readonly user = userInfo().username;
  port = 0;
  /** An alias whose key logs in without a prompt. */
  readonly alias: string;
  /** An alias whose only key has a passphrase (and no agent): core cannot log in there. */
  readonly lockedAlias: string;
  private child: ChildProcess | null = null;
  private readonly dropIn: string;
  private log = '';

  constructor(
    private readonly dir: string,
    suffix: string,
  ) {
    this.alias = `dockside-sshd-${suffix}`;
    this.lockedAlias = `dockside-sshd-locked-${suffix}`;
    this.dropIn = join(CLIENT_DROP_IN_DIR, `dockside-test-${suffix}.conf`);
  }

  async start(): Promise<void> {
    if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: run tests/engine/provision.sh (it installs openssh-server)`);
    this.port = await freePort();
    const at = (name: string) => join(this.dir, name);
    keygen(at('host_key'), '');
    const userKey = keygen(at('user_key'), '');
    const lockedKey = keygen(at('locked_key'), 'a passphrase nobody types');
    writeFileSync(at('authorized_keys'), `${userKey}\n${lockedKey}\n`, { mode: 0o600 });
    const hostKey = readFileSync(at('host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(at('known_hosts'), `[127.0.0.1]:${this.port} ${hostKey}\n`);
    writeFileSync(at('sshd_config'), this.serverConfig());
    // sshd's privilege separation directory; Debian makes it only when its service starts.
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    mkdirSync(CLIENT_DROP_IN_DIR, { recursive: true });
    writeFileSync(this.dropIn, this.clientConfig());
    this.child = spawn(SSHD, ['-D', '-e', '-f', at('sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString('utf8')));
    await this.untilListening();
  }

  private serverConfig(): string {
    const at = (name: string) => join(this.dir, name);
    return [
      `Port ${this.port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${at('host_key')}`,
      `PidFile ${at('sshd.pid')}`,
      `AuthorizedKeysFile ${at('authorized_keys')}`,
      // The temp dir lies under the world-writable /tmp, which StrictModes refuses.
      'StrictModes no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${this.user}`,
      '',
    ].join('\n');
  }

  private clientConfig(): string {
    const entry = (alias: string, key: string, withPort: boolean) =>
      [
        `Host ${alias}`,
        '  HostName 127.0.0.1',
        ...(withPort ? [`  Port ${this.port}`] : []),
        `  IdentityFile ${join(this.dir, key)}`,
        '  IdentitiesOnly yes',
        '  IdentityAgent none',
        `  UserKnownHostsFile ${join(this.dir, 'known_hosts')}`,
        '  StrictHostKeyChecking yes',
      ].join('\n');
    return `${entry(this.alias, 'user_key', true)}\n${entry(this.lockedAlias, 'locked_key', true)}\n`;
  }

  private async untilListening(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (this.log.includes('Server listening')) return;
      if (this.child!.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`sshd did not start: ${this.log}`);
  }

  /** What sshd logged (auth failures name their reason there). */
  get serverLog(): string {
    return this.log;
  }

  stop(): void {
    rmSync(this.dropIn, { force: true });
    if (this.child?.exitCode === null) this.child.kill('SIGTERM');
    this.child = null;
  }
}
