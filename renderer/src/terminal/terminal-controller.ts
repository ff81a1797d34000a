/**
 * The terminals of this window, and the one door the rest of the UI uses to reach them:
 * open a tab (for a lesson, in its workspace), switch tabs, and type a lesson's command into the
 * active terminal with or without Enter. Tabs live here, not in React, so their scrollback and
 * shells survive lesson switches; the pane subscribes with `useSyncExternalStore`.
 */
import type { DocksideApi, TerminalCommand } from '@contract';
import type { TerminalsSnapshot } from './inspector-types';
import { TerminalTab } from './terminal-tab';
import { watchThemeMode } from './terminal-theme';

type LinkState = 'connecting' | 'open' | 'closed';

export class TerminalController {
  private tabs: TerminalTab[] = [];
  private activeKey: string | null = null;
  private searchRequests = 0;
  private snapshot: TerminalsSnapshot = { tabs: [], activeKey: null, searchRequests: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly commandListeners = new Set<(command: TerminalCommand) => void>();
  private plainCount = 0;

  constructor(
    private readonly api: DocksideApi,
    onLinkState?: (listener: (state: LinkState) => void) => () => void,
  ) {
    api.on('terminal.data', ({ id, data }) => {
      const tab = this.bySession(id);
      if (tab) tab.receive(data);
      else this.holdEarly(id, data);
    });
    api.on('terminal.exit', ({ id }) => this.bySession(id)?.exited());
    api.on('terminal.started', (session) => this.bySession(session.id)?.started(session));
    api.on('terminal.commandFinished', (command) => {
      for (const listener of this.commandListeners) listener(command);
    });
    watchThemeMode((mode) => {
      for (const tab of this.tabs) tab.setTheme(mode);
    });
    // A dropped WebSocket ends this window's shells in core: when it opens again, say so in each pane.
    let wasOpen = false;
    onLinkState?.((state) => {
      if (state !== 'open') return;
      if (wasOpen) for (const tab of this.tabs) tab.lost();
      wasOpen = true;
    });
  }

  /**
   * Output can arrive before `terminal.create` has answered with the session's id: hold it
   * briefly (bounded) and hand it over once the tab knows its session.
   */
  private readonly early = new Map<string, { parts: string[]; size: number; at: number }>();

  private holdEarly(id: string, data: string): void {
    const now = Date.now();
    for (const [key, held] of this.early) if (now - held.at > 10_000) this.early.delete(key);
    const held = this.early.get(id) ?? { parts: [], size: 0, at: now };
    if (held.size + data.length > 1_000_000) return;
    held.parts.push(data);
    held.size += data.length;
    this.early.set(id, held);
  }

  private sessionAssigned(tab: TerminalTab): void {
    const id = tab.session?.id;
    if (!id) return;
    const held = this.early.get(id);
    this.early.delete(id);
    for (const data of held?.parts ?? []) tab.receive(data);
  }

  // --- for React ---------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TerminalsSnapshot => this.snapshot;

  tab(key: string): TerminalTab | undefined {
    return this.tabs.find((t) => t.key === key);
  }

  get active(): TerminalTab | undefined {
    return this.tabs.find((t) => t.key === this.activeKey);
  }

  // --- what the UI does --------------------------------------------------------------------

  /** A new tab with a fresh shell; in the lesson's workspace when `lessonId` is given. */
  open(lessonId: string | null = null): TerminalTab {
    const title = lessonId ? (lessonId.split('/').pop() ?? lessonId) : `shell ${++this.plainCount}`;
    const tab = new TerminalTab({
      api: this.api,
      lessonId,
      title,
      onChange: () => this.changed(),
      onSession: (t) => this.sessionAssigned(t),
      onSearchRequested: () => {
        this.searchRequests++;
        this.changed();
      },
    });
    this.tabs.push(tab);
    this.activeKey = tab.key;
    this.changed();
    void tab.start();
    return tab;
  }

  /** The lesson's terminal: its existing tab (scrollback intact), else a new one. */
  openForLesson(lessonId: string): TerminalTab {
    const existing = this.tabs.find((t) => t.lessonId === lessonId);
    if (existing) {
      this.activate(existing.key);
      return existing;
    }
    return this.open(lessonId);
  }

  /** The active tab, opening one when there is none. */
  ensureActive(): TerminalTab {
    return this.active ?? this.open();
  }

  activate(key: string): void {
    if (!this.tab(key) || this.activeKey === key) return;
    this.activeKey = key;
    this.changed();
  }

  close(key: string): void {
    const index = this.tabs.findIndex((t) => t.key === key);
    if (index === -1) return;
    const [tab] = this.tabs.splice(index, 1);
    tab!.dispose();
    if (this.activeKey === key) this.activeKey = this.tabs[Math.min(index, this.tabs.length - 1)]?.key ?? null;
    this.changed();
  }

  /** Type a lesson's command into the active terminal; `enter` runs it. Only ever on a click. */
  run(text: string, options: { enter: boolean }): void {
    this.ensureActive().typeCommand(text, options.enter);
  }

  /** Finished commands from this window's terminals (for feedback beside the current step). */
  onCommand(listener: (command: TerminalCommand) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  private bySession(id: string): TerminalTab | undefined {
    return this.tabs.find((t) => t.session?.id === id);
  }

  private changed(): void {
    this.snapshot = {
      activeKey: this.activeKey,
      searchRequests: this.searchRequests,
      tabs: this.tabs.map((t) => ({
        key: t.key,
        title: t.title,
        lessonId: t.lessonId,
        status: t.status,
        sessionId: t.session?.id ?? null,
        pid: t.session?.pid ?? null,
        renderer: t.renderer,
      })),
    };
    for (const listener of this.listeners) listener();
  }
}
