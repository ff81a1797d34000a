/**
 * The lesson's keyboard: Alt+↓ / Alt+↑ select the next / previous step, Ctrl+Enter (⌘+Enter on
 * a Mac) runs the selected step's highlighted command, Ctrl+` focuses the terminal and
 * Ctrl+Shift+L leaves it for the selected step (the terminal keeps Tab for the shell). They are
 * caught before the terminal sees them, so they work wherever the focus is; J / K also move
 * between steps while the focus is on the page rather than in the terminal or a text field.
 */
import { useEffect, useRef } from 'react';

export interface StepKeyboardActions {
  nextStep: () => void;
  previousStep: () => void;
  runHighlighted: () => void;
  focusTerminal: () => void;
  leaveTerminal: () => void;
}

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.xterm')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useStepKeyboard(actions: StepKeyboardActions, enabled: boolean): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const a = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      let handled = true;
      if (event.altKey && !mod && event.key === 'ArrowDown') a.nextStep();
      else if (event.altKey && !mod && event.key === 'ArrowUp') a.previousStep();
      else if (mod && !event.altKey && !event.shiftKey && event.key === 'Enter') a.runHighlighted();
      else if (event.ctrlKey && !event.altKey && (event.key === '`' || event.code === 'Backquote')) a.focusTerminal();
      // Ctrl+Shift+L: the shell gets the same byte as Ctrl+L, so taking the shifted one costs it nothing.
      else if (mod && event.shiftKey && !event.altKey && event.code === 'KeyL') a.leaveTerminal();
      else if (!mod && !event.altKey && !typingInField(event.target) && (event.key === 'j' || event.key === 'k')) {
        if (event.key === 'j') a.nextStep();
        else a.previousStep();
      } else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);
}
