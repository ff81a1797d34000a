/**
 * The `command` check kind on a real bash session: shell integration reports what the learner ran,
 * and the check passes or names the nearest miss from that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandCheck } from '../../electron/core/checks/command';
import { EngineReader } from '../../electron/core/checks/engine-reader';
import type { CheckContext } from '../../electron/core/checks/kind';
import type { TerminalSession } from '../../electron/core/contract';
import { startHarness, type Harness, type TestClient } from './helpers/terminal-harness';

describe('the command check kind on a real bash session', () => {
  let h: Harness;
  let client: TestClient;
  let session: TerminalSession;

  const run = async (line: string) => {
    const before = client.commands(session.id).length;
    await h.call('terminal.input', { id: session.id, data: `${line}\r` }, client);
    return client.until(`"${line}" to finish`, () => client.commands(session.id)[before], 20_000);
  };

  const contextSince = (stepStartedAt: number): CheckContext => ({
    engine: new EngineReader(h.context.engine.connected!.docker),
    run: {
      startedAt: stepStartedAt,
      stepStartedAt,
      workspaceDir: session.cwd,
      createdDuringRun: () => false,
      createdNames: () => [],
      commandsSince: (since) => h.context.commands.since(since),
    },
  });

  beforeAll(async () => {
    h = await startHarness({ env: { SHELL: '/bin/bash' } });
    client = h.client();
    session = await h.create(client, { lessonId: 'docker/command-check' });
    await client.until('the prompt', () => (client.output.get(session.id) ?? '').length > 0);
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('passes once the learner ran a matching command that succeeded, and fails before', async () => {
    const spec = commandCheck.schema.parse({ matches: '^docker ps .*--format', exitCode: 0 });
    const stepStartedAt = Date.now();
    const before = await commandCheck.evaluate(spec, contextSince(stepStartedAt));
    expect(before.pass).toBe(false);

    await run('docker ps');
    const other = await commandCheck.evaluate(spec, contextSince(stepStartedAt));
    expect(other).toEqual({
      pass: false,
      explanation:
        'no command matching /^docker ps .*--format/ has run in the terminal during this step yet; the last one was `docker ps`',
    });

    const typo = await run("docker ps --format '{{.Nmes}}'");
    expect(typo.exitCode).not.toBe(0);
    const miss = await commandCheck.evaluate(spec, contextSince(stepStartedAt));
    expect(miss).toEqual({
      pass: false,
      explanation: `you ran \`docker ps --format '{{.Nmes}}'\` but it exited ${typo.exitCode}, not 0`,
    });

    await run("docker ps --format '{{.Names}}'");
    const pass = await commandCheck.evaluate(spec, contextSince(stepStartedAt));
    expect(pass).toEqual({ pass: true, explanation: "you ran `docker ps --format '{{.Names}}'` (exited 0)" });

    // A later step starts clean: what ran before it does not count.
    const next = await commandCheck.evaluate(spec, contextSince(Date.now() + 1));
    expect(next.pass).toBe(false);
  });
});
