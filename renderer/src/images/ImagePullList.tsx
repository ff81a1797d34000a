/**
 * Image pulls drawn as the engine reports them: one bar per image, and under it a thin bar per
 * layer (download then extraction), so the learner sees what is moving. A failed pull shows the
 * reason and a Retry.
 */
import type { ImagePull } from '@contract';
import { ProgressBar } from '../ui/ProgressBar';
import './images.css';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

function phaseText(pull: ImagePull): string {
  switch (pull.phase) {
    case 'checking':
      return 'Checking…';
    case 'present':
      return 'Ready';
    case 'pulled':
      return `Pulled${pull.size > 0 ? ` · ${formatBytes(pull.size)}` : ''}`;
    case 'failed':
      return 'Could not be pulled';
    case 'pulling': {
      const percent = Math.round(pull.fraction * 100);
      const bytes = pull.size > 0 ? ` · ${formatBytes(pull.downloaded)} of ${formatBytes(pull.size)}` : '';
      return pull.layers.length === 0 ? 'Starting the pull…' : `Pulling ${percent}%${bytes}`;
    }
  }
}

export function ImagePullList({ pulls, onRetry }: { pulls: ImagePull[]; onRetry?: () => void }) {
  return (
    <ul className="image-pulls" data-testid="image-pulls">
      {pulls.map((pull) => (
        <li key={pull.ref} className={`image-pull image-pull-${pull.phase}`} data-testid="image-pull" data-phase={pull.phase}>
          <div className="image-pull-head">
            <code className="image-pull-name">{pull.ref}</code>
            <span className="image-pull-phase">{phaseText(pull)}</span>
          </div>
          <ProgressBar
            value={pull.phase === 'failed' ? 1 : pull.fraction}
            label={`Pulling ${pull.ref}`}
            tone={pull.phase === 'failed' ? 'bad' : pull.phase === 'present' || pull.phase === 'pulled' ? 'ok' : 'accent'}
          />
          {pull.phase === 'pulling' && pull.layers.length > 0 && (
            <ol className="image-pull-layers" aria-label={`Layers of ${pull.ref}`}>
              {pull.layers.map((layer) => (
                <li key={layer.id} className="image-pull-layer" data-layer-phase={layer.phase}>
                  <code>{layer.id.slice(0, 12)}</code>
                  <ProgressBar
                    value={layer.fraction}
                    label={`Layer ${layer.id.slice(0, 12)}`}
                    size="thin"
                    tone={layer.phase === 'done' ? 'ok' : 'accent'}
                  />
                  <span className="image-pull-layer-status">
                    {layer.status}
                    {layer.phase === 'downloading' && layer.size > 0
                      ? ` ${formatBytes(layer.downloaded)}/${formatBytes(layer.size)}`
                      : ''}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {pull.phase === 'failed' && pull.error && (
            <div className="image-pull-error" role="alert">
              <p>{pull.error}</p>
              {onRetry && (
                <button type="button" className="button button-small" onClick={onRetry}>
                  Retry
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
