/**
 * The live state panel of a Kubernetes lesson: the run's namespace as a tree — Deployments →
 * ReplicaSets → Pods, Pods of no Deployment, Services with their ready endpoints — redrawn on
 * every `run.kube` event (the cluster's watches). Same frame as the Docker panel.
 */
import type { KubeLiveState } from '@contract';
import { DeploymentItem, PodItem } from './KubeTree';
import { ServiceItem } from './KubeServices';
import { LiveGroup } from './LiveStatePanel';
import { LiveStateShell, plural } from './LiveStateShell';
import './kube.css';

interface KubeLivePanelProps {
  state: KubeLiveState | null;
  open: boolean;
  onToggle: () => void;
}

export function kubeIsEmpty(state: KubeLiveState | null): boolean {
  return !state || state.deployments.length + state.pods.length + state.services.length === 0;
}

function summaryOf(state: KubeLiveState | null): string {
  if (!state) return '';
  if (kubeIsEmpty(state)) return `namespace ${state.namespace} · nothing yet`;
  const pods =
    state.pods.length + state.deployments.reduce((n, d) => n + d.replicaSets.reduce((m, rs) => m + rs.pods.length, 0), 0);
  const counts = [plural(state.deployments.length, 'deployment'), plural(pods, 'pod'), plural(state.services.length, 'service')];
  return [`namespace ${state.namespace}`, ...counts.filter((c) => !c.startsWith('0 '))].join(' · ');
}

export function KubeLivePanel({ state, open, onToggle }: KubeLivePanelProps) {
  return (
    <LiveStateShell open={open} onToggle={onToggle} summary={summaryOf(state)} bodyLabel="What this lesson made in its namespace">
      {state?.error && (
        <p className="kube-error" role="status">
          The cluster cannot be read ({state.error}); this is what was last seen.
        </p>
      )}
      {kubeIsEmpty(state) ? (
        <p className="live-empty">
          {state
            ? `Deployments, pods and services you create in namespace ${state.namespace} appear here as you make them.`
            : 'Waiting for the lesson’s cluster.'}
        </p>
      ) : (
        <div className="kube-groups" data-testid="kube-tree">
          {(state!.deployments.length > 0 || state!.pods.length > 0) && (
            <LiveGroup title="Workloads" listLabel={`Workloads in namespace ${state!.namespace}`} className="kube-tree">
              {state!.deployments.map((d) => (
                <DeploymentItem key={d.name} deployment={d} />
              ))}
              {state!.pods.map((p) => (
                <PodItem key={p.name} pod={p} />
              ))}
            </LiveGroup>
          )}
          {state!.services.length > 0 && (
            <LiveGroup title="Services" listLabel={`Services in namespace ${state!.namespace}`} className="kube-tree">
              {state!.services.map((s) => (
                <ServiceItem key={s.name} service={s} />
              ))}
            </LiveGroup>
          )}
        </div>
      )}
    </LiveStateShell>
  );
}
