/**
 * The live state panel: what this lesson's run created, as the engine has it now — containers
 * with their state and ports, images as layer stacks, volumes, networks — redrawn on every
 * `run.objects` event. It folds to one line of counts when the learner wants the room; the
 * work pane around it decides its height.
 */
import type { LiveObjects } from '@contract';
import type { ReactNode } from 'react';
import { ContainerCard } from './ContainerCard';
import { ImageStack } from './ImageStack';
import { NetworkDiagram } from './NetworkDiagram';
import { VolumeCard } from './VolumeCard';
import './live.css';
import { forLesson } from '../hooks/for-lesson';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface LiveStatePanelProps {
  objects: LiveObjects | null;
  lessonId: string | null;
  open: boolean;
  onToggle: () => void;
}

export function LiveStatePanel({ objects, lessonId, open, onToggle }: LiveStatePanelProps) {
  const mine = forLesson(objects, lessonId);
  const counts = mine
    ? [
        plural(mine.containers.length, 'container'),
        plural(mine.images.length, 'image'),
        plural(mine.volumes.length, 'volume'),
        plural(mine.networks.length, 'network'),
      ]
    : [];
  const empty = !mine || mine.containers.length + mine.images.length + mine.volumes.length + mine.networks.length === 0;
  return (
    <section className={`live-state${open ? ' is-open' : ''}`} aria-label="Live state" data-testid="live-state">
      <button type="button" className="live-state-head" aria-expanded={open} onClick={onToggle}>
        <svg className="live-state-chevron" width="10" height="10" viewBox="0 0 10 10" aria-hidden>
          <path
            d="M3 2l3.5 3L3 8"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="live-state-title">Live state</span>
        <span className="live-state-counts">
          {mine ? (empty ? 'nothing yet' : counts.filter((c) => !c.startsWith('0 ')).join(' · ')) : ''}
        </span>
      </button>
      {open && (
        // Focusable so the keyboard can scroll it: the cards inside hold nothing to tab to.
        <div className="live-state-body" tabIndex={0} role="region" aria-label="What this lesson made">
          {empty ? (
            <p className="live-empty">
              {lessonId
                ? 'Containers, images, volumes and networks you create in this lesson appear here as you make them.'
                : 'Open a lesson to see what it creates.'}
            </p>
          ) : (
            <>
              {mine.containers.length > 0 && (
                <LiveGroup title="Containers">
                  {mine.containers.map((c) => (
                    <ContainerCard key={c.id} container={c} />
                  ))}
                </LiveGroup>
              )}
              <div className="live-groups">
                {mine.images.length > 0 && (
                  <LiveGroup title="Images">
                    {mine.images.map((i) => (
                      <ImageStack key={i.id} image={i} />
                    ))}
                  </LiveGroup>
                )}
                {mine.volumes.length > 0 && (
                  <LiveGroup title="Volumes">
                    {mine.volumes.map((v) => (
                      <VolumeCard key={v.name} volume={v} />
                    ))}
                  </LiveGroup>
                )}
                {mine.networks.length > 0 && (
                  <LiveGroup title="Networks">
                    {mine.networks.map((n) => (
                      <NetworkDiagram key={n.id} network={n} />
                    ))}
                  </LiveGroup>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function LiveGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="live-group">
      <h3 className="live-group-title">{title}</h3>
      <ul className="live-cards">{children}</ul>
    </div>
  );
}
