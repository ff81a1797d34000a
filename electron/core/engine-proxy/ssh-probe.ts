/**
 * Before a terminal's proxy forwards to an ssh:// engine: can core reach it without a prompt?
 * One `ssh -o BatchMode=yes ... -- host docker version` with a time limit. When it cannot, the
 * terminal keeps DOCKER_HOST naming the engine directly (its own ssh may prompt there) and the
 * notice says why, in words the learner can act on.
 */
import { execFile } from 'node:child_process';
import type { Dial } from '../engine/endpoint';
import { sshArgs } from './ssh-upstream';

type SshDial = Extract<Dial, { kind: 'ssh' }>;

const PROBE_FLAGS = ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-T'];

/** Null when the engine answered over ssh; otherwise why core cannot use it, in words. */
export function probeSsh(dial: SshDial, timeoutMs = 15_000): Promise<string | null> {
  const args = sshArgs(dial, ['version', '--format', '{{.Server.Version}}'], PROBE_FLAGS);
  return new Promise((resolve) => {
    execFile('ssh', args, { timeout: timeoutMs, killSignal: 'SIGKILL', encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error && stdout.trim() !== '') return resolve(null);
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') return resolve('there is no `ssh` client on PATH for Dockside to use');
      if (error?.killed) return resolve(`ssh to ${dial.host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
      resolve(explainSshFailure(dial.host, stderr));
    });
  });
}

/** ssh's complaint, with what to do about the usual ones. */
export function explainSshFailure(host: string, stderr: string): string {
  const said = stderr.trim().split('\n').filter(Boolean).slice(-2).join(' ');
  if (/Permission denied|passphrase|Too many authentication failures/i.test(said))
    return `ssh to ${host} needs a password or a key passphrase, which Dockside cannot type (${said}); add the key to ssh-agent (\`ssh-add\`)`;
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(said))
    return `ssh does not know ${host}'s host key yet (${said}); connect once with \`ssh ${host}\` and accept it`;
  if (/docker: (command )?not found|No such file/i.test(said)) return `the docker CLI is not on PATH on ${host} (${said})`;
  return `ssh to ${host} failed${said ? `: ${said}` : ''}`;
}
