import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { commandCheck } from '../../electron/core/checks/command';
import { EngineReader } from '../../electron/core/checks/engine-reader';
import type { CheckContext } from '../../electron/core/checks/kind';
import { checkKind } from '../../electron/core/checks/registry';
import { CommandFeed } from '../../electron/core/terminal/command-feed';

function contextWith(feed: CommandFeed, stepStartedAt: number): CheckContext {
  return {
    // The command kind never reads the engine; a client that is never called stands in.
    engine: new EngineReader(new Docker({ socketPath: '/nonexistent.sock' })),
    run: {
      startedAt: 0,
      stepStartedAt,
      workspaceDir: '/tmp',
      createdDuringRun: () => false,
      createdNames: () => [],
      commandsSince: (since) => feed.since(since),
    },
  };
}

function finished(line: string, exitCode: number | null, at: number) {
  return { sessionId: 't-1', line, exitCode, cwd: '/w', startedAt: at - 5, endedAt: at };
}

const parse = (raw: unknown) => commandCheck.schema.parse(raw);

describe('the command check kind', () => {
  it('is registered, is re-evaluated when a command finishes, and says what it wants', () => {
    expect(checkKind('command')).toBe(commandCheck);
    const spec = parse({ matches: '^docker ps .*--format', exitCode: 0 });
    expect(commandCheck.triggers(spec)).toEqual({ commands: true });
    expect(commandCheck.wants(spec)).toBe('you run a command matching /^docker ps .*--format/ that succeeds in the terminal');
    expect(commandCheck.wants(parse({ contains: 'docker logs' }))).toBe(
      'you run a command containing "docker logs" in the terminal',
    );
  });

  it('rejects specs that would check nothing, or check something else than the author meant', () => {
    expect(() => parse({})).toThrow(/needs `matches`/);
    expect(() => parse({ matches: '(' })).toThrow(/not a valid regular expression/);
    expect(() => parse({ matches: 'x', exitcode: 0 })).toThrow(/unknown key 'exitcode'/);
    expect(() => parse({ matches: 'x', exitCode: -1 })).toThrow();
  });

  it('passes on a matching command during this step, with the right exit code', async () => {
    const feed = new CommandFeed();
    feed.publish(finished('docker ps --format "{{.Names}}"', 0, 2000));
    const result = await commandCheck.evaluate(parse({ matches: '^docker ps .*--format', exitCode: 0 }), contextWith(feed, 1000));
    expect(result).toEqual({ pass: true, explanation: 'you ran `docker ps --format "{{.Names}}"` (exited 0)' });
  });

  it('names the nearest miss: wrong exit code, another command, or nothing yet', async () => {
    const spec = parse({ matches: '^docker ps .*--format', exitCode: 0 });
    const feed = new CommandFeed();
    expect(await commandCheck.evaluate(spec, contextWith(feed, 1000))).toEqual({
      pass: false,
      explanation:
        'no command has run in the terminal during this step yet; you run a command matching /^docker ps .*--format/ that succeeds in the terminal',
    });
    feed.publish(finished('docker ps --format "{{.Nmes}}"', 1, 1500));
    expect((await commandCheck.evaluate(spec, contextWith(feed, 1000))).explanation).toBe(
      'you ran `docker ps --format "{{.Nmes}}"` but it exited 1, not 0',
    );
    feed.publish(finished('ls', 0, 1600));
    expect((await commandCheck.evaluate(spec, contextWith(feed, 1000))).explanation).toBe(
      'you ran `docker ps --format "{{.Nmes}}"` but it exited 1, not 0',
    );
    const other = new CommandFeed();
    other.publish(finished('docker ps', 0, 1500));
    expect((await commandCheck.evaluate(spec, contextWith(other, 1000))).explanation).toBe(
      'no command matching /^docker ps .*--format/ has run in the terminal during this step yet; the last one was `docker ps`',
    );
  });

  it('ignores commands from before the step began', async () => {
    const feed = new CommandFeed();
    feed.publish(finished('docker ps --format x', 0, 500));
    expect((await commandCheck.evaluate(parse({ contains: 'docker ps' }), contextWith(feed, 1000))).pass).toBe(false);
  });
});
