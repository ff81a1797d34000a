/**
 * `command`: the learner ran a command matching a pattern in a terminal during this step,
 * optionally with a given exit code — for steps that change no engine state, like
 * `docker ps --format ...` or `docker logs web`. Read from what shell integration reported
 * (the `context.commands` feed), so it is re-evaluated whenever a command finishes.
 *
 *     ```check
 *     command: { matches: "^docker ps .*--format", exitCode: 0 }
 *     ```
 */
import { z } from 'zod';
import type { FinishedCommand } from '../terminal/command-feed';
import type { CheckContext, CheckResult } from './kind';
import { defineCheckKind } from './kind';
import { clip } from './phrases';
import { pattern, strict } from './schema-helpers';

export const commandSpec = strict({
  /** A regular expression the command line must match (unanchored, like every pattern in checks). */
  matches: pattern.optional(),
  /** Text the command line must contain. */
  contains: z.string().min(1).optional(),
  /** The exit code the command must have ended with; any when absent. */
  exitCode: z.number().int().min(0).max(255).optional(),
}).refine((spec) => spec.matches !== undefined || spec.contains !== undefined, {
  error: 'a command check needs `matches` (a regular expression) or `contains` (text)',
});

export type CommandSpec = z.output<typeof commandSpec>;

function describeLine(spec: CommandSpec): string {
  const parts = [
    ...(spec.matches !== undefined ? [`matching /${spec.matches}/`] : []),
    ...(spec.contains !== undefined ? [`containing "${clip(spec.contains, 40)}"`] : []),
  ];
  return `a command ${parts.join(' and ')}`;
}

function wants(spec: CommandSpec): string {
  const exit = spec.exitCode === undefined ? '' : spec.exitCode === 0 ? ' that succeeds' : ` that exits ${spec.exitCode}`;
  return `you run ${describeLine(spec)}${exit} in the terminal`;
}

function lineMatches(spec: CommandSpec, line: string): boolean {
  if (spec.contains !== undefined && !line.includes(spec.contains)) return false;
  if (spec.matches !== undefined && !new RegExp(spec.matches, 'm').test(line)) return false;
  return true;
}

function exitText(command: FinishedCommand): string {
  return command.exitCode === null ? 'ended without an exit code' : `exited ${command.exitCode}`;
}

async function evaluate(spec: CommandSpec, { run }: CheckContext): Promise<CheckResult> {
  await Promise.resolve(); // evaluation is synchronous; the kind interface is async for the engine's sake
  const commands = run.commandsSince(run.stepStartedAt);
  const matching = commands.filter((command) => lineMatches(spec, command.line));
  const good = matching.find((command) => spec.exitCode === undefined || command.exitCode === spec.exitCode);
  if (good) {
    return { pass: true, explanation: `you ran \`${clip(good.line, 80)}\` (${exitText(good)})` };
  }
  const latest = matching[matching.length - 1];
  if (latest) {
    return {
      pass: false,
      explanation: `you ran \`${clip(latest.line, 80)}\` but it ${exitText(latest)}, not ${spec.exitCode}`,
    };
  }
  const last = commands[commands.length - 1];
  if (last) {
    return {
      pass: false,
      explanation: `no ${describeLine(spec).slice(2)} has run in the terminal during this step yet; the last one was \`${clip(last.line, 80)}\``,
    };
  }
  return { pass: false, explanation: `no command has run in the terminal during this step yet; ${wants(spec)}` };
}

export const commandCheck = defineCheckKind<CommandSpec>({
  name: 'command',
  schema: commandSpec,
  wants,
  triggers: () => ({ commands: true }),
  evaluate,
});
