/**
 * One step of a lesson: its prose and commands, what it checks and how that stands now, and the
 * ways forward when stuck — hints one at a time, the solution behind a confirmation, and a reset
 * that removes what was made during this step. Every step has the same parts in the same places
 * whatever its state, so nothing jumps when the learner's work makes it pass.
 */
import type { CreatedRef } from '@contract';
import { forwardRef, useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ResetObjects, useResetChoice } from './ResetObjects';
import { StatusIcon } from '../ui/StatusIcon';
import { LessonMarkdown } from './LessonMarkdown';
import { StepChecks, StepStatusLine } from './StepChecks';
import { stepLabel, type StepView } from './step-view';
import { CommandBlock } from '../terminal';
import { isClusterLessonId } from '@contract/protocol';

interface StepCardProps {
  lessonId: string;
  view: StepView;
  total: number;
  selected: boolean;
  /** The highlighted command of this step (the selected one's), for the keyboard's Run. */
  highlightedCommand: number | null;
  /** The learner's last failed docker command, while this step is current. */
  feedback: string | null;
  /** Objects made while this step or a later one was current: Reset step offers them. */
  resettable: CreatedRef[];
  canAct: boolean;
  onSelect: () => void;
  onCommandFocus: (index: number) => void;
  onRevealHint: () => Promise<void>;
  /** With the ids of objects made outside Dockside's terminal that the learner ticked. */
  onReset: (alsoRemove: string[]) => Promise<void>;
}

function solutionKey(lessonId: string, stepId: string): string {
  return `dockside.solution.${lessonId}.${stepId}`;
}

export const StepCard = forwardRef<HTMLLIElement, StepCardProps>(function StepCard(
  {
    lessonId,
    view,
    total,
    selected,
    highlightedCommand,
    feedback,
    resettable,
    canAct,
    onSelect,
    onCommandFocus,
    onRevealHint,
    onReset,
  },
  ref,
) {
  const { step, status } = view;
  const clusterLesson = isClusterLessonId(lessonId);
  const [asking, setAsking] = useState<'solution' | 'reset' | null>(null);
  const [solutionShown, setSolutionShown] = useState(() => sessionStorage.getItem(solutionKey(lessonId, step.id)) === 'shown');
  const [busy, setBusy] = useState(false);
  const resetChoice = useResetChoice();
  const hintsLeft = step.hintCount - view.hints.length;

  const showSolution = () => {
    sessionStorage.setItem(solutionKey(lessonId, step.id), 'shown');
    setSolutionShown(true);
    setAsking(null);
  };

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      ref={ref}
      className={`step step-${status}${selected ? ' is-selected' : ''}`}
      data-step-status={status}
      data-step-index={step.index}
      data-step-id={step.id}
      data-testid="step"
      aria-label={stepLabel(view, total)}
      aria-current={view.isCurrent ? 'step' : undefined}
      tabIndex={-1}
      onPointerDown={onSelect}
    >
      <div className="step-rail" aria-hidden>
        <StatusIcon status={status} size={22} />
      </div>
      <div className="step-main">
        <h2 className="step-title">
          <span className="step-number">Step {step.index + 1}</span>
          {step.title}
        </h2>
        <LessonMarkdown
          markdown={step.markdown}
          highlighted={selected ? highlightedCommand : null}
          onCommandFocus={onCommandFocus}
        />

        <div className="step-verify">
          <StepStatusLine view={view} />
          <StepChecks view={view} />
          {feedback && view.isCurrent && (
            <p className="step-feedback" data-testid="step-feedback">
              <span className="step-feedback-label">Your last command</span> {feedback}
            </p>
          )}
          <div className="step-actions">
            <button
              type="button"
              className="button button-small"
              disabled={!canAct || hintsLeft <= 0 || busy}
              onClick={() => void act(onRevealHint)}
              data-testid="reveal-hint"
            >
              {step.hintCount === 0
                ? 'No hints'
                : hintsLeft <= 0
                  ? 'No more hints'
                  : view.hints.length === 0
                    ? `Hint (${step.hintCount})`
                    : `Next hint (${view.hints.length + 1}/${step.hintCount})`}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={solutionShown || step.solution.length === 0}
              onClick={() => setAsking('solution')}
              data-testid="show-solution"
            >
              {solutionShown ? 'Solution shown' : 'Solution…'}
            </button>
            <span className="step-actions-spacer" />
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={!canAct || status === 'pending' || busy}
              onClick={() => {
                resetChoice.clear();
                setAsking('reset');
              }}
              data-testid="reset-step"
            >
              Reset step
            </button>
          </div>
          {view.hints.length > 0 && (
            <ol className="step-hints" aria-label="Hints" data-testid="step-hints">
              {view.hints.map((hint, i) => (
                <li key={i} className="step-hint" data-testid="step-hint">
                  <span className="step-hint-label">Hint {i + 1}</span>
                  <LessonMarkdown markdown={hint} />
                </li>
              ))}
            </ol>
          )}
          {solutionShown && (
            <div className="step-solution" data-testid="step-solution">
              <p className="step-solution-label">Solution</p>
              {step.solution.map((command, i) => (
                <CommandBlock key={i} command={command} />
              ))}
            </div>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={asking === 'solution'}
        title="Show the solution?"
        confirmLabel="Show it"
        onConfirm={showSolution}
        onCancel={() => setAsking(null)}
        testId="confirm-solution"
      >
        <p>
          Working it out teaches more than reading it{step.hintCount > view.hints.length ? ' — a hint may be all you need' : ''}.
        </p>
        <p>The step still passes only when the engine shows it done.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'reset'}
        title={`Reset step ${step.index + 1}?`}
        confirmLabel="Reset step"
        tone="danger"
        onConfirm={() => {
          setAsking(null);
          void act(() => onReset([...resetChoice.ticked]));
        }}
        onCancel={() => setAsking(null)}
        testId="confirm-reset-step"
      >
        <ResetObjects
          objects={resettable}
          choice={resetChoice}
          empty={
            clusterLesson
              ? 'The step becomes the current step again.'
              : 'Nothing was made during this step; it simply becomes the current step again.'
          }
        />
        {clusterLesson ? (
          // A step's cluster objects share the run's namespace with earlier steps' work: only the lesson's reset deletes it.
          <p>
            What you made in the cluster stays as it is (delete it with kubectl, or use Reset lesson, which deletes the run&apos;s
            namespace and everything in it).
          </p>
        ) : (
          <p>Anything you had before the lesson is left alone.</p>
        )}
      </ConfirmDialog>
    </li>
  );
});
