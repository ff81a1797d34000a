/**
 * `exec`: a read-only command inside a container this run created — its exit code and output.
 * Polled while the step is current. The command runs without a shell and must start with a
 * program that only reads (a lesson's check must not change the learner's container).
 */
import { z } from 'zod';
import { containerName, describeState } from './container-facts';
import type { CheckContext, CheckResult } from './kind';
import { defineCheckKind } from './kind';
import { clip, createdInstead } from './phrases';
import { objectName, pattern, strict } from './schema-helpers';

/** Programs that read and print; `wget` only when it prints instead of saving. */
export const readOnlyPrograms = [
  'cat',
  'ls',
  'id',
  'test',
  'stat',
  'printenv',
  'env',
  'hostname',
  'whoami',
  'pwd',
  'head',
  'tail',
  'grep',
  'wc',
  'readlink',
  'uname',
  'ps',
  'df',
  'nslookup',
  'wget',
] as const;

const printsToStdout = (args: string[]) =>
  args.some((a, i) => a === '-qO-' || a === '-O-' || (a === '-O' && args[i + 1] === '-') || (a === '-qO' && args[i + 1] === '-'));

const command = z
  .union([z.array(z.string().min(1)).min(1), z.string().min(1)], {
    error: 'expected a command, as a list of arguments or a string',
  })
  .transform((value) => (Array.isArray(value) ? value : value.trim().split(/\s+/)))
  .refine((args) => (readOnlyPrograms as readonly string[]).includes(args[0]!), {
    error: `the command must start with a read-only program: ${readOnlyPrograms.join(', ')}`,
  })
  .refine((args) => args[0] !== 'wget' || printsToStdout(args), { error: 'wget must print with -O - (or -qO-), not save a file' })
  .refine((args) => args[0] !== 'env' || args.length === 1, { error: 'env may only list the environment (no command after it)' });

export const execSpec = strict({
  container: objectName,
  command,
  exitCode: z.number().int().default(0),
  output: z.string().optional(),
  outputMatches: pattern.optional(),
});

export type ExecSpec = z.output<typeof execSpec>;

function wants(spec: ExecSpec): string {
  const output =
    spec.output !== undefined
      ? ` and prints "${clip(spec.output, 40)}"`
      : spec.outputMatches !== undefined
        ? ` and prints text matching /${spec.outputMatches}/`
        : '';
  return `\`${spec.command.join(' ')}\` in container ${spec.container} exits with ${spec.exitCode}${output}`;
}

async function evaluate(spec: ExecSpec, { engine, run }: CheckContext): Promise<CheckResult> {
  const info = await engine.container(spec.container);
  if (!info || containerName(info) !== spec.container) {
    return {
      pass: false,
      explanation: `there is no container named ${spec.container} to run \`${spec.command[0]!}\` in${createdInstead('container', run.createdNames('container'))}`,
    };
  }
  if (!run.createdDuringRun('container', info.Id)) {
    return {
      pass: false,
      explanation: `container ${spec.container} was not created during this lesson, so Dockside does not look inside it`,
    };
  }
  if (!info.State.Running)
    return {
      pass: false,
      explanation: `container ${spec.container} is ${describeState(info)}, not running, so \`${spec.command[0]!}\` cannot run in it`,
    };
  const result = await engine.exec(info.Id, spec.command);
  const shown = `\`${clip(spec.command.join(' '), 40)}\``;
  if (result.timedOut) return { pass: false, explanation: `${shown} in container ${spec.container} did not finish within 5 s` };
  if (result.exitCode !== spec.exitCode) {
    const said = result.output.trim() === '' ? '' : ` and printed "${clip(result.output, 50)}"`;
    return {
      pass: false,
      explanation: `${shown} in container ${spec.container} exited with ${result.exitCode ?? 'no code'}, not ${spec.exitCode}${said}`,
    };
  }
  if (spec.output !== undefined && !result.output.includes(spec.output)) {
    return {
      pass: false,
      explanation: `${shown} in container ${spec.container} printed "${clip(result.output, 50)}", which does not contain "${spec.output}"`,
    };
  }
  if (spec.outputMatches !== undefined && !new RegExp(spec.outputMatches, 'm').test(result.output)) {
    return {
      pass: false,
      explanation: `${shown} in container ${spec.container} printed "${clip(result.output, 50)}", which does not match /${spec.outputMatches}/`,
    };
  }
  return { pass: true, explanation: wants(spec) };
}

export const execCheck = defineCheckKind<ExecSpec>({
  name: 'exec',
  schema: execSpec,
  wants,
  // Events would tell when the container starts or stops, but not what is inside it: poll.
  triggers: () => ({ poll: true }),
  evaluate,
});
