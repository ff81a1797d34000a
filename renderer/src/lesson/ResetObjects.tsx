/**
 * What a reset would remove, in its confirm dialog: what the learner made in Dockside's terminal
 * (removed), and apart from it what other clients made on the engine during the lesson (an IDE,
 * a script, another terminal) — each with a checkbox, unticked: removed only when ticked.
 */
import type { CreatedRef } from '@contract';
import { useState } from 'react';

export interface ResetChoice {
  /** Ids of objects made outside Dockside's terminal that the learner ticked. */
  ticked: ReadonlySet<string>;
  toggle(id: string): void;
  /** Untick everything: each time the dialog opens, nothing outside is ticked. */
  clear(): void;
}

export function useResetChoice(): ResetChoice {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  return {
    ticked,
    clear: () => setTicked(new Set()),
    toggle: (id) =>
      setTicked((now) => {
        const next = new Set(now);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
  };
}

interface ResetObjectsProps {
  objects: CreatedRef[];
  choice: ResetChoice;
  /** Said when nothing at all was made. */
  empty: string;
}

export function ResetObjects({ objects, choice, empty }: ResetObjectsProps) {
  const ours = objects.filter((o) => o.origin === 'terminal');
  const outside = objects.filter((o) => o.origin === 'outside');
  if (objects.length === 0) return <p>{empty}</p>;
  return (
    <>
      {ours.length > 0 ? (
        <>
          <p>Dockside removes what you made in its terminal:</p>
          <ul data-testid="reset-ours">
            {ours.map((o) => (
              <li key={`${o.type}:${o.id}`}>
                {o.type} <code>{o.name}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing was made in Dockside&apos;s terminal.</p>
      )}
      {outside.length > 0 && (
        <fieldset className="reset-outside" data-testid="reset-outside">
          <legend>Made outside Dockside&apos;s terminal</legend>
          <p>Another program or terminal made these during the lesson. They stay unless you tick them:</p>
          <ul>
            {outside.map((o) => (
              <li key={`${o.type}:${o.id}`}>
                <label>
                  <input
                    type="checkbox"
                    checked={choice.ticked.has(o.id)}
                    onChange={() => choice.toggle(o.id)}
                    data-object-id={o.id}
                  />{' '}
                  {o.type} <code>{o.name}</code>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </>
  );
}
