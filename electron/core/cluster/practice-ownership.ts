/**
 * Which practice cluster is Dockside's own. "Delete practice cluster" must never delete a kind
 * cluster the learner made themselves under the same name, so when Dockside's `kind create`
 * leaves a node container behind (done, failed or cancelled), the container's id is recorded in
 * Dockside's data directory; delete is allowed only while the node container named
 * `dockside-control-plane` is still that one (or is gone, leaving only kind's kubeconfig entries).
 */
import type Docker from 'dockerode';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRACTICE_CLUSTER_NAME } from './kind-output';
import { KIND_CLUSTER_LABEL } from './kind-node-images';

export const PRACTICE_NODE = `${PRACTICE_CLUSTER_NAME}-control-plane`;
const MARKER_FILE = 'practice-cluster.json';
/** Engine and Node clocks may differ a little: a node created this long before the job began still counts as its. */
const CLOCK_SLACK_MS = 2000;

export interface PracticeMarker {
  cluster: string;
  nodeContainerId: string;
  /** ISO time Dockside recorded it. */
  recordedAt: string;
}

/** The practice cluster's node container as the engine has it: its id and when it was created (Unix ms). */
export interface PracticeNode {
  id: string;
  createdAt: number;
}

export type Ownership = { ours: true } | { ours: false; reason: string };

export async function readPracticeMarker(dataDir: string): Promise<PracticeMarker | null> {
  try {
    const marker = JSON.parse(await readFile(join(dataDir, MARKER_FILE), 'utf8')) as Partial<PracticeMarker>;
    return typeof marker.nodeContainerId === 'string' && marker.cluster === PRACTICE_CLUSTER_NAME
      ? (marker as PracticeMarker)
      : null;
  } catch {
    return null; // none yet, or unreadable: either way no proof that Dockside made it
  }
}

/** After Dockside's `kind create`: records the node container when it was created during that job. */
export async function recordPracticeNode(dataDir: string, node: PracticeNode | null, jobStartedAt: number): Promise<boolean> {
  if (!node || node.createdAt < jobStartedAt - CLOCK_SLACK_MS) return false;
  const marker: PracticeMarker = {
    cluster: PRACTICE_CLUSTER_NAME,
    nodeContainerId: node.id,
    recordedAt: new Date().toISOString(),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
  return true;
}

export async function forgetPracticeNode(dataDir: string): Promise<void> {
  await rm(join(dataDir, MARKER_FILE), { force: true });
}

/** May "Delete practice cluster" run? No, with the reason, unless the cluster is the one Dockside created. */
export function judgeOwnership(marker: PracticeMarker | null, node: PracticeNode | null): Ownership {
  const yourself = `Delete it yourself with \`kind delete cluster --name ${PRACTICE_CLUSTER_NAME}\` if you mean to.`;
  if (!marker)
    return {
      ours: false,
      reason: `Dockside did not create the kind cluster ${PRACTICE_CLUSTER_NAME} (it has no record of making it), so it leaves it alone. ${yourself}`,
    };
  if (node && node.id !== marker.nodeContainerId)
    return {
      ours: false,
      reason: `The kind cluster ${PRACTICE_CLUSTER_NAME} is not the one Dockside created: its node container ${PRACTICE_NODE} was made again since, by something else, so Dockside leaves it alone. ${yourself}`,
    };
  return { ours: true };
}

/** The node container of the practice cluster on this engine (kind's name and label), or null. */
export async function practiceNodeOn(docker: Docker): Promise<PracticeNode | null> {
  try {
    const info = await docker.getContainer(PRACTICE_NODE).inspect();
    if (info.Config.Labels?.[KIND_CLUSTER_LABEL] !== PRACTICE_CLUSTER_NAME) return null;
    return { id: info.Id, createdAt: Date.parse(info.Created) };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}
