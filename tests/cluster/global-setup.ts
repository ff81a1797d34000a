/** Starts the test cluster once for every file, and stops it after; files read its kubeconfig from the env. */
import type { TestProject } from 'vitest/node';
import { startTestCluster, stopTestCluster } from './helpers/test-cluster';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startTestCluster();
  project.provide('kubeconfig', cluster.kubeconfig);
  project.provide('kubeBin', cluster.binDir);
  return () => stopTestCluster(cluster);
}

declare module 'vitest' {
  export interface ProvidedContext {
    kubeconfig: string;
    kubeBin: string;
  }
}
