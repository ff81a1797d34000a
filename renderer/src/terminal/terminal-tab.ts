/**
 * One terminal tab: an xterm.js instance bound to one core session. It lives outside React so
 * its scrollback survives the pane being unmounted (the learner switching lessons): the pane only
 * moves `element` in and out of the page.
 */
import type { DocksideApi, TerminalSession } from '@contract';
import { ClipboardAddon } from '@xterm/addon-clipboard';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import { AckBatcher } from './ack-batcher';
import type { TabStatus } from './inspector-types';
import { copyText, isMac } from './clipboard';
import { normaliseCommand, quoteNewlines } from './paste-text';
import { TERMINAL_THEMES, currentThemeMode, type ThemeMode } from './terminal-theme';
import { hardwareWebgl } from './webgl-support';
import { messageOf } from '../api/message-of';
import type { WebglAddon as WebglAddonClass } from '@xterm/addon-webgl';

/** Reflowing a long buffer on every pixel of a drag is costly: columns wait this long. */
const COLUMN_DEBOUNCE_MS = 100;
const REFLOW_COSTLY_LINES = 200;

let nextKey = 1;

export interface TabOptions {
  api: DocksideApi;
  lessonId: string | null;
  title: string;
  onChange: () => void;
  /** The tab got a (new) session from core. */
  onSession: (tab: TerminalTab) => void;
  onSearchRequested: () => void;
}

export class TerminalTab {
  readonly key = `tab-${nextKey++}`;
  readonly lessonId: string | null;
  readonly element: HTMLDivElement;
  readonly term: Terminal;
  readonly search = new SearchAddon();
  title: string;
  status: TabStatus = 'starting';
  session: TerminalSession | null = null;
  /** Which renderer xterm ended up with: WebGL, or the DOM when WebGL is missing or lost. */
  renderer: 'webgl' | 'dom' = 'dom';
  private readonly fit = new FitAddon();
  private readonly acks: AckBatcher;
  private opened = false;
  private resizeObserver: ResizeObserver | null = null;
  private columnTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly options: TabOptions) {
    this.lessonId = options.lessonId;
    this.title = options.title;
    this.element = document.createElement('div');
    this.element.className = 'terminal-host';
    this.term = new Terminal({
      allowProposedApi: true, // unicode11 and search decorations are "proposed" APIs
      cursorBlink: true,
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
      fontSize: 13,
      scrollback: 10_000,
      theme: TERMINAL_THEMES[currentThemeMode()],
      macOptionIsMeta: true,
    });
    this.term.loadAddon(this.fit);
    this.term.loadAddon(this.search);
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.term.loadAddon(new WebLinksAddon((_event, uri) => window.open(uri, '_blank', 'noopener,noreferrer')));
    this.term.loadAddon(new ClipboardAddon());
    this.term.attachCustomKeyEventHandler((event) => this.handleKey(event));
    this.term.onData((data) => this.send(data));
    this.term.onBinary((data) => this.send(data));
    this.acks = new AckBatcher((chars) => {
      const id = this.session?.id;
      if (id && this.status !== 'lost') void options.api.terminal.ack({ id, chars }).catch(() => undefined);
    });
  }

  /** Start this tab's shell in core. */
  async start(): Promise<void> {
    this.status = 'starting';
    this.options.onChange();
    const size = this.proposedSize();
    try {
      this.session = await this.options.api.terminal.create({
        ...(this.lessonId ? { lessonId: this.lessonId } : {}),
        cols: size?.cols ?? this.term.cols,
        rows: size?.rows ?? this.term.rows,
      });
      this.status = this.session.running ? 'running' : 'exited';
      // The pane may have been laid out while the shell was starting: give the pty that size.
      const { cols, rows } = this.term;
      if (this.session.cols !== cols || this.session.rows !== rows) {
        void this.options.api.terminal.resize({ id: this.session.id, cols, rows }).catch(() => undefined);
      }
      this.options.onSession(this);
    } catch (error) {
      this.status = 'failed';
      this.term.write(`\x1b[31mCould not start a shell: ${messageOf(error)}\x1b[0m\r\n`);
      this.term.write('\x1b[2mPress Enter to try again.\x1b[0m\r\n');
    }
    this.options.onChange();
  }

  /** Put the terminal into the page (first time: open xterm there). */
  attach(container: HTMLElement): void {
    container.appendChild(this.element);
    this.acks.setBackground(false);
    if (!this.opened) {
      this.opened = true;
      this.term.open(this.element);
      this.loadWebgl();
    }
    this.resizeObserver ??= new ResizeObserver(() => this.layout());
    this.resizeObserver.observe(this.element);
    this.layout(true);
  }

  /** Take it out of the page; the buffer and the shell stay. */
  detach(): void {
    // Out of sight: let its output yield to the terminal in view (see AckBatcher).
    this.acks.setBackground(true);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.element.remove();
  }

  focus(): void {
    this.term.focus();
  }

  // --- from core ---------------------------------------------------------------------------

  receive(data: string): void {
    // The ack goes out only when xterm confirms it parsed the data: that is the flow control.
    this.term.write(data, () => this.acks.written(data.length));
  }

  started(session: TerminalSession): void {
    this.session = session;
    this.status = session.running ? 'running' : 'exited';
    this.options.onChange();
  }

  exited(): void {
    this.status = 'exited';
    if (this.session) this.session = { ...this.session, running: false, pid: null };
    this.options.onChange();
  }

  /** Core no longer knows this session (the connection dropped and came back). */
  lost(): void {
    if (this.status === 'lost' || this.disposed) return;
    this.status = 'lost';
    this.acks.dispose();
    this.term.write(
      '\r\n\x1b[33m[the connection to Dockside was lost and this shell ended] — press Enter for a new one\x1b[0m\r\n',
    );
    this.options.onChange();
  }

  setTheme(mode: ThemeMode): void {
    this.term.options.theme = TERMINAL_THEMES[mode];
  }

  // --- commands from lessons ---------------------------------------------------------------

  /**
   * Type `text` at the prompt, then Enter when `enter`. Bracketed paste when the shell enabled it
   * (xterm's `paste` adds the markers), so a multi-line block lands as one edit.
   */
  typeCommand(text: string, enter: boolean): void {
    const command = normaliseCommand(text);
    if (command === '') return;
    if (this.term.modes.bracketedPasteMode) this.term.paste(command);
    else this.send(enter ? command.replace(/\n/g, '\r') : quoteNewlines(command));
    if (enter) this.send('\r');
    this.focus();
  }

  /** The whole buffer as text, for copy-all and for tests reading what the learner sees. */
  bufferText(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.columnTimer) clearTimeout(this.columnTimer);
    this.acks.dispose();
    this.detach();
    const id = this.session?.id;
    if (id && this.status !== 'lost') void this.options.api.terminal.kill({ id }).catch(() => undefined);
    this.term.dispose();
  }

  // --- internals ---------------------------------------------------------------------------

  private send(data: string): void {
    if (this.disposed) return;
    if (this.status === 'lost' || this.status === 'failed') {
      if (/[\r\n]/.test(data)) {
        this.term.write('\r\n');
        void this.start();
      }
      return;
    }
    const id = this.session?.id;
    if (!id) return;
    this.options.api.terminal.input({ id, data }).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'TERMINAL_NOT_FOUND') this.lost();
    });
  }

  private handleKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    const mod = isMac() ? event.metaKey : event.ctrlKey && event.shiftKey;
    const key = event.key.toLowerCase();
    if (mod && key === 'c' && this.term.hasSelection()) {
      event.preventDefault();
      void copyText(this.term.getSelection()).catch(() => undefined);
      return false;
    }
    if (mod && key === 'v') {
      // Let the browser fire its paste event: xterm pastes from it (bracketed when enabled).
      return false;
    }
    if (mod && key === 'f') {
      event.preventDefault();
      this.options.onSearchRequested();
      return false;
    }
    return true;
  }

  private loadWebgl(): void {
    if (!hardwareWebgl()) return; // the DOM renderer is faster than a software WebGL
    // Its own chunk: a terminal draws with the DOM renderer until it arrives.
    void import('@xterm/addon-webgl').then(
      ({ WebglAddon }) => this.useWebgl(WebglAddon),
      () => undefined,
    );
  }

  private useWebgl(WebglAddon: typeof WebglAddonClass): void {
    if (this.disposed) return;
    try {
      const webgl = new WebglAddon();
      webgl.onContextLoss(() => {
        // The GPU went away (driver reset, too many contexts): the DOM renderer takes over.
        webgl.dispose();
        this.renderer = 'dom';
        this.options.onChange();
      });
      this.term.loadAddon(webgl);
      this.renderer = 'webgl';
      this.options.onChange();
    } catch {
      this.renderer = 'dom';
    }
  }

  private proposedSize(): { cols: number; rows: number } | null {
    if (!this.opened || this.element.offsetWidth === 0 || this.element.offsetHeight === 0) return null;
    const size = this.fit.proposeDimensions();
    if (!size || !Number.isFinite(size.cols) || !Number.isFinite(size.rows)) return null;
    return { cols: Math.max(2, size.cols), rows: Math.max(1, size.rows) };
  }

  /** Follow the pane's size: rows at once, columns debounced when a reflow would be costly. */
  private layout(immediate = false): void {
    const size = this.proposedSize();
    if (!size) return;
    const rowsChanged = size.rows !== this.term.rows;
    const colsChanged = size.cols !== this.term.cols;
    if (!rowsChanged && !colsChanged) return;
    if (rowsChanged) this.applySize(this.term.cols, size.rows);
    if (!colsChanged) return;
    if (this.columnTimer) clearTimeout(this.columnTimer);
    const costly = this.term.buffer.active.length >= REFLOW_COSTLY_LINES;
    if (immediate || !costly) {
      this.applySize(size.cols, size.rows);
      return;
    }
    this.columnTimer = setTimeout(() => {
      this.columnTimer = null;
      const latest = this.proposedSize();
      if (latest) this.applySize(latest.cols, latest.rows);
    }, COLUMN_DEBOUNCE_MS);
  }

  private applySize(cols: number, rows: number): void {
    if (cols === this.term.cols && rows === this.term.rows) return;
    this.term.resize(cols, rows);
    const id = this.session?.id;
    if (id && this.status !== 'lost') void this.options.api.terminal.resize({ id, cols, rows }).catch(() => undefined);
  }
}
