/**
 * Two panes with a handle between them — side by side, or stacked. Drag the handle (or focus it
 * and use the arrow keys) to resize; the new share is committed once the drag ends, so whatever
 * remembers it is written once per gesture, not per pixel.
 */
import { useRef, useState, type ReactNode } from 'react';

const MIN = 0.15;
const MAX = 0.85;

interface SplitPaneProps {
  /** The first pane's share of the width (or height, when stacked), 0.15 to 0.85. */
  ratio: number;
  /** Side by side (the default) or one above the other. */
  stacked?: boolean;
  onCommit: (ratio: number) => void;
  first: ReactNode;
  second: ReactNode;
  label: string;
  /**
   * The first pane takes only the room its content needs and the handle is gone. The panes stay
   * where they are in the tree, so what they hold (a terminal with focus) is never remounted.
   */
  collapsed?: boolean;
}

function clamp(value: number): number {
  return Math.min(MAX, Math.max(MIN, value));
}

export function SplitPane({ ratio, stacked = false, onCommit, first, second, label, collapsed = false }: SplitPaneProps) {
  // While dragging, the pointer decides; after a commit, the committed value shows until the
  // settings echo it back; otherwise the settings decide (another window may change them).
  const [drag, setDrag] = useState<number | null>(null);
  const [committed, setCommitted] = useState<number | null>(null);
  const [seenRatio, setSeenRatio] = useState(ratio);
  if (ratio !== seenRatio) {
    setSeenRatio(ratio);
    setCommitted(null);
  }
  const live = drag ?? committed ?? ratio;
  const dragging = drag !== null;
  const container = useRef<HTMLDivElement>(null);

  const fromPointer = (event: { clientX: number; clientY: number }) => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return live;
    const [offset, size] = stacked ? [event.clientY - box.top, box.height] : [event.clientX - box.left, box.width];
    return size > 0 ? clamp(offset / size) : live;
  };

  const commit = (value: number) => {
    const rounded = Math.round(value * 1000) / 1000;
    setDrag(null);
    if (rounded === ratio) return;
    setCommitted(rounded);
    onCommit(rounded);
  };

  const tracks = collapsed ? 'auto 0px minmax(0, 1fr)' : `${live}fr 6px ${1 - live}fr`;
  return (
    <div
      className={`split${stacked ? ' split-stacked' : ''}${dragging ? ' is-dragging' : ''}${collapsed ? ' is-collapsed' : ''}`}
      ref={container}
      style={stacked ? { gridTemplateRows: tracks } : { gridTemplateColumns: tracks }}
    >
      <div className="split-pane">{first}</div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation={stacked ? 'horizontal' : 'vertical'}
        aria-label={label}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={Math.round(live * 100)}
        aria-hidden={collapsed || undefined}
        tabIndex={collapsed ? -1 : 0}
        data-testid="split-handle"
        onPointerDown={(event) => {
          event.preventDefault();
          event.currentTarget.setPointerCapture(event.pointerId);
          setDrag(live);
        }}
        onPointerMove={(event) => {
          if (dragging) setDrag(fromPointer(event));
        }}
        onPointerUp={(event) => {
          if (dragging) commit(fromPointer(event));
        }}
        onPointerCancel={() => setDrag(null)}
        onKeyDown={(event) => {
          const step = event.shiftKey ? 0.1 : 0.02;
          let next: number | null = null;
          if (event.key === (stacked ? 'ArrowUp' : 'ArrowLeft')) next = clamp(live - step);
          if (event.key === (stacked ? 'ArrowDown' : 'ArrowRight')) next = clamp(live + step);
          if (event.key === 'Home') next = MIN;
          if (event.key === 'End') next = MAX;
          if (next === null) return;
          event.preventDefault();
          commit(next);
        }}
      />
      <div className="split-pane">{second}</div>
    </div>
  );
}
