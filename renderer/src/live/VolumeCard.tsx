/** A volume drawn as a drum, with the containers that mount it. */
import type { LiveVolume } from '@contract';

export function VolumeCard({ volume }: { volume: LiveVolume }) {
  return (
    <li className="live-card live-volume" data-testid="live-volume" data-name={volume.name}>
      <div className="live-card-head">
        <svg className="live-glyph" width="16" height="16" viewBox="0 0 16 16" aria-hidden>
          <ellipse cx="8" cy="4" rx="5.5" ry="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M2.5 4v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4" fill="none" stroke="currentColor" strokeWidth="1.3" />
        </svg>
        <span className="live-card-name">{volume.name}</span>
        <span className="live-card-aside">{volume.driver}</span>
      </div>
      <div className="live-card-meta">
        {volume.mountedBy.length > 0 ? <>mounted by {volume.mountedBy.join(', ')}</> : 'not mounted by any container'}
      </div>
    </li>
  );
}
