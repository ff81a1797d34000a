/**
 * Reading `kind load docker-image`'s output when it failed: one sentence that says what went
 * wrong and what to do. Pure, so the sentences are tested against kind v0.33.0's real wording.
 */
import { nodeMissingSentence } from './kind-node-images';

export function describeKindLoadFailure(image: string, cluster: string, output: string): string {
  if (/ERROR: image: ".*" not present locally/.test(output))
    return `Image ${image} is not on your Docker engine, so kind cannot copy it: pull it while you are online (docker pull ${image}) and try again.`;
  if (/ERROR: no nodes found for cluster/.test(output)) return capitalise(nodeMissingSentence(cluster));
  const daemon = /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running\?/.exec(output);
  if (daemon) return `kind could not reach the Docker engine at ${daemon[1]}: start it (the doctor shows how) and try again.`;
  // kind's errors end with "Command Output: <what the failing command printed>" and a stack trace.
  const error = /^ERROR: (.+)$/m.exec(output)?.[1]?.trim();
  const commandOutput = /^Command Output: (.+)$/m.exec(output)?.[1]?.trim();
  const detail = [error, commandOutput].filter(Boolean).join(' — ') || output.trim().split('\n').pop()?.trim() || 'no output';
  return `kind could not copy ${image} into cluster ${cluster}: ${detail}.`;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
