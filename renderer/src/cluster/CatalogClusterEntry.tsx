/**
 * The catalog's Kubernetes entry, first among the Kubernetes tracks: which cluster their lessons
 * use, or — when no local cluster is found — the setup panel: how to get one here (the first way
 * for this OS and engine), "Create a practice cluster" when kind is installed, and the Kubernetes
 * page with every way and the practice cluster's progress.
 */
import type { ClusterStatus } from '@contract';
import { useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/message-of';
import { hrefOf } from '../app/route';
import { clusterLabel } from './cluster-label';

export function CatalogClusterEntry({ status, active }: { status: ClusterStatus; active: boolean }) {
  const job = status.practice.job;
  if (status.lessonContext === null && job?.state !== 'running') return <ClusterSetupPanel status={status} active={active} />;
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
            data-cluster={status.lessonContext ? 'local' : 'none'}
          >
            <span className="catalog-lesson-text">
              <span className="catalog-lesson-title">{status.lessonContext ? 'Your cluster' : 'Get a local cluster'}</span>
              <span className="catalog-lesson-meta">{meta}</span>
            </span>
          </a>
        </li>
      </ol>
    </section>
  );
}

/** `active`: the Kubernetes page is open beside it, with its own button (not offered twice). */
function ClusterSetupPanel({ status, active }: { status: ClusterStatus; active: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const first = status.setup[0];
  const { practice } = status;
  const create = () => {
    setError(null);
    api.cluster.practice({ action: 'create' }).then(
      () => (window.location.hash = hrefOf({ name: 'kubernetes' })),
      (reason: unknown) => setError(messageOf(reason)),
    );
  };
  return (
    <section className="catalog-track" aria-labelledby="catalog-kube-setup-title" data-testid="catalog-kube-setup">
      <h2 className="catalog-track-title" id="catalog-kube-setup-title">
        <span>Kubernetes cluster</span>
      </h2>
      <div className="catalog-setup">
        <p className="catalog-setup-lead">
          <strong>No local cluster yet.</strong> The Kubernetes, Helm and k9s lessons run against a cluster on this machine.
        </p>
        {first && (
          <p className="catalog-setup-hint">
            {first.text}
            {first.command && (
              <>
                {' '}
                <code>{first.command}</code>
              </>
            )}
          </p>
        )}
        <div className="catalog-setup-actions">
          {practice.kindPath && !practice.exists && !active && (
            <button type="button" className="button button-primary" onClick={create} data-testid="catalog-create-practice">
              Create a practice cluster
            </button>
          )}
          <a
            href={hrefOf({ name: 'kubernetes' })}
            aria-current={active ? 'page' : undefined}
            data-testid="catalog-kubernetes"
            data-cluster="none"
          >
            Every way to get one
          </a>
        </div>
        {error && (
          <p className="catalog-setup-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
