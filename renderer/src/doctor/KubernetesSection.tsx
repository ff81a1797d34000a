/**
 * Which cluster the Kubernetes lessons use; kind clusters and kubeconfig contexts, and whether
 * each local API server answers (a remote one is listed from the kubeconfig alone).
 */
import type { DoctorReport } from '@contract';
import { clusterLabel, clusterSentence } from '../cluster/cluster-label';
import { useClusterStatus } from '../hooks/useClusterStatus';

export function KubernetesSection({ report }: { report: DoctorReport }) {
  const { kindClusters, kubeContexts, kubeconfig } = report;
  const cluster = useClusterStatus();
  return (
    <section className="doctor-section" aria-labelledby="doctor-k8s">
      <h2 id="doctor-k8s">Kubernetes</h2>
      {cluster && (
        <p className="doctor-lesson-cluster" data-testid="doctor-lesson-cluster" title={clusterSentence(cluster)}>
          Lessons use: <strong>{clusterLabel(cluster)}</strong>
          {cluster.lessonContext && !cluster.lessonContext.local && ' (remote, chosen by you)'}
          {' · '}
          <a href="#/kubernetes">{cluster.lessonContext ? 'Details' : 'How to get one'}</a>
        </p>
      )}
      {kindClusters.length === 0 ? (
        <p className="doctor-muted">No kind clusters.</p>
      ) : (
        <ul className="doctor-list" aria-label="kind clusters">
          {kindClusters.map((cluster) => (
            <li key={cluster.name} data-testid="doctor-kind-cluster">
              <span className={`doctor-badge ${cluster.running ? 'doctor-state-reachable' : 'doctor-state-refused'}`}>
                {cluster.running ? 'Running' : 'Stopped'}
              </span>{' '}
              kind cluster <strong>{cluster.name}</strong> · {cluster.nodes.length} node{cluster.nodes.length === 1 ? '' : 's'}
              {cluster.kubeContext ? ` · context ${cluster.kubeContext}` : ' · no kubeconfig context'}
            </li>
          ))}
        </ul>
      )}
      {kubeContexts.length === 0 ? (
        <p className="doctor-muted">
          {kubeconfig.files.length === 0 ? 'No kubeconfig file.' : `No contexts in ${kubeconfig.files.join(', ')}.`}
        </p>
      ) : (
        <ul className="doctor-list" aria-label="kubeconfig contexts">
          {kubeContexts.map((context) => (
            <li key={context.name} data-testid="doctor-kube-context">
              <span
                className={`doctor-badge ${!context.probed ? 'doctor-state-not-contacted' : context.answers ? 'doctor-state-reachable' : 'doctor-state-refused'}`}
                title={context.probed ? undefined : `Not contacted: ${context.judgement}`}
              >
                {!context.probed ? 'Not contacted' : context.answers ? 'Answers' : 'No answer'}
              </span>{' '}
              <strong>{context.name}</strong>
              {context.current && ' (current)'} · <code>{context.server}</code> · {context.local ? 'local' : 'remote'}
              {context.version && ` · ${context.version}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
