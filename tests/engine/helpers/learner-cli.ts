/**
 * The learner's docker CLI as Dockside's terminal runs it: through an engine proxy recording in
 * the context's terminal ledger (what a terminal session gets), so what it makes is the
 * learner's. Asynchronous on purpose: the proxy lives in this process, and a synchronous child
 * would block the very event loop that forwards its requests.
 */
import { execFile } from 'node:child_process';
import type { CoreContext } from '../../../electron/core/context';
import { EngineProxy } from '../../../electron/core/engine-proxy/engine-proxy';
import type { ResolvedEndpoint } from '../../../electron/core/engine/endpoint';

export interface LearnerCli {
  proxy: EngineProxy;
  /** `docker ARGS` through the proxy; resolves with its trimmed stdout, rejects on a non-zero exit. */
  docker: (...args: string[]) => Promise<string>;
  /** A shell script with DOCKER_HOST set to the proxy. */
  sh(script: string, cwd?: string): Promise<{ code: number; output: string }>;
  close(): void;
}

/** `endpoint`: where the proxy forwards, when not the endpoint core is connected to. */
export async function startLearnerCli(
  context: Pick<CoreContext, 'engine' | 'ledger'>,
  endpoint?: ResolvedEndpoint,
): Promise<LearnerCli> {
  const proxy = new EngineProxy({
    endpoint: () => endpoint ?? context.engine.connected?.endpoint ?? null,
    ledger: context.ledger,
  });
  await proxy.listen();
  const env: Record<string, string | undefined> = { ...process.env, DOCKER_HOST: proxy.dockerHost };
  delete env.DOCKER_CONTEXT;
  return {
    proxy,
    docker: (...args) =>
      new Promise((resolve, reject) => {
        execFile('docker', args, { env, encoding: 'utf8' }, (error, stdout, stderr) => {
          if (error) reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`));
          else resolve(stdout.trim());
        });
      }),
    sh: (script, cwd) =>
      new Promise((resolve) => {
        execFile('sh', ['-c', script], { env, cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, output: `${stdout}${stderr}` });
        });
      }),
    close: () => proxy.close(),
  };
}
