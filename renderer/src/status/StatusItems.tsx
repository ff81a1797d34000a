/** Status bar items beyond the engine: the Kubernetes context, and the open lesson's progress. */
import type { ClusterStatus, RunState } from '@contract';
import { clusterLabel, clusterSentence } from '../cluster/cluster-label';

/** The cluster the Kubernetes lessons use ("kind-dockside · kind"), or "No local cluster"; a click shows where to get one. */
export function KubeContextItem({ status, href }: { status: ClusterStatus; href: string }) {
  const context = status.lessonContext;
  return (
    <a
      className="status-item status-link"
      href={href}
      data-testid="kube-context"
      data-local={context ? String(context.local) : undefined}
      title={clusterSentence(status)}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden>
        <path d="M6 1l4.5 2.2v5.6L6 11 1.5 8.8V3.2z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      </svg>
      {clusterLabel(status)}
      {context && !context.local && <span className="status-warn"> (remote)</span>}
    </a>
  );
}

export function LessonProgressItem({ run, title }: { run: RunState; title: string }) {
  const total = run.steps.length;
  const passed = run.steps.filter((s) => s.status === 'passed').length;
  return (
    <span className="status-item" data-testid="status-lesson-progress" title={title}>
      <span className="status-lesson-title">{title}</span>
      <span className="status-meter" aria-hidden>
        <span className="status-meter-fill" style={{ width: `${total > 0 ? (passed / total) * 100 : 0}%` }} />
      </span>
      {run.status === 'complete' ? 'complete' : `${passed}/${total} steps`}
    </span>
  );
}
