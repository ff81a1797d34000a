/**
 * The live state panel's frame, shared by the Docker and the Kubernetes panels: a head that folds
 * the panel to one line of counts, and a scrollable body when open.
 */
import type { ReactNode } from 'react';
import './live.css';

interface LiveStateShellProps {
  open: boolean;
  onToggle: () => void;
  /** One line beside the title: counts, or "nothing yet". */
  summary: string;
  /** What the body holds, for screen readers ("What this lesson made"). */
  bodyLabel: string;
  children: ReactNode;
}

export function LiveStateShell({ open, onToggle, summary, bodyLabel, children }: LiveStateShellProps) {
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
        <span className="live-state-counts">{summary}</span>
      </button>
      {open && (
        // Focusable so the keyboard can scroll it: the cards inside hold nothing to tab to.
        <div className="live-state-body" tabIndex={0} role="region" aria-label={bodyLabel}>
          {children}
        </div>
      )}
    </section>
  );
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
