/**
 * A Kubernetes lesson on a kind cluster: the cluster's node keeps its own images, so the
 * lesson's images are copied in from the Docker engine ("Load into the cluster" runs `kind load
 * docker-image` in core). Each image says where it is; the copy shows kind's progress and output,
 * can be cancelled, and a failure is one sentence. When the copy is done, preflight is asked again.
 */
import type { KindImages as KindImagesState, KindImageState, KindLoadJob } from '@contract';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/message-of';
import { KindLog } from '../cluster/KindLog';
import { ProgressBar } from '../ui/ProgressBar';
import '../cluster/cluster.css';

interface KindImagesProps {
  kindImages: KindImagesState;
  /** Called when a copy has finished (preflight is asked again). */
  onLoaded: () => unknown;
}

export function KindImages({ kindImages, onLoaded }: KindImagesProps) {
  const [job, setJob] = useState<KindLoadJob | null>(null);
  const [requestError, setRequestError] = useState<string | null>(null);
  const { cluster, images, problem } = kindImages;
  const loaded = useRef(onLoaded);
  useEffect(() => {
    loaded.current = onLoaded;
  }, [onLoaded]);
  useEffect(
    () =>
      api.on('cluster.imageLoad', (next) => {
        if (next.cluster !== cluster) return;
        setJob(next);
        if (next.state === 'done') void loaded.current();
      }),
    [cluster],
  );

  const loadable = images.filter((image) => image.inEngine && image.inCluster === false).map((image) => image.name);
  const running = job?.state === 'running';
  const load = () => {
    setRequestError(null);
    api.cluster.loadImages({ cluster, images: loadable }).then(setJob, (error: unknown) => setRequestError(messageOf(error)));
  };
  return (
    <div className="lesson-setup-block" data-testid="kind-images">
      <h3>Images in kind cluster {cluster}</h3>
      <p className="lesson-setup-note">
        The cluster&apos;s node keeps its own images: kind copies them from your Docker engine, so the lesson works offline.
      </p>
      {problem && <p className="lesson-setup-problem">{problem}</p>}
      <ul className="kind-images">
        {images.map((image) => (
          <li key={image.name} className="kind-image" data-testid="kind-image" data-in-cluster={String(image.inCluster)}>
            <code>{image.name}</code>
            <span className={`kind-image-state kind-image-${placeOf(image, job)}`}>{placeText(image, job)}</span>
          </li>
        ))}
      </ul>
      {(loadable.length > 0 || job) && (
        <div className="cluster-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={running || loadable.length === 0}
            onClick={load}
            data-testid="kind-load"
          >
            Load into the cluster
          </button>
          {running && (
            <button type="button" className="button" onClick={() => void api.cluster.cancelImageLoad()}>
              Cancel
            </button>
          )}
        </div>
      )}
      {requestError && (
        <p className="lesson-setup-problem" role="alert">
          {requestError}
        </p>
      )}
      {job && <KindLoadOutput job={job} />}
    </div>
  );
}

type Place = 'in' | 'loading' | 'out' | 'engine' | 'unknown';

function placeOf(image: KindImageState, job: KindLoadJob | null): Place {
  const loading = job?.state === 'running' && job.images.find((i) => i.name === image.name)?.state === 'loading';
  if (loading) return 'loading';
  if (image.inCluster === true) return 'in';
  if (!image.inEngine) return 'engine';
  return image.inCluster === false ? 'out' : 'unknown';
}

function placeText(image: KindImageState, job: KindLoadJob | null): string {
  switch (placeOf(image, job)) {
    case 'in':
      return 'In the cluster';
    case 'loading':
      return 'Copying into the cluster…';
    case 'engine':
      return 'Not on your engine yet: pulled first';
    case 'out':
      return 'Not in the cluster yet';
    case 'unknown':
      return 'Cannot tell';
  }
}

function KindLoadOutput({ job }: { job: KindLoadJob }) {
  const current = job.images.find((image) => image.state === 'loading');
  return (
    <div className="practice-output" data-testid="kind-load-job" data-state={job.state}>
      {job.state === 'running' && (
        <>
          <ProgressBar value={job.progress} label={`Copying images into kind cluster ${job.cluster}`} />
          <p className="cluster-stage" aria-live="polite">
            Copying {current ? current.name : 'the images'} into kind cluster {job.cluster} (
            {job.images.filter((image) => image.state === 'loaded').length + 1} of {job.images.length})…
          </p>
        </>
      )}
      {job.state === 'done' && (
        <p className="cluster-done" role="status">
          The images are in the cluster.
        </p>
      )}
      {job.state === 'cancelled' && (
        <p className="cluster-note" role="status">
          Cancelled. The images copied so far stay in the cluster.
        </p>
      )}
      {job.error && (
        <p className="lesson-setup-problem" role="alert" data-testid="kind-load-error">
          {job.error}
        </p>
      )}
      <KindLog lines={job.lines} />
    </div>
  );
}
