/** The endpoint the learner chose (settings `chosenEndpoint`), live from `settings.changed`. */
import type { Settings } from '@contract';
import { useEffect, useState } from 'react';
import { api } from '../api';

export function useChosenEndpoint(): Settings['chosenEndpoint'] | undefined {
  const [chosen, setChosen] = useState<Settings['chosenEndpoint'] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const stop = api.on('settings.changed', (settings) => setChosen(settings.chosenEndpoint));
    api.settings.get().then(
      (settings) => {
        if (live) setChosen(settings.chosenEndpoint);
      },
      () => undefined, // the report's own "in use" marks stand in until the next change
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return chosen;
}
