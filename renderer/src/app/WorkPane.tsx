/**
 * The right side of a lesson: the live state panel above the terminal. Open and with something
 * to show, the panel and the terminal share the height through a handle the learner drags
 * (remembered in this browser); folded or empty, the panel takes a line or two and the terminal
 * the rest.
 */
import type { LiveObjects } from '@contract';
import { isClusterLessonId } from '@contract/protocol';
import { useState, type ReactNode } from 'react';
import { KubeLivePanel, kubeIsEmpty } from '../live/KubeLivePanel';
import { LiveStatePanel } from '../live/LiveStatePanel';
import { SplitPane } from './SplitPane';
import { forLesson } from '../hooks/for-lesson';
import { useKubeLive } from '../hooks/useKubeLive';

const OPEN_KEY = 'dockside.liveState';
const SPLIT_KEY = 'dockside.liveSplit';

function storedRatio(): number {
  const value = Number(localStorage.getItem(SPLIT_KEY));
  return Number.isFinite(value) && value >= 0.15 && value <= 0.85 ? value : 0.3;
}

export function WorkPane({
  objects,
  lessonId,
  terminal,
}: {
  objects: LiveObjects | null;
  lessonId: string;
  terminal: ReactNode;
}) {
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) !== 'closed');
  const [ratio, setRatio] = useState(storedRatio);
  const toggle = () => {
    localStorage.setItem(OPEN_KEY, open ? 'closed' : 'open');
    setOpen(!open);
  };
  // A lesson of a cluster track (kubernetes, k9s, helm) shows its namespace as a tree; a Docker
  // lesson what it made on the engine.
  const kube = forLesson(useKubeLive(), lessonId);
  const isKube = isClusterLessonId(lessonId);
  const panel = isKube ? (
    <KubeLivePanel state={kube} open={open} onToggle={toggle} />
  ) : (
    <LiveStatePanel objects={objects} lessonId={lessonId} open={open} onToggle={toggle} />
  );
  // Nothing made yet: the panel is one short note, and the terminal keeps the height.
  const mine = forLesson(objects, lessonId);
  const empty = isKube
    ? kubeIsEmpty(kube)
    : !mine || mine.containers.length + mine.images.length + mine.volumes.length + mine.networks.length === 0;
  return (
    <div className="work-pane">
      {/* One tree whatever the panel shows: switching trees would remount the terminal and
          take the keyboard focus from a learner typing in it. */}
      <SplitPane
        stacked
        collapsed={!open || empty}
        label="Resize the live state and the terminal"
        ratio={ratio}
        onCommit={(next) => {
          localStorage.setItem(SPLIT_KEY, String(next));
          setRatio(next);
        }}
        first={panel}
        second={<div className="work-terminal">{terminal}</div>}
      />
    </div>
  );
}
