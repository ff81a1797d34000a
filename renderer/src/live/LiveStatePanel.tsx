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
import { LiveStateShell, plural } from './LiveStateShell';
import { forLesson } from '../hooks/for-lesson';

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
    <LiveStateShell
      open={open}
      onToggle={onToggle}
      summary={mine ? (empty ? 'nothing yet' : counts.filter((c) => !c.startsWith('0 ')).join(' · ')) : ''}
      bodyLabel="What this lesson made"
    >
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
    </LiveStateShell>
  );
}

export function LiveGroup({
  title,
  children,
  listLabel,
  className,
}: {
  title: string;
  children: ReactNode;
  /** The list's own label, when the title alone does not say enough (a screen reader lists it). */
  listLabel?: string;
  className?: string;
}) {
  return (
    <div className="live-group">
      <h3 className="live-group-title">{title}</h3>
      <ul className={`live-cards${className ? ` ${className}` : ''}`} aria-label={listLabel}>
        {children}
      </ul>
    </div>
  );
}
