/**
 * The doctor's tool versions never reach a cluster. Some kubectl builds contact the current
 * context's API server even for `kubectl version --client`: Google Cloud SDK's kubectl
 * dispatcher (installed on our test machines as /usr/bin/kubectl) asks it which kubectl to run,
 * five times. Here the current context points at a listener in a network namespace the test
 * creates (another machine, as far as Dockside can tell) that counts connections; after a full
 * doctor run, it has seen none. Where /usr/bin/kubectl is not such a dispatcher the test still
 * holds, it just proves less (the control below says whether this kubectl dials).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDoctor } from '../../electron/core/doctor/run-doctor';
import { startOffMachineListener, type OffMachineListener } from '../helpers/off-machine-listener';

let dir: string;
let remote: OffMachineListener;
let kubeconfig: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockside-doctor-tools-'));
  remote = await startOffMachineListener(dir);
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'prod',
      clusters: [{ name: 'prod', cluster: { server: remote.server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'u', user: { token: 'not-a-secret' } }],
      contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'u' } }],
    }),
  );
}, 30_000);

afterAll(() => {
  remote?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('runs kubectl, helm and k9s for their versions without contacting the current context', async () => {
  const report = await runDoctor({
    env: { HOME: dir, KUBECONFIG: kubeconfig, PATH: '/usr/bin:/bin' },
    homeDir: dir,
    platform: 'linux',
    pathDirs: ['/usr/bin', '/bin'],
    probeTimeoutMs: 1000,
  });
  expect(report.kubeContexts).toMatchObject([{ name: 'prod', local: false, probed: false }]);
  expect(remote.connections()).toBe(0);

  // The control: the same kubectl, given the learner's kubeconfig, says whether it dials.
  const kubectl = report.tools.find((t) => t.name === 'kubectl')?.path;
  if (kubectl) {
    await new Promise((resolve) =>
      execFile(
        kubectl,
        ['version', '--client'],
        { env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfig }, timeout: 15_000 },
        resolve,
      ),
    );
    console.log(`control: ${kubectl} version --client with the learner's kubeconfig made ${remote.connections()} connection(s)`);
  }
}, 60_000);
