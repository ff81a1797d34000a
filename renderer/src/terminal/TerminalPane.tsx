/**
 * The terminal pane: tabs across the top, the active tab's xterm below, and a find bar.
 * Give it a `lessonId` and it shows (or opens) that lesson's terminal; the tabs themselves live
 * in the controller, so unmounting this pane loses nothing.
 */
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { terminals } from './window-terminals';
import { TERMINAL_PANEL_ID, TerminalTabs, terminalTabId } from './TerminalTabs';
import { useTerminals } from './useTerminals';
import './terminal.css';

export interface TerminalPaneProps {
  /** The lesson being shown: its terminal becomes the active tab. */
  lessonId?: string | null;
}

export function TerminalPane({ lessonId = null }: TerminalPaneProps) {
  const controller = terminals();
  const state = useTerminals();
  const hostRef = useRef<HTMLDivElement>(null);
  const [findToggled, setFindToggled] = useState(false);
  // Ctrl/Cmd+Shift+F in the terminal asks for the find bar; closing it dismisses requests so far.
  const [dismissedRequests, setDismissedRequests] = useState(0);
  const findOpen = findToggled || state.searchRequests > dismissedRequests;
  const [query, setQuery] = useState('');
  const findRef = useRef<HTMLInputElement>(null);
  // Arrow keys on the tab strip show another terminal but leave the keyboard on the strip.
  const keepTabFocus = useRef(false);

  useEffect(() => {
    if (lessonId) controller.openForLesson(lessonId);
    else controller.ensureActive();
  }, [controller, lessonId]);

  // Move the active tab's element into the pane; the others keep their buffers off-page.
  useEffect(() => {
    const host = hostRef.current;
    const tab = state.activeKey ? controller.tab(state.activeKey) : undefined;
    if (!host || !tab) return;
    tab.attach(host);
    if (!keepTabFocus.current) tab.focus();
    keepTabFocus.current = false;
    return () => tab.detach();
  }, [controller, state.activeKey]);

  useEffect(() => {
    if (state.searchRequests > 0) findRef.current?.select();
  }, [state.searchRequests]);

  const active = controller.active;
  const find = (backwards: boolean) => {
    if (!active || query === '') return;
    const options = {
      decorations: { matchOverviewRuler: '#e3a64a', activeMatchColorOverviewRuler: '#2563c9', activeMatchBackground: '#e3a64a' },
    };
    if (backwards) active.search.findPrevious(query, options);
    else active.search.findNext(query, options);
  };
  const closeFind = () => {
    setFindToggled(false);
    setDismissedRequests(state.searchRequests);
    active?.search.clearDecorations();
    active?.focus();
  };

  return (
    <section className="terminal-pane" data-testid="terminal-pane">
      <TerminalTabs
        state={state}
        onActivate={(key, keepFocus) => {
          keepTabFocus.current = keepFocus;
          controller.activate(key);
        }}
        onClose={(key) => controller.close(key)}
        onNew={() => controller.open(lessonId)}
        findOpen={findOpen}
        onToggleFind={() => (findOpen ? closeFind() : setFindToggled(true))}
      />
      {findOpen ? (
        <form
          className="terminal-find"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            find(false);
          }}
        >
          <input
            ref={findRef}
            autoFocus
            value={query}
            placeholder="Find in terminal"
            aria-label="Find in terminal"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') closeFind();
              if (event.key === 'Enter' && event.shiftKey) {
                event.preventDefault();
                find(true);
              }
            }}
          />
          <button type="button" onClick={() => find(true)} aria-label="Previous match">
            ↑
          </button>
          <button type="submit" aria-label="Next match">
            ↓
          </button>
          <button type="button" onClick={closeFind} aria-label="Close find">
            ×
          </button>
        </form>
      ) : null}
      <div
        className="terminal-body"
        ref={hostRef}
        id={TERMINAL_PANEL_ID}
        role="tabpanel"
        aria-labelledby={state.activeKey ? terminalTabId(state.activeKey) : undefined}
        data-testid="terminal-body"
      />
    </section>
  );
}
