/**
 * Which of a lesson's images a kind cluster's nodes already have. A kind node is a container of
 * the Docker engine running its own containerd; its images are read there, through the engine,
 * with `ctr --namespace=k8s.io images ls -q` (the namespace and tool `kind load` itself imports
 * with). Reading only: nothing is pulled, copied or changed here.
 */
import type { KindImages, KindImageState } from '../contract';
import type { EngineReader } from '../checks/engine-reader';
import { messageOf } from '../errors';

/** The label kind puts on every node container of a cluster, valued with the cluster's name. */
export const KIND_CLUSTER_LABEL = 'io.x-k8s.kind.cluster';

const LIST_IMAGES = ['ctr', '--namespace=k8s.io', 'images', 'ls', '-q'];

/**
 * The reference containerd stores for an image as the docker CLI names it:
 * `busybox` → `docker.io/library/busybox:latest`, `me/app:1` → `docker.io/me/app:1`.
 */
export function containerdRef(image: string): string {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  const named = hasRegistry ? image : slash < 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
  if (named.includes('@')) return named;
  const lastSegment = named.slice(named.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? named : `${named}:latest`;
}

/** Reads the nodes of kind cluster `cluster` and says, per image, whether every node has it. */
export async function readKindImages(
  reader: EngineReader,
  cluster: string,
  images: readonly { name: string; present: boolean }[],
): Promise<KindImages> {
  const answer = (problem: string | null, nodes: string[], inCluster: (ref: string) => boolean | null): KindImages => ({
    cluster,
    nodes,
    problem,
    images: images.map((image): KindImageState => ({
      name: image.name,
      inEngine: image.present,
      inCluster: inCluster(containerdRef(image.name)),
    })),
  });
  const containers = await reader.containers({ label: [`${KIND_CLUSTER_LABEL}=${cluster}`] });
  const nodes = containers.map((c) => (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '')).sort();
  if (nodes.length === 0) return answer(nodeMissingSentence(cluster), [], () => null);
  const stopped = containers.find((c) => c.State !== 'running');
  if (stopped) {
    const name = (stopped.Names[0] ?? stopped.Id).replace(/^\//, '');
    return answer(
      `node ${name} of kind cluster ${cluster} is not running: start it with \`docker start ${name}\`.`,
      nodes,
      () => null,
    );
  }
  const perNode: Set<string>[] = [];
  for (const container of containers) {
    const name = (container.Names[0] ?? container.Id).replace(/^\//, '');
    let outcome;
    try {
      outcome = await reader.exec(container.Id, LIST_IMAGES);
    } catch (error) {
      return answer(`the images of kind node ${name} could not be read: ${messageOf(error)}`, nodes, () => null);
    }
    if (outcome.exitCode !== 0)
      return answer(
        `the images of kind node ${name} could not be read: \`${LIST_IMAGES.join(' ')}\` ${outcome.timedOut ? 'did not finish' : `failed: ${lastLine(outcome.output)}`}`,
        nodes,
        () => null,
      );
    perNode.push(
      new Set(
        outcome.output
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    );
  }
  return answer(null, nodes, (ref) => perNode.every((refs) => refs.has(ref)));
}

export function nodeMissingSentence(cluster: string): string {
  return (
    `kind cluster ${cluster} has no node container on your Docker engine (${cluster}-control-plane is not there): ` +
    `create it again with \`kind create cluster --name ${cluster}\`, or use another cluster.`
  );
}

function lastLine(output: string): string {
  return output.trim().split('\n').pop()?.trim() || 'no output';
}
