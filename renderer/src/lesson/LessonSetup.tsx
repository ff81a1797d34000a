/**
 * Before a lesson's run starts: what stands in the way, and the way past it. Missing images are
 * pulled at once with the engine's progress; objects in the way are listed with how to move
 * them, and Dockside removes them only after the learner confirmed exactly which.
 */
import type { EngineStatus, Preflight, PreflightConflict, RemoveConflictsResult } from '@contract';
import { useEffect, useMemo, useState } from 'react';
import { useImagePrefetch } from '../hooks/useImagePrefetch';
import { ImagePullList } from '../images/ImagePullList';
import { KindImages } from './KindImages';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useToast } from '../ui/Toasts';
import type { SessionPhase } from './useLessonSession';
import { messageOf } from '../api/message-of';
import './lesson-setup.css';

interface LessonSetupProps {
  phase: SessionPhase;
  preflight: Preflight | null;
  engine: EngineStatus;
  error: string | null;
  onStart: () => void;
  onRecheck: () => Promise<void>;
  onRemove: (keys: string[]) => Promise<RemoveConflictsResult>;
}

export function LessonSetup({ phase, preflight, engine, error, onStart, onRecheck, onRemove }: LessonSetupProps) {
  const toast = useToast();
  const missing = useMemo(() => (preflight?.images ?? []).filter((i) => !i.present).map((i) => i.name), [preflight]);
  const prefetch = useImagePrefetch(missing, engine.state === 'connected' && missing.length > 0);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const conflicts = preflight?.conflicts ?? [];
  const removable = conflicts.filter((c) => c.removable);
  const unmet = (preflight?.requirements ?? []).filter((r) => r.met === false);
  const engineError =
    engine.state !== 'connected'
      ? engine.state === 'unreachable'
        ? engine.error
        : 'Looking for the engine…'
      : preflight?.engineError;

  // Once every missing image has arrived, ask preflight again (it starts the run when clear).
  const imagesReady = missing.length > 0 && prefetch.ready;
  useEffect(() => {
    if (imagesReady) void onRecheck();
  }, [imagesReady, onRecheck]);

  const chosenConflicts = removable.filter((c) => chosen.has(c.key));

  const remove = async () => {
    setConfirming(false);
    setRemoving(true);
    try {
      const result = await onRemove(chosenConflicts.map((c) => c.key));
      setChosen(new Set());
      const names = result.removed.map((o) => o.name).join(', ');
      if (result.removed.length > 0) toast(`Removed ${names}.`, 'ok');
      for (const skipped of result.skipped) toast(`Left ${skipped.key} alone: ${skipped.reason}`, 'bad');
    } catch (reason) {
      toast(`Could not remove: ${messageOf(reason)}`, 'bad');
    } finally {
      setRemoving(false);
    }
  };

  const checking = phase === 'loading' || (phase === 'starting' && !preflight);
  return (
    <section className="lesson-setup" aria-label="Before you start" data-testid="lesson-setup">
      <h2 className="lesson-setup-title">{checking ? 'Getting the lesson ready…' : 'Before you start'}</h2>
      {engineError && (
        <p className="lesson-setup-problem" role="alert">
          Dockside cannot read your engine: {engineError} <a href="#/">How to start one</a>
        </p>
      )}
      {error && !engineError && (
        <p className="lesson-setup-problem" role="alert">
          {error}
        </p>
      )}
      {missing.length > 0 && (
        <div className="lesson-setup-block">
          <h3>Images this lesson uses</h3>
          {prefetch.error && <p className="lesson-setup-problem">{prefetch.error}</p>}
          <ImagePullList pulls={prefetch.pulls} onRetry={prefetch.retry} />
        </div>
      )}
      {preflight?.kindImages && <KindImages kindImages={preflight.kindImages} onLoaded={onRecheck} />}
      {conflicts.length > 0 && (
        <div className="lesson-setup-block" data-testid="preflight-conflicts">
          <h3>In the way</h3>
          <p className="lesson-setup-note">
            These are yours, not the lesson&apos;s: Dockside never touches them unless you pick them here and confirm.
          </p>
          <ul className="conflicts">
            {conflicts.map((conflict) => (
              <ConflictRow
                key={conflict.key}
                conflict={conflict}
                checked={chosen.has(conflict.key)}
                onToggle={(on) =>
                  setChosen((previous) => {
                    const next = new Set(previous);
                    if (on) next.add(conflict.key);
                    else next.delete(conflict.key);
                    return next;
                  })
                }
              />
            ))}
          </ul>
          {removable.length > 0 && (
            <button
              type="button"
              className="button button-danger"
              disabled={chosenConflicts.length === 0 || removing}
              onClick={() => setConfirming(true)}
              data-testid="remove-conflicts"
            >
              {removing ? 'Removing…' : `Remove ${chosenConflicts.length || ''} selected…`.replace('  ', ' ')}
            </button>
          )}
        </div>
      )}
      {unmet.length > 0 && (
        <div className="lesson-setup-block">
          <h3>This lesson needs</h3>
          <ul className="lesson-setup-list">
            {unmet.map((r) => (
              <li key={r.name}>
                <strong>{r.name}</strong>: {r.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="lesson-setup-actions">
        <button type="button" className="button" onClick={() => void onRecheck()} disabled={phase === 'starting'}>
          Check again
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onStart}
          disabled={phase === 'starting' || engine.state !== 'connected'}
          data-testid="start-lesson"
        >
          {phase === 'starting' ? 'Starting…' : preflight && !preflight.ok ? 'Start anyway' : 'Start the lesson'}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Remove ${chosenConflicts.length === 1 ? 'this object' : `these ${chosenConflicts.length} objects`}?`}
        confirmLabel="Remove"
        tone="danger"
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
        testId="confirm-remove-conflicts"
      >
        <p>They were not made by this lesson. Removing cannot be undone:</p>
        <ul>
          {chosenConflicts.map((c) => (
            <li key={c.key}>{c.problem}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

function ConflictRow({
  conflict,
  checked,
  onToggle,
}: {
  conflict: PreflightConflict;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  return (
    <li className="conflict" data-testid="preflight-conflict" data-conflict-key={conflict.key}>
      {conflict.removable ? (
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onToggle(event.target.checked)}
          aria-label={`Remove: ${conflict.problem}`}
        />
      ) : (
        <span className="conflict-spacer" aria-hidden />
      )}
      <div>
        <p className="conflict-problem">{conflict.problem}</p>
        <p className="conflict-fix">{conflict.fix}</p>
      </div>
    </li>
  );
}
