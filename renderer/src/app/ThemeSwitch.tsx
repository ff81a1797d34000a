/** Light, dark, or follow the system: one button that cycles, saved in the settings. */
import type { Settings } from '@contract';

const NEXT: Record<Settings['theme'], Settings['theme']> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Settings['theme'], string> = {
  system: 'Theme: follows the system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

export function ThemeSwitch({ theme, onChange }: { theme: Settings['theme']; onChange: (theme: Settings['theme']) => void }) {
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => onChange(NEXT[theme])}
      aria-label={`${LABEL[theme]} (change)`}
      title={LABEL[theme]}
      data-testid="theme-switch"
      data-theme-choice={theme}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden>
        {theme === 'light' && (
          <>
            <circle cx="8" cy="8" r="3" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path
              d="M8 1.5v1.6M8 12.9v1.6M1.5 8h1.6M12.9 8h1.6M3.4 3.4l1.1 1.1M11.5 11.5l1.1 1.1M3.4 12.6l1.1-1.1M11.5 4.5l1.1-1.1"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinecap="round"
            />
          </>
        )}
        {theme === 'dark' && (
          <path
            d="M13 9.6A5.5 5.5 0 016.4 3a5.5 5.5 0 106.6 6.6z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinejoin="round"
          />
        )}
        {theme === 'system' && (
          <>
            <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M8 2.5a5.5 5.5 0 010 11z" fill="currentColor" />
          </>
        )}
      </svg>
    </button>
  );
}
