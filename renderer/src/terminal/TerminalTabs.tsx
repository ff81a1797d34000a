/**
 * The terminals' tab strip, as the ARIA tabs pattern has it: a tablist holding only tabs, one
 * of them in the Tab order; ← / → / Home / End move between them (showing each), Delete closes
 * the focused one. The × beside each tab is the mouse's way to close, kept out of the tablist's
 * children for assistive technology (Delete does the same from the keyboard). New terminal and
 * Find sit beside the tablist, not in it.
 */
import type { KeyboardEvent } from 'react';
import type { TerminalsSnapshot } from './inspector-types';

export const TERMINAL_PANEL_ID = 'terminal-panel';

export function terminalTabId(key: string): string {
  return `terminal-tab-${key}`;
}

interface TerminalTabsProps {
  state: TerminalsSnapshot;
  /** Show a tab; `keepFocus` leaves the keyboard on the tab strip instead of moving it into the terminal. */
  onActivate: (key: string, keepFocus: boolean) => void;
  onClose: (key: string) => void;
  onNew: () => void;
  findOpen: boolean;
  onToggleFind: () => void;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function TerminalTabs({ state, onActivate, onClose, onNew, findOpen, onToggleFind }: TerminalTabsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = state.tabs.findIndex((t) => t.key === state.activeKey);
    const move = MOVES[event.key];
    if (index === -1 || (!move && event.key !== 'Delete')) return;
    event.preventDefault();
    if (event.key === 'Delete') {
      onClose(state.tabs[index]!.key);
      return;
    }
    const next = state.tabs[move!(index, state.tabs.length)]!;
    if (next.key !== state.activeKey) onActivate(next.key, true);
    document.getElementById(terminalTabId(next.key))?.focus();
  };

  return (
    <div className="terminal-tabs">
      <div className="terminal-tablist" role="tablist" aria-label="Terminals" onKeyDown={onKeyDown}>
        {state.tabs.map((tab) => {
          const active = tab.key === state.activeKey;
          return (
            <div key={tab.key} className={`terminal-tab${active ? ' is-active' : ''}`} data-status={tab.status}>
              <button
                type="button"
                role="tab"
                id={terminalTabId(tab.key)}
                aria-selected={active}
                aria-controls={active ? TERMINAL_PANEL_ID : undefined}
                tabIndex={active ? 0 : -1}
                className="terminal-tab-label"
                title={`${tab.lessonId ? `Terminal for ${tab.lessonId}` : tab.title} (Delete closes it)`}
                onClick={() => onActivate(tab.key, false)}
                data-testid="terminal-tab"
              >
                {tab.title}
                {tab.status === 'exited' || tab.status === 'lost' ? <span className="terminal-tab-ended"> (ended)</span> : null}
              </button>
              <button
                type="button"
                className="terminal-tab-close"
                aria-hidden
                tabIndex={-1}
                title={`Close ${tab.title}`}
                onClick={() => onClose(tab.key)}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button type="button" className="terminal-new" aria-label="New terminal" title="New terminal" onClick={onNew}>
        +
      </button>
      <span className="terminal-tabs-spacer" />
      <button
        type="button"
        className="terminal-find-toggle"
        aria-label="Find in terminal"
        aria-expanded={findOpen}
        title="Find (Ctrl+Shift+F)"
        onClick={onToggleFind}
      >
        Find
      </button>
    </div>
  );
}
