/**
 * Terminal colours that follow the app's light/dark theme. The app sets `data-theme` on <html>
 * when the learner picks one, and otherwise follows the OS (prefers-color-scheme) — so does this.
 */
import type { ITheme } from '@xterm/xterm';

export type ThemeMode = 'light' | 'dark';

export const TERMINAL_THEMES: Record<ThemeMode, ITheme> = {
  light: {
    background: '#ffffff',
    foreground: '#1d1f23',
    cursor: '#2563c9',
    cursorAccent: '#ffffff',
    selectionBackground: '#b9cff5',
    black: '#1d1f23',
    red: '#c2372f',
    green: '#1f8a4c',
    yellow: '#9a6a12',
    blue: '#2563c9',
    magenta: '#8e44ad',
    cyan: '#0f7b8a',
    white: '#d8d8d2',
    brightBlack: '#6b6f77',
    brightRed: '#e0524a',
    brightGreen: '#2aa160',
    brightYellow: '#b7791f',
    brightBlue: '#3f7fe0',
    brightMagenta: '#a65cc4',
    brightCyan: '#1895a6',
    brightWhite: '#f7f7f5',
  },
  dark: {
    background: '#1b1e23',
    foreground: '#e6e7ea',
    cursor: '#6ea1f2',
    cursorAccent: '#1b1e23',
    selectionBackground: '#34496e',
    black: '#1b1e23',
    red: '#f07067',
    green: '#4cc17f',
    yellow: '#e3a64a',
    blue: '#6ea1f2',
    magenta: '#c38ae0',
    cyan: '#4fc1d1',
    white: '#c9ccd2',
    brightBlack: '#767b84',
    brightRed: '#ff8d85',
    brightGreen: '#6fd89b',
    brightYellow: '#f2c06f',
    brightBlue: '#93bbf7',
    brightMagenta: '#d6a8ee',
    brightCyan: '#7dd6e2',
    brightWhite: '#ffffff',
  },
};

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function currentThemeMode(): ThemeMode {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return darkQuery().matches ? 'dark' : 'light';
}

/** Calls `listener` whenever the effective theme changes; returns the function that stops it. */
export function watchThemeMode(listener: (mode: ThemeMode) => void): () => void {
  let last = currentThemeMode();
  const check = () => {
    const now = currentThemeMode();
    if (now !== last) {
      last = now;
      listener(now);
    }
  };
  const query = darkQuery();
  query.addEventListener('change', check);
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    query.removeEventListener('change', check);
    observer.disconnect();
  };
}
