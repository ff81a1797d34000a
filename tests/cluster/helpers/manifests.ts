/** Objects the check-kind tests make in the run's namespace (on kwok's simulated node). */

const onKwok = { 'dockside.test/node': 'kwok' };

function podTemplate(app: string, extra: object = {}): object {
  return {
    metadata: { labels: { app } },
    spec: { nodeSelector: onKwok, containers: [{ name: 'main', image: 'busybox:latest', ...extra }] },
  };
}

export function workloads(namespace: string): object[] {
  const meta = (name: string, labels: Record<string, string> = {}) => ({ name, namespace, labels });
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('web', { tier: 'front' }),
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: podTemplate('web', {
          env: [{ name: 'MODE', value: 'demo' }],
          readinessProbe: { exec: { command: ['true'] } },
        }),
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('web'),
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings'), data: { color: 'blue', size: 'L' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta('db'), stringData: { password: 'hunter2', user: 'admin' } },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('data'),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta('web'),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('web'),
      spec: {
        rules: [
          {
            host: 'demo.localhost',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
          },
        ],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta('db'),
      spec: { replicas: 1, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: podTemplate('db') },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta('agent'),
      spec: { selector: { matchLabels: { app: 'agent' } }, template: podTemplate('agent') },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('once'),
      spec: {
        template: { ...podTemplate('once'), spec: { ...(podTemplate('once') as { spec: object }).spec, restartPolicy: 'Never' } },
      },
    },
  ];
}
