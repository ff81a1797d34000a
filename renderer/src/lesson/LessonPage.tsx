/**
 * A lesson: its introduction, then its steps with their live state. The page follows the run —
 * when a step passes the next becomes current and is scrolled into view — and offers the
 * keyboard's step navigation and "run the highlighted command".
 */
import type { EngineStatus, LessonCatalog, LessonProgress, ResetResult, RunState } from '@contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { hrefOf } from '../app/route';
import { terminals } from '../terminal';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ClusterGuardDialog } from '../cluster/ClusterGuardDialog';
import { ProgressBar } from '../ui/ProgressBar';
import { useToast } from '../ui/Toasts';
import { trackTitle } from '../catalog/lesson-progress';
import { LessonMarkdown } from './LessonMarkdown';
import { LessonSetup } from './LessonSetup';
import { ResetObjects, useResetChoice } from './ResetObjects';
import { StepAnnouncer } from './StepAnnouncer';
import { StepCard } from './StepCard';
import { stepViews } from './step-view';
import { useLessonSession } from './useLessonSession';
import { useStepKeyboard } from './useStepKeyboard';
import './lesson.css';
import { messageOf } from '../api/message-of';

interface LessonPageProps {
  lessonId: string;
  run: RunState | null;
  runLoaded: boolean;
  engine: EngineStatus;
  progress: LessonProgress | undefined;
  catalog: LessonCatalog | undefined;
}

export function LessonPage({ lessonId, run: activeRun, runLoaded, engine, progress, catalog }: LessonPageProps) {
  const session = useLessonSession(lessonId, activeRun, runLoaded, engine);
  const { lesson, run } = session;
  const toast = useToast();
  const views = useMemo(() => (lesson ? stepViews(lesson.steps, run, progress) : []), [lesson, run, progress]);
  const total = views.length;
  const passed = views.filter((v) => v.status === 'passed').length;
  const currentIndex = run?.currentStep ?? null;

  const [selected, setSelected] = useState<number>(0);
  const [commandCursor, setCommandCursor] = useState(0);
  const [feedback, setFeedback] = useState<{ step: number; text: string } | null>(null);
  const [confirmResetLesson, setConfirmResetLesson] = useState(false);
  const lessonChoice = useResetChoice();
  const stepRefs = useRef(new Map<number, HTMLLIElement>());
  const scrollRef = useRef<HTMLDivElement>(null);

  const select = useCallback((index: number, scroll: boolean) => {
    setSelected(index);
    setCommandCursor(0);
    if (scroll) stepRefs.current.get(index)?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, []);

  // Follow the run: when the current step moves on, select it and bring it into view.
  const lastCurrent = useRef<number | null>(null);
  useEffect(() => {
    if (currentIndex === null || currentIndex === lastCurrent.current) return;
    const first = lastCurrent.current === null;
    lastCurrent.current = currentIndex;
    select(currentIndex, !first || currentIndex > 0);
  }, [currentIndex, select]);

  // A docker command that failed in the terminal: say why beside the current step.
  useEffect(
    () =>
      terminals().onCommand((command) => {
        if (currentIndex === null) return;
        if (command.feedback) setFeedback({ step: currentIndex, text: command.feedback });
        else if (command.exitCode === 0) setFeedback(null);
      }),
    [currentIndex],
  );

  const selectedView = views[selected];
  const runHighlighted = () => {
    const commands = selectedView?.step.commands ?? [];
    const command = commands[commandCursor];
    if (!command) return;
    terminals().run(command, { enter: true });
    setCommandCursor((i) => Math.min(i + 1, Math.max(commands.length - 1, 0)));
  };

  useStepKeyboard(
    {
      nextStep: () => select(Math.min(selected + 1, total - 1), true),
      previousStep: () => select(Math.max(selected - 1, 0), true),
      runHighlighted,
      focusTerminal: () => terminals().active?.focus(),
      // The way out of the terminal, which keeps Tab for the shell: back to the selected step.
      leaveTerminal: () => {
        const node = stepRefs.current.get(selected);
        node?.focus({ preventScroll: true });
        node?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
      },
    },
    total > 0,
  );

  const revealHint = async (index: number) => {
    try {
      await api.run.revealHint({ step: index });
    } catch (reason) {
      toast(`No hint: ${messageOf(reason)}`, 'bad');
    }
  };

  /** Run a reset, say what it removed, kept and left, and show the step that is current again. */
  const reset = async (request: () => Promise<ResetResult>, showStep: number) => {
    try {
      const result = await request();
      reportReset(result, toast);
      select(showStep, true);
    } catch (reason) {
      toast(`Reset failed: ${messageOf(reason)}`, 'bad');
    }
  };
  const resetStep = (index: number, alsoRemove: string[]) => reset(() => api.run.resetStep({ step: index, alsoRemove }), index);
  const resetLesson = (alsoRemove: string[]) => {
    setConfirmResetLesson(false);
    return reset(() => api.run.resetLesson({ alsoRemove }), 0);
  };

  const next = useMemo(() => {
    if (!lesson || !catalog) return null;
    const inTrack = catalog.lessons.filter((l) => l.track === lesson.track);
    return inTrack[inTrack.findIndex((l) => l.id === lesson.id) + 1] ?? null;
  }, [lesson, catalog]);

  if (session.phase === 'error' && !lesson) {
    return (
      <div className="lesson-scroll">
        <article className="lesson-page lesson-missing" data-lesson-id={lessonId}>
          <h1>This lesson could not be opened</h1>
          <p>{session.error}</p>
          <a href={hrefOf({ name: 'welcome' })}>Back to the start</a>
        </article>
      </div>
    );
  }

  if (!lesson) {
    return (
      <div className="lesson-scroll">
        <article className="lesson-page" data-lesson-id={lessonId} aria-busy="true">
          <p className="lesson-loading">Opening the lesson…</p>
        </article>
      </div>
    );
  }

  const running = session.phase === 'running' && run !== null;
  const createdAt = (index: number) => (run?.lessonId === lessonId ? run.created.filter((o) => o.step >= index) : []);

  return (
    <div className="lesson-scroll" ref={scrollRef}>
      <article
        className="lesson-page"
        data-lesson-id={lesson.id}
        data-run-status={run?.status ?? 'none'}
        aria-labelledby="lesson-title"
      >
        <header className="lesson-header">
          <p className="lesson-kicker">
            {trackTitle(lesson.track)} · {lesson.minutes} min · {total} steps
          </p>
          <h1 id="lesson-title" className="lesson-title">
            {lesson.title}
          </h1>
          <p className="lesson-summary">{lesson.summary}</p>
          <div className="lesson-progress">
            <ProgressBar
              value={total > 0 ? passed / total : 0}
              label="Lesson progress"
              tone={passed === total && total > 0 ? 'ok' : 'accent'}
            />
            <span className="lesson-progress-text" data-testid="lesson-progress">
              {passed} of {total} steps passed
            </span>
            {running && (
              <button
                type="button"
                className="button button-small button-quiet"
                onClick={() => {
                  lessonChoice.clear();
                  setConfirmResetLesson(true);
                }}
                data-testid="reset-lesson"
              >
                Reset lesson…
              </button>
            )}
          </div>
        </header>

        {running && run.engineError && (
          <p className="lesson-on-hold" role="alert" data-testid="lesson-on-hold">
            <strong>Checks are on hold:</strong> {run.engineError} Nothing counts as failed meanwhile; they resume by themselves
            when the engine is back.
          </p>
        )}

        {!running && (
          <LessonSetup
            phase={session.phase}
            preflight={session.preflight}
            engine={engine}
            error={session.error}
            onStart={() => void session.start()}
            onRecheck={session.recheck}
            onRemove={session.removeConflicts}
          />
        )}

        {introBody(lesson.intro) !== '' && (
          <section className="lesson-intro" aria-label="Introduction">
            <LessonMarkdown markdown={introBody(lesson.intro)} />
          </section>
        )}

        <StepAnnouncer views={views} />
        <ol className="steps" aria-label="Steps">
          {views.map((view) => (
            <StepCard
              key={view.step.id}
              ref={(node) => {
                if (node) stepRefs.current.set(view.step.index, node);
                else stepRefs.current.delete(view.step.index);
              }}
              lessonId={lesson.id}
              view={view}
              total={total}
              selected={selected === view.step.index}
              highlightedCommand={selected === view.step.index && view.step.commands.length > 0 ? commandCursor : null}
              feedback={feedback?.step === view.step.index ? feedback.text : null}
              resettable={createdAt(view.step.index)}
              canAct={running}
              onSelect={() => {
                if (selected !== view.step.index) select(view.step.index, false);
              }}
              onCommandFocus={(index) => {
                setSelected(view.step.index);
                setCommandCursor(index);
              }}
              onRevealHint={() => revealHint(view.step.index)}
              onReset={(alsoRemove) => resetStep(view.step.index, alsoRemove)}
            />
          ))}
        </ol>

        {run?.status === 'complete' && (
          <section className="lesson-complete" data-testid="lesson-complete" aria-label="Lesson complete">
            <h2>Lesson complete</h2>
            <p>All {total} steps passed, checked against your engine.</p>
            <div className="lesson-complete-actions">
              {next && (
                <a className="button button-primary" href={hrefOf({ name: 'lesson', lessonId: next.id })}>
                  Next: {next.title}
                </a>
              )}
              <button type="button" className="button" onClick={() => void session.start({ restart: true })}>
                Do it again
              </button>
            </div>
          </section>
        )}

        <p className="lesson-keys">
          <kbd className="kbd">Alt</kbd> <kbd className="kbd">↓</kbd> next step · <kbd className="kbd">Ctrl</kbd>{' '}
          <kbd className="kbd">Enter</kbd> run the highlighted command · <kbd className="kbd">Ctrl</kbd>{' '}
          <kbd className="kbd">Shift</kbd> <kbd className="kbd">L</kbd> leave the terminal · <kbd className="kbd">?</kbd> all
          shortcuts
        </p>
      </article>
      {session.guard.question && (
        <ClusterGuardDialog question={session.guard.question} onAnswer={session.guard.answer} onDismiss={session.guard.dismiss} />
      )}
      <ConfirmDialog
        open={confirmResetLesson}
        title="Reset the whole lesson?"
        confirmLabel="Reset lesson"
        tone="danger"
        onConfirm={() => void resetLesson([...lessonChoice.ticked])}
        onCancel={() => setConfirmResetLesson(false)}
        testId="confirm-reset-lesson"
      >
        <ResetObjects
          objects={run?.created ?? []}
          choice={lessonChoice}
          empty="Nothing was made during this lesson yet; it starts a new attempt from step 1."
        />
        <p>Then it starts a new attempt from step 1. Anything you had before the lesson is left alone.</p>
      </ConfirmDialog>
    </div>
  );
}

/** The introduction without its leading `# Title`: the page header already shows the title. */
function introBody(intro: string): string {
  return intro.replace(/^\s*#\s[^\n]*\n?/, '').trim();
}

function reportReset(result: ResetResult, toast: ReturnType<typeof useToast>) {
  const removed = [...result.removed.map((o) => o.name), ...(result.cluster?.removed ?? [])];
  toast(removed.length > 0 ? `Removed ${removed.join(', ')}.` : 'Nothing to remove; the step is current again.', 'ok');
  for (const k of result.kept) toast(`Kept ${k.object.name}: ${k.reason}`, 'info');
  for (const reason of result.cluster?.kept ?? []) toast(`Kept: ${reason}`, 'info');
  if (result.leftOutside.length > 0)
    toast(`Left what was made outside Dockside's terminal: ${result.leftOutside.map((o) => o.name).join(', ')}.`, 'info');
}

/** Smooth scrolling is motion too: none when the learner asked the OS for less. */
function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
