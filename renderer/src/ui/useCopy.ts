/**
 * A Copy button's behaviour, shared by every place that offers one (lesson commands, the
 * doctor's fixes, the welcome's start commands): copy, say "Copied" or "Copy failed" for a
 * moment, then go back to "Copy".
 */
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../terminal/clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

const LABELS: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };

export function useCopy(text: string): { label: string; copy: () => void } {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  const copy = () => {
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 1500);
  };
  return { label: LABELS[state], copy };
}
