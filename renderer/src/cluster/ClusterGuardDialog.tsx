/**
 * The context guard dialog. The learner's current context is not on this machine: offer the
 * local contexts of the same kubeconfig, and let the remote one be picked only by typing its
 * name, after saying exactly what a lesson creates and deletes there. Nothing has contacted the
 * remote context before this choice. A <dialog>: focus stays inside, Escape closes it.
 */
import type { ClusterContextInfo, ClusterGuardQuestion } from '@contract';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/message-of';
import './cluster.css';

interface ClusterGuardDialogProps {
  question: ClusterGuardQuestion;
  onAnswer: (context: string, typedName?: string) => Promise<void>;
  onDismiss: () => void;
}

export function ClusterGuardDialog({ question, onAnswer, onDismiss }: ClusterGuardDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const { current, localContexts, effects } = question;
  const [picked, setPicked] = useState(localContexts[0]?.name ?? null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const send = (context: string, typedName?: string): void => {
    setError(null);
    onAnswer(context, typedName).catch((reason: unknown) => setError(messageOf(reason)));
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog guard-dialog"
      aria-labelledby="guard-title"
      aria-describedby="guard-why"
      data-testid="cluster-guard"
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
    >
      <h2 id="guard-title" className="confirm-title">
        Which cluster should this lesson use?
      </h2>
      <p id="guard-why" className="confirm-body">
        Your current context <strong>{current.name}</strong> is not on this machine ({current.reason}). Dockside has not contacted
        it.
      </p>
      {localContexts.length > 0 ? (
        <LocalChoice contexts={localContexts} picked={picked} onPick={setPicked} onUse={send} onDismiss={onDismiss} />
      ) : (
        <p className="confirm-body">
          Your kubeconfig has no local cluster. <a href="#/kubernetes">How to get one</a>
        </p>
      )}
      <RemoteChoice
        name={current.name}
        effects={effects}
        typed={typed}
        onType={setTyped}
        onUse={() => send(current.name, typed)}
      />
      {localContexts.length === 0 && (
        <div className="confirm-actions">
          <button type="button" className="button" onClick={onDismiss} autoFocus>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="cluster-error" role="alert">
          {error}
        </p>
      )}
    </dialog>
  );
}

interface LocalChoiceProps {
  contexts: ClusterContextInfo[];
  picked: string | null;
  onPick: (name: string) => void;
  onUse: (name: string) => void;
  onDismiss: () => void;
}

/** The local contexts of the same kubeconfig: the first is picked, and Enter takes it. */
function LocalChoice({ contexts, picked, onPick, onUse, onDismiss }: LocalChoiceProps) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (picked) onUse(picked);
      }}
    >
      <fieldset className="guard-options">
        <legend>Local clusters in your kubeconfig</legend>
        {contexts.map((context) => (
          <label key={context.name}>
            <input
              type="radio"
              name="guard-context"
              value={context.name}
              checked={picked === context.name}
              onChange={() => onPick(context.name)}
            />
            <span>
              <strong>{context.name}</strong> · {context.tool}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onDismiss}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" autoFocus data-testid="guard-use-local">
          Use {picked}
        </button>
      </div>
    </form>
  );
}

interface RemoteChoiceProps {
  name: string;
  effects: string[];
  typed: string;
  onType: (text: string) => void;
  onUse: () => void;
}

function RemoteChoice({ name, effects, typed, onType, onUse }: RemoteChoiceProps) {
  return (
    <form
      className="guard-remote"
      onSubmit={(event) => {
        event.preventDefault();
        if (typed === name) onUse();
      }}
    >
      <p>
        <strong>Use {name} anyway?</strong> A lesson would do this there:
      </p>
      <ul className="guard-effects">
        {effects.map((effect) => (
          <li key={effect}>{effect}</li>
        ))}
      </ul>
      <label htmlFor="guard-typed">Type {name} to use it for Kubernetes lessons</label>
      <input
        id="guard-typed"
        value={typed}
        onChange={(event) => onType(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        data-testid="guard-typed"
      />
      <div className="confirm-actions">
        <button type="submit" className="button button-danger" disabled={typed !== name} data-testid="guard-use-remote">
          Use {name}
        </button>
      </div>
    </form>
  );
}
