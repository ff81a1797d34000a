/**
 * The Kubernetes page: which cluster the lessons use (or "No local cluster"), why, and — when
 * there is none — how to get one for this OS and engine, with the practice cluster beside it.
 */
import type { ClusterStatus } from '@contract';
import { useClusterStatus } from '../hooks/useClusterStatus';
import { clusterSentence } from './cluster-label';
import { PracticeCluster } from './PracticeCluster';
import './cluster.css';

export function ClusterView() {
  const status = useClusterStatus();
  if (!status) return <p className="cluster-view cluster-note">Reading your kubeconfig…</p>;
  const context = status.lessonContext;
  return (
    <div className="cluster-view" data-testid="cluster-view">
      <h1>Kubernetes</h1>
      <section className="cluster-card" aria-labelledby="cluster-in-use-title">
        <h2 id="cluster-in-use-title">The cluster your lessons use</h2>
        <p className="cluster-in-use" data-testid="cluster-in-use">
          {context ? (
            <>
              <strong>{context.name}</strong> · {context.tool} · <code>{context.server}</code>
            </>
          ) : (
            <strong>No local cluster</strong>
          )}
        </p>
        <p className="cluster-note">{clusterSentence(status)}</p>
        {status.guard && (
          <p className="cluster-note" data-testid="cluster-guard-note">
            Your current context <strong>{status.guard.current.name}</strong> is not on this machine (
            {status.guard.current.reason}): Dockside does not contact it. A Kubernetes lesson asks which cluster to use before it
            starts.
          </p>
        )}
        {status.kubeconfigError && (
          <p className="cluster-error" role="alert">
            Your kubeconfig could not be read: {status.kubeconfigError}
          </p>
        )}
      </section>
      {(!context || status.practice.exists || status.practice.job) && <PracticeCluster practice={status.practice} />}
      {!context && <SetupHints hints={status.setup} />}
    </div>
  );
}

function SetupHints({ hints }: { hints: ClusterStatus['setup'] }) {
  return (
    <section className="cluster-card" aria-labelledby="cluster-setup-title" data-testid="cluster-setup">
      <h2 id="cluster-setup-title">How to get a local cluster</h2>
      <ul className="cluster-hints">
        {hints.map((hint) => (
          <li key={`${hint.tool}-${hint.command ?? hint.text}`}>
            <strong>{hint.tool}</strong>: {hint.text}
            {hint.command && (
              <>
                {' '}
                <code className="cluster-command">{hint.command}</code>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
