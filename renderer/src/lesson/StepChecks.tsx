/**
 * What the step checks, one row per check with its state, under one status line. For the step
 * to do now the status line is the nearest miss — the engine's answer for the first check that
 * does not hold, what it found against what it wants. Rows keep one line each in every state,
 * so nothing below moves when a step changes state.
 */
import type { CheckState, StepStatus } from '@contract';
import { nearestMiss, type StepView } from './step-view';

type RowState = 'ok' | 'miss' | 'wait' | 'idle';

function rowState(check: CheckState, status: StepStatus): RowState {
  if (status === 'pending') return 'idle';
  if (check.pass === true) return 'ok';
  if (check.pass === false) return status === 'passed' ? 'ok' : 'miss';
  return 'wait';
}

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function StepStatusLine({ view }: { view: StepView }) {
  const miss = nearestMiss(view);
  let tone: 'ok' | 'bad' | 'todo' | 'wait' | 'idle' = 'idle';
  let text: string;
  if (view.error) {
    tone = 'wait';
    text = `On hold: ${view.error}`;
  } else if (view.status === 'passed') {
    tone = 'ok';
    text = view.passedAt ? `Passed at ${timeOf(view.passedAt)}` : 'Passed';
  } else if (miss) {
    // Red is for a step the learner tried (or that stopped holding); before that it is only "not yet".
    tone = view.status === 'failed' ? 'bad' : 'todo';
    text = view.isCurrent ? `Not yet: ${miss.explanation}` : `No longer holds: ${miss.explanation}`;
  } else if (view.status === 'current') {
    tone = 'wait';
    text = view.live ? 'Checking…' : 'Start the lesson to check this step.';
  } else if (view.status === 'failed') {
    tone = 'bad';
    text = 'No longer holds.';
  } else {
    text = 'Comes after the steps above.';
  }
  return (
    // Not a live region: the lesson's StepAnnouncer says each change of state once.
    <p className={`step-status-line step-status-${tone}`} data-testid="step-status-line">
      {miss && !view.error ? <span data-testid="step-explanation">{text}</span> : text}
    </p>
  );
}

export function StepChecks({ view }: { view: StepView }) {
  return (
    <ul className="step-checks" aria-label="What Dockside checks">
      {view.checks.map((check) => {
        const state = rowState(check, view.status);
        return (
          <li
            key={check.id}
            className={`step-check step-check-${state}`}
            data-check-state={state}
            data-testid="step-check"
            title={check.explanation || undefined}
          >
            <CheckMark state={state} />
            <span className="step-check-text">{check.wants}</span>
          </li>
        );
      })}
    </ul>
  );
}

function CheckMark({ state }: { state: RowState }) {
  return (
    <svg
      className="step-check-mark"
      width="14"
      height="14"
      viewBox="0 0 14 14"
      aria-label={
        state === 'ok' ? 'holds' : state === 'miss' ? 'does not hold' : state === 'wait' ? 'checking' : 'not checked yet'
      }
    >
      {state === 'ok' && (
        <path
          d="M3 7.4l2.6 2.6L11 4.4"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
      {state === 'miss' && <path d="M4 4l6 6M10 4l-6 6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
      {state === 'wait' && <circle cx="7" cy="7" r="2.2" fill="currentColor" />}
      {state === 'idle' && <circle cx="7" cy="7" r="4" fill="none" stroke="currentColor" strokeWidth="1.3" />}
    </svg>
  );
}
