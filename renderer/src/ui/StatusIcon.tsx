/** The step states as small drawn marks: an empty ring, a ring with a dot, a check, a cross. */
import type { StepStatus } from '@contract';

export function StatusIcon({ status, size = 20 }: { status: StepStatus; size?: number }) {
  return (
    <svg className={`status-icon status-icon-${status}`} width={size} height={size} viewBox="0 0 20 20" aria-hidden>
      {status === 'pending' && <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.5" />}
      {status === 'current' && (
        <>
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
          <circle cx="10" cy="10" r="3.5" fill="currentColor" />
        </>
      )}
      {status === 'passed' && (
        <>
          <circle cx="10" cy="10" r="9" fill="currentColor" />
          <path
            d="M5.8 10.4l2.7 2.7 5.7-6"
            fill="none"
            stroke="var(--surface-1)"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      )}
      {status === 'failed' && (
        <>
          <circle cx="10" cy="10" r="9" fill="currentColor" />
          <path d="M6.8 6.8l6.4 6.4M13.2 6.8l-6.4 6.4" stroke="var(--surface-1)" strokeWidth="2" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
