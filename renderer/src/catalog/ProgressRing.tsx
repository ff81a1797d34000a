/** A small ring filled by the share of a lesson's steps passed; a check mark once done. */
import type { LessonStanding } from './lesson-progress';

export function ProgressRing({ standing, size = 18 }: { standing: LessonStanding; size?: number }) {
  const r = 7;
  const circumference = 2 * Math.PI * r;
  const share = standing.total > 0 ? standing.passed / standing.total : 0;
  return (
    <svg className={`progress-ring progress-ring-${standing.state}`} width={size} height={size} viewBox="0 0 18 18" aria-hidden>
      {standing.state === 'done' ? (
        <>
          <circle cx="9" cy="9" r="8" fill="currentColor" />
          <path
            d="M5.3 9.3l2.4 2.4 5-5.3"
            fill="none"
            stroke="var(--surface-1)"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      ) : (
        <>
          <circle cx="9" cy="9" r={r} fill="none" stroke="var(--surface-3)" strokeWidth="2.5" />
          {share > 0 && (
            <circle
              cx="9"
              cy="9"
              r={r}
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeDasharray={`${circumference * share} ${circumference}`}
              transform="rotate(-90 9 9)"
              strokeLinecap="round"
            />
          )}
        </>
      )}
    </svg>
  );
}
