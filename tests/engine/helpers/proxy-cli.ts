/** The real docker CLI pointed at a terminal proxy (DOCKER_HOST in `env`), for the proxy's engine tests. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export interface ProxyCli {
  /** Run `docker args`, optionally with stdin; never throws. */
  docker: (args: string[], input?: string, timeoutMs?: number) => Promise<CliResult>;
  /** Run `docker args` and return its trimmed output, or throw with its error text. */
  ok: (...args: string[]) => Promise<string>;
}

export function proxyCli(env: () => Record<string, string | undefined>): ProxyCli {
  const docker = (args: string[], input?: string, timeoutMs = 50_000): Promise<CliResult> =>
    new Promise((resolve) => {
      const child = execFile(
        'docker',
        args,
        { env: env(), encoding: 'utf8', maxBuffer: 64 << 20, timeout: timeoutMs, killSignal: 'SIGKILL' },
        (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, out, err }),
      );
      if (input !== undefined) child.stdin!.end(input);
    });
  const ok = async (...args: string[]): Promise<string> => {
    const result = await docker(args);
    if (result.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${result.code}: ${result.err}`);
    return result.out.trim();
  };
  return { docker, ok };
}

/** `docker cp` random bytes into the container and back out (the bulk path); true when unchanged. */
export async function copyRoundTrip(cli: ProxyCli, container: string, dir: string, bytes: number): Promise<boolean> {
  const payload = randomBytes(bytes);
  writeFileSync(join(dir, 'in.bin'), payload);
  await cli.ok('cp', join(dir, 'in.bin'), `${container}:/tmp/in.bin`);
  await cli.ok('cp', `${container}:/tmp/in.bin`, join(dir, 'out.bin'));
  return readFileSync(join(dir, 'out.bin')).equals(payload);
}
