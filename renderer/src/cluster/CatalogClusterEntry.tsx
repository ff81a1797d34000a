/**
 * The catalog's Kubernetes entry: which cluster the Kubernetes lessons use, or "No local
 * cluster" and the way to get one (the Kubernetes page: instructions for this OS and engine and
 * the practice cluster button).
 */
import type { ClusterStatus } from '@contract';
import { hrefOf } from '../app/route';
import { clusterLabel } from './cluster-label';

export function CatalogClusterEntry({ status, active }: { status: ClusterStatus; active: boolean }) {
  const none = status.lessonContext === null;
  const job = status.practice.job;
  const meta =
    job?.state === 'running'
      ? `${job.action === 'create' ? 'Creating' : 'Deleting'} the practice cluster…`
      : clusterLabel(status);
  return (
    <section className="catalog-track" aria-label="Kubernetes cluster">
      <h2 className="catalog-track-title">
        <span>Kubernetes cluster</span>
      </h2>
      <ol className="catalog-lessons">
        <li>
          <a
            href={hrefOf({ name: 'kubernetes' })}
            className={`catalog-lesson${active ? ' is-active' : ''}`}
            aria-current={active ? 'page' : undefined}
            data-testid="catalog-kubernetes"
            data-cluster={none ? 'none' : 'local'}
          >
            <span className="catalog-lesson-text">
              <span className="catalog-lesson-title">{none ? 'Get a local cluster' : 'Your cluster'}</span>
              <span className="catalog-lesson-meta">{meta}</span>
            </span>
          </a>
        </li>
      </ol>
    </section>
  );
}
