/**
 * An ssh:// engine, reached as the docker CLI reaches it (docker/cli connhelper): per connection,
 * `ssh [-l user] [-p port] -- host docker system dial-stdio`, whose stdin and stdout are the
 * connection to the remote engine. The learner's own ssh config, known hosts and agent apply,
 * exactly as for the CLI. Two differences, both because core has no terminal to ask in:
 * `BatchMode=yes` (a key with a passphrase or a password login fails at once instead of
 * prompting) and ssh's stderr becomes the connection's error text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Duplex } from 'node:stream';
import type { Dial } from '../engine/endpoint';

type SshDial = Extract<Dial, { kind: 'ssh' }>;

/** The docker CLI's own defaults (connhelper.addSSHTimeout, disablePseudoTerminalAllocation). */
const SSH_FLAGS = ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=30', '-T'];

/** ssh's arguments to run `remote` on the endpoint's host (ssh.Spec.Args in docker/cli). */
export function sshArgs(dial: SshDial, remote: string[], flags: string[] = SSH_FLAGS): string[] {
  const docker = dial.remoteSocket ? ['docker', `--host=unix://${dial.remoteSocket}`] : ['docker'];
  return [
    ...flags,
    ...(dial.username ? ['-l', dial.username] : []),
    ...(dial.portFromConfig ? [] : ['-p', String(dial.port)]),
    '--',
    dial.host,
    ...docker,
    ...remote,
  ];
}

/** The last lines ssh wrote to stderr: why it failed ("Permission denied (publickey)."). */
const STDERR_KEEP = 4096;

/**
 * One connection to the remote engine over its own ssh process. Ending the writable side ends
 * ssh's stdin (the remote dial-stdio then half-closes toward the engine); destroying the stream
 * kills ssh, so a connection never outlives its user.
 */
export class SshConnection extends Duplex {
  private readonly child: ChildProcess;
  private stderr = '';
  private answered = false;

  constructor(dial: SshDial) {
    super({ allowHalfOpen: true });
    this.child = spawn('ssh', sshArgs(dial, ['system', 'dial-stdio']), { stdio: ['pipe', 'pipe', 'pipe'] });
    const { stdout, stderr, stdin } = this.child as ChildProcess & { stdout: NodeJS.ReadableStream };
    stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEEP)));
    stdout.on('data', (chunk: Buffer) => {
      this.answered = true;
      if (!this.push(chunk)) stdout.pause();
    });
    // EPIPE when ssh has already gone: its exit (below) says why.
    stdin!.on('error', () => {});
    this.child.on('error', (error: NodeJS.ErrnoException) =>
      this.destroy(new Error(error.code === 'ENOENT' ? 'the ssh client is not installed (no `ssh` on PATH)' : error.message)),
    );
    this.child.on('close', (code) => {
      if (this.destroyed) return;
      if (code !== 0 && !this.answered) this.destroy(new Error(this.failure(code)));
      else this.push(null);
    });
  }

  /** For node:http, which ends a connection it will not reuse this way. */
  destroySoon(): void {
    this.end();
    this.destroy();
  }

  /** The ssh process serving this connection (tests check it is gone after the connection). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.child.stdin!.write(chunk, () => done());
  }

  override _final(done: (error?: Error | null) => void): void {
    this.child.stdin!.end(() => done());
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    done(error);
  }

  private failure(code: number | null): string {
    const text = this.stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ');
    return text !== '' ? `ssh: ${text}` : `ssh exited with code ${code ?? 'unknown'} before the engine answered`;
  }
}
