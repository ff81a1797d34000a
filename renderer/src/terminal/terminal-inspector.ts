/**
 * A small read-only window onto the terminals, as `window.docksideTerminals`: what the active
 * terminal shows, and when xterm parsed or drew. End-to-end tests and the bench read xterm's
 * real buffer through it; it can neither type nor run anything, so it gives a page script
 * nothing it could not already read from the screen.
 */
import type { TerminalInspector } from './inspector-types';
import type { TerminalController } from './terminal-controller';

declare global {
  interface Window {
    docksideTerminals?: TerminalInspector;
  }
}

export function exposeInspector(controller: TerminalController): void {
  const term = () => controller.active?.term;
  window.docksideTerminals = {
    activeText: () => controller.active?.bufferText() ?? '',
    lastLines: (count) => {
      const buffer = term()?.buffer.active;
      if (!buffer) return '';
      const end = buffer.baseY + buffer.cursorY;
      const lines: string[] = [];
      for (let i = Math.max(0, end - count + 1); i <= end; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
      return lines.join('\n');
    },
    snapshot: () => controller.getSnapshot(),
    size: () => {
      const t = term();
      return t ? { cols: t.cols, rows: t.rows } : null;
    },
    renderer: () => controller.active?.renderer ?? null,
    parsed: () =>
      new Promise<void>((resolve) => {
        const t = term();
        if (t) t.write('', resolve);
        else resolve();
      }),
    onWriteParsed: (listener) => {
      const subscription = term()?.onWriteParsed(listener);
      return () => subscription?.dispose();
    },
    onRender: (listener) => {
      const subscription = term()?.onRender(() => listener());
      return () => subscription?.dispose();
    },
  };
}
