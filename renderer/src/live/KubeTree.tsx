/**
 * A Kubernetes run's workloads as a tree of nested, labelled lists: each Deployment, its
 * ReplicaSets (newest revision first) and their Pods with phase, readiness and restarts; then the
 * Pods no Deployment owns. Drawn with guide lines, like `kubectl tree`.
 */
import type { KubeDeploymentNode, KubePodNode, KubeReplicaSetNode } from '@contract';

type Tone = 'ok' | 'warn' | 'bad' | 'idle';

/** A pod's tone: running and ready is fine; waiting or going is in between; failed is bad. */
export function podTone(pod: KubePodNode): Tone {
  if (pod.phase === 'Failed' || pod.phase === 'Unknown') return 'bad';
  if (pod.phase === 'Succeeded') return 'idle';
  if (pod.phase === 'Running' && pod.ready === pod.containers) return 'ok';
  return 'warn';
}

function countTone(ready: number, desired: number): Tone {
  if (desired === 0) return 'idle';
  return ready >= desired ? 'ok' : 'warn';
}

export function PodItem({ pod }: { pod: KubePodNode }) {
  const tone = podTone(pod);
  const restarts = `${pod.restarts} restart${pod.restarts === 1 ? '' : 's'}`;
  return (
    <li
      className="kube-node kube-pod"
      data-testid="kube-pod"
      data-name={pod.name}
      data-phase={pod.phase}
      aria-label={`Pod ${pod.name}: ${pod.phase}, ${pod.ready} of ${pod.containers} ready, ${restarts}`}
    >
      <div className="kube-row">
        <span className={`kube-dot kube-dot-${tone}`} aria-hidden />
        <span className="kube-kind">Pod</span>
        <span className="kube-name">{pod.name}</span>
        <span className={`live-pill live-pill-${tone}`}>{pod.phase}</span>
      </div>
      <div className="kube-meta">
        {pod.ready}/{pod.containers} ready · {restarts}
        {pod.node ? ` · on ${pod.node}` : ''}
      </div>
    </li>
  );
}

function ReplicaSetItem({ replicaSet }: { replicaSet: KubeReplicaSetNode }) {
  const tone = countTone(replicaSet.ready, replicaSet.desired);
  const revision = replicaSet.revision ? `revision ${replicaSet.revision}` : 'no revision';
  return (
    <li
      className="kube-node kube-replicaset"
      data-testid="kube-replicaset"
      data-name={replicaSet.name}
      aria-label={`ReplicaSet ${replicaSet.name}, ${revision}: ${replicaSet.ready} of ${replicaSet.desired} ready`}
    >
      <div className="kube-row">
        <span className={`kube-dot kube-dot-${tone}`} aria-hidden />
        <span className="kube-kind">ReplicaSet</span>
        <span className="kube-name">{replicaSet.name}</span>
        <span className="kube-count">
          {replicaSet.ready}/{replicaSet.desired}
        </span>
      </div>
      <div className="kube-meta">
        {revision} · <code>{replicaSet.image}</code>
      </div>
      {replicaSet.pods.length > 0 && (
        <ul className="kube-children" aria-label={`Pods of ReplicaSet ${replicaSet.name}`}>
          {replicaSet.pods.map((pod) => (
            <PodItem key={pod.name} pod={pod} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function DeploymentItem({ deployment }: { deployment: KubeDeploymentNode }) {
  const tone = countTone(deployment.ready, deployment.desired);
  return (
    <li
      className="kube-node kube-deployment live-card"
      data-testid="kube-deployment"
      data-name={deployment.name}
      aria-label={`Deployment ${deployment.name}: ${deployment.ready} of ${deployment.desired} ready`}
    >
      <div className="kube-row">
        <DeploymentGlyph tone={tone} />
        <span className="kube-kind">Deployment</span>
        <span className="kube-name">{deployment.name}</span>
        <span className={`live-pill live-pill-${tone}`}>
          {deployment.ready}/{deployment.desired} ready
        </span>
      </div>
      <div className="kube-meta">
        {deployment.updated} updated · {deployment.available} available · <code>{deployment.image}</code>
      </div>
      {deployment.replicaSets.length > 0 && (
        <ul className="kube-children" aria-label={`ReplicaSets of Deployment ${deployment.name}`}>
          {deployment.replicaSets.map((rs) => (
            <ReplicaSetItem key={rs.name} replicaSet={rs} />
          ))}
        </ul>
      )}
    </li>
  );
}

function DeploymentGlyph({ tone }: { tone: Tone }) {
  return (
    <svg className={`live-glyph live-glyph-${tone}`} width="16" height="16" viewBox="0 0 16 16" aria-hidden>
      <rect x="1.5" y="1.5" width="5.5" height="5.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <rect x="9" y="1.5" width="5.5" height="5.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <rect x="5.25" y="9" width="5.5" height="5.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}
