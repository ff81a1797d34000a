/**
 * The shapes the terminal shows to the rest of the renderer and, read-only, to tests and the
 * bench (`window.docksideTerminals`). No imports: the bench and end-to-end tests compile this
 * file outside the renderer.
 */

export type TabStatus = 'starting' | 'running' | 'exited' | 'lost' | 'failed';

export interface TabSnapshot {
  key: string;
  title: string;
  lessonId: string | null;
  status: TabStatus;
  sessionId: string | null;
  pid: number | null;
  renderer: 'webgl' | 'dom';
}

export interface TerminalsSnapshot {
  tabs: TabSnapshot[];
  activeKey: string | null;
  /** Bumped when the learner asks for search (Ctrl/Cmd+Shift+F) in the active tab. */
  searchRequests: number;
}

export interface TerminalInspector {
  /** The active terminal's buffer as text (wrapped lines joined). */
  activeText(): string;
  /** The last `count` lines of the active terminal, up to the cursor's line: cheap to call often. */
  lastLines(count: number): string;
  snapshot(): TerminalsSnapshot;
  /** The active terminal's size in cells, as xterm laid it out for the pane. */
  size(): { cols: number; rows: number } | null;
  /** Which renderer the active terminal uses. */
  renderer(): 'webgl' | 'dom' | null;
  /** Resolves once xterm has parsed everything written to the active terminal so far. */
  parsed(): Promise<void>;
  /** Calls back after each write xterm parsed in the active terminal (for latency probes). */
  onWriteParsed(listener: () => void): () => void;
  /** Calls back after each frame the active terminal drew. */
  onRender(listener: () => void): () => void;
}
