/** The smoke test's workloads: one for the simulated nodes, two for the real node. */

const onKwok = { 'dockside.test/node': 'kwok' };
const onRealNode = { 'dockside.test/node': 'real' };

export function kwokDeployment(name: string, replicas: number): object {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { nodeSelector: onKwok, containers: [{ name: 'web', image: 'busybox:latest' }] },
      },
    },
  };
}

/** A busybox that says a line and stays up, for exec and logs. */
export function busyboxPod(name: string, line: string): object {
  return realNodePod(name, {
    command: ['sh', '-c', `echo ${line}; exec sleep 3600`],
  });
}

/**
 * A busybox whose liveness probe fails after a few seconds: it removes the file the probe looks
 * for, so the kubelet restarts it.
 */
export function failingLivenessPod(name: string): object {
  return realNodePod(name, {
    command: ['sh', '-c', 'touch /tmp/alive; sleep 3; rm /tmp/alive; exec sleep 3600'],
    livenessProbe: { exec: { command: ['test', '-f', '/tmp/alive'] }, periodSeconds: 1, failureThreshold: 1 },
  });
}

function realNodePod(name: string, container: object): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      nodeSelector: onRealNode,
      terminationGracePeriodSeconds: 1,
      containers: [{ name: 'main', image: 'busybox:latest', imagePullPolicy: 'IfNotPresent', ...container }],
    },
  };
}
