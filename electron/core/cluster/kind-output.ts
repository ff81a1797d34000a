/**
 * Reading kind's output: which stage `kind create cluster` is in (its " • Stage ..." and
 * " ✓ Stage" lines), and, when it failed, one sentence that says what went wrong and what to do.
 * Pure, so the sentences are tested against kind's real wording.
 */
export const PRACTICE_CLUSTER_NAME = 'dockside';

/** kind's stages for one control-plane node, in order (v0.20 to v0.33 print these). */
const CREATE_STAGES = [
  'Ensuring node image',
  'Preparing nodes',
  'Writing configuration',
  'Starting control-plane',
  'Installing CNI',
  'Installing StorageClass',
];

export interface StageProgress {
  stage: string;
  progress: number;
}

/** The stage a line starts or finishes, with how far along that puts the whole create. */
export function stageOf(line: string): StageProgress | null {
  const trimmed = line.trim();
  const mark = trimmed.charAt(0);
  if (mark !== '•' && mark !== '✓' && mark !== '✗') return null;
  const text = trimmed.slice(1).trim();
  const index = CREATE_STAGES.findIndex((stage) => text.startsWith(stage));
  if (index < 0) return null;
  const stage = CREATE_STAGES[index]!;
  return { stage, progress: (index + (mark === '✓' ? 1 : 0)) / CREATE_STAGES.length };
}

export function kindMissingSentence(installHint: string): string {
  return `The kind CLI is not on your PATH. ${installHint}`;
}

/** One sentence for a kind run that exited non-zero, from everything it printed. */
export function describeKindFailure(action: 'create' | 'delete', output: string): string {
  const pulled = /failed to pull image "([^"]+)"/.exec(output);
  if (pulled)
    return (
      `The node image ${pulled[1]} is not on your engine and its registry could not be reached: ` +
      `pull it while you are online (docker pull ${pulled[1]}) and try again.`
    );
  if (/executable file not found in \$PATH/.test(output) && /"docker"/.test(output))
    return 'kind needs the docker CLI, which is not on your PATH: install it and try again.';
  const daemon = /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running\?/.exec(output);
  if (daemon || /failed to get docker info/.test(output))
    return `kind could not reach a Docker engine${daemon ? ` at ${daemon[1]}` : ''}: start your engine (the doctor shows how) and try again.`;
  if (/already exist for a cluster with the name/.test(output))
    return `A kind cluster named ${PRACTICE_CLUSTER_NAME} already exists: use it, or delete it first.`;
  const error = output
    .split('\n')
    .reverse()
    .find((line) => line.startsWith('ERROR: '));
  const detail = error?.slice('ERROR: '.length).trim() ?? output.trim().split('\n').pop()?.trim() ?? '';
  return `kind ${action} cluster failed${detail ? `: ${detail}` : ''}.`;
}
