/** The engine's status, kept live from `engine.changed`. */
import type { EngineStatus } from '@contract';
import { useEffect, useState } from 'react';
import { api } from '../api';

export function useEngineStatus(): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ state: 'connecting', endpoint: null });
  useEffect(() => {
    let live = true;
    const stop = api.on('engine.changed', (next) => setStatus(next));
    api.engine.status().then(
      (current) => {
        if (live) setStatus(current);
      },
      () => undefined, // the link state shows a lost server; the next event brings the status
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return status;
}
