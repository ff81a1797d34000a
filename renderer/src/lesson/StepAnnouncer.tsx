/**
 * Tells screen readers, politely, when a step changes state while the learner works: "Step 1
 * passed: Run your first container." Each change is said once — the message is written when the
 * status moves, never on a re-render — and opening a page or a progress file says nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { nearestMiss, type StepView } from './step-view';

interface Announcement {
  id: number;
  text: string;
}

function describe(view: StepView): string | null {
  const title = `Step ${view.step.index + 1}`;
  if (view.status === 'passed') return `${title} passed: ${view.step.title}.`;
  if (view.status === 'failed') {
    const why = nearestMiss(view)?.explanation;
    return `${title} ${view.isCurrent ? 'is not right yet' : 'no longer holds'}${why ? `: ${why}` : '.'}`;
  }
  if (view.status === 'current') return `${title} is next: ${view.step.title}.`;
  return null;
}

/** What changed between two renders of the live steps, in step order. */
export function statusChanges(before: Map<string, string>, views: StepView[]): string[] {
  return views
    .filter((v) => v.live && before.has(v.step.id) && before.get(v.step.id) !== v.status)
    .map(describe)
    .filter((text): text is string => text !== null);
}

export function StepAnnouncer({ views }: { views: StepView[] }) {
  const previous = useRef(new Map<string, string>());
  const nextId = useRef(1);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  useEffect(() => {
    const changes = statusChanges(previous.current, views);
    previous.current = new Map(views.filter((v) => v.live).map((v) => [v.step.id, v.status]));
    if (changes.length > 0) setAnnouncement({ id: nextId.current++, text: changes.join(' ') });
  }, [views]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="step-announcer">
      {/* A new element per change: the same words twice in a row are still read the second time. */}
      {announcement && <p key={announcement.id}>{announcement.text}</p>}
    </div>
  );
}
