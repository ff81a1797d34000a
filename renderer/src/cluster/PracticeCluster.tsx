/**
 * The practice cluster: "Create a practice cluster" runs `kind create cluster --name dockside`
 * in core; its output streams in below with the stage as progress, it can be cancelled, and a
 * failure is one sentence. "Delete practice cluster" is one click, offered only for the cluster
 * Dockside created (else the card says why not). Without kind on PATH the card says how to
 * install it instead of offering the button.
 */
import type { ClusterStatus, PracticeJob } from '@contract';
import { useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/message-of';
import { InlineCode } from '../ui/InlineCode';
import { KindLog } from './KindLog';
import { ProgressBar } from '../ui/ProgressBar';

const VERB = { create: 'Creating', delete: 'Deleting' } as const;

export function PracticeCluster({ practice }: { practice: ClusterStatus['practice'] }) {
  const [requestError, setRequestError] = useState<string | null>(null);
  const job = practice.job;
  const running = job?.state === 'running';
  const run = (action: 'create' | 'delete') => {
    setRequestError(null);
    api.cluster.practice({ action }).catch((error: unknown) => setRequestError(messageOf(error)));
  };
  return (
    <section className="cluster-card" aria-labelledby="practice-title" data-testid="practice-cluster">
      <h2 id="practice-title">Practice cluster</h2>
      <p>
        kind runs a one-node cluster named <code>dockside</code> in a container of your Docker engine, adds its context{' '}
        <code>kind-dockside</code> to your kubeconfig and makes it your current context.
      </p>
      {!practice.kindPath ? (
        <p className="cluster-note" data-testid="practice-no-kind">
          <InlineCode text={`The kind CLI is not on your PATH. ${practice.installHint}`} />
        </p>
      ) : (
        (!practice.exists || !practice.deleteRefusal || running) && (
          <div className="cluster-actions">
            {!practice.exists && (
              <button type="button" className="button button-primary" disabled={running} onClick={() => run('create')}>
                Create a practice cluster
              </button>
            )}
            {practice.exists && !practice.deleteRefusal && (
              <button type="button" className="button button-danger" disabled={running} onClick={() => run('delete')}>
                Delete practice cluster
              </button>
            )}
            {running && (
              <button type="button" className="button" onClick={() => void api.cluster.cancelPractice()}>
                Cancel
              </button>
            )}
          </div>
        )
      )}
      {practice.kindPath && practice.exists && practice.deleteRefusal && (
        <p className="cluster-note" data-testid="practice-not-ours">
          <InlineCode text={practice.deleteRefusal} />
        </p>
      )}
      {requestError && (
        <p className="cluster-error" role="alert">
          {requestError}
        </p>
      )}
      {job && <PracticeOutput job={job} />}
    </section>
  );
}

function PracticeOutput({ job }: { job: PracticeJob }) {
  return (
    <div className="practice-output" data-testid="practice-job" data-state={job.state}>
      {job.state === 'running' && (
        <>
          <ProgressBar value={job.action === 'create' ? job.progress : 0.5} label={`${VERB[job.action]} the practice cluster`} />
          <p className="cluster-stage" aria-live="polite">
            {VERB[job.action]} the practice cluster
            {job.stage ? `: ${job.stage}…` : '…'}
          </p>
        </>
      )}
      {job.state === 'done' && (
        <p className="cluster-done" role="status">
          {job.action === 'create' ? 'The practice cluster is ready.' : 'The practice cluster is deleted.'}
        </p>
      )}
      {job.state === 'cancelled' && (
        <p className="cluster-note" role="status">
          Cancelled. If kind had started a node container, “Delete practice cluster” removes it.
        </p>
      )}
      {job.error && (
        <p className="cluster-error" role="alert" data-testid="practice-error">
          {job.error}
        </p>
      )}
      <KindLog lines={job.lines} />
    </div>
  );
}
