/**
 * A value core owns and announces: read it once, then follow its event. The request is made
 * after subscribing, so an event that lands in between is not lost; an event always wins over
 * an older reply.
 */
import type { EventName, Events } from '@contract';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/message-of';

export interface LiveValue<T> {
  value: T | undefined;
  error: string | null;
}

export function useLiveValue<T, E extends EventName>(
  load: () => Promise<T>,
  event: E,
  fromEvent: (payload: Events[E], previous: T | undefined) => T | undefined,
): LiveValue<T> {
  const [state, setState] = useState<LiveValue<T>>({ value: undefined, error: null });
  useEffect(() => {
    let live = true;
    let heardEvent = false;
    const stop = api.on(event, (payload) => {
      heardEvent = true;
      setState((previous) => ({ value: fromEvent(payload, previous.value), error: null }));
    });
    load().then(
      (value) => {
        if (live && !heardEvent) setState({ value, error: null });
      },
      (error: unknown) => {
        if (live) setState((previous) => ({ ...previous, error: messageOf(error) }));
      },
    );
    return () => {
      live = false;
      stop();
    };
    // `load` and `fromEvent` are read once per subscription on purpose: callers pass inline functions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event]);
  return state;
}
