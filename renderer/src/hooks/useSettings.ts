/**
 * The app settings, live, and the theme applied to the page: `data-theme` on <html> when the
 * learner picked light or dark, nothing (follow the OS) for `system`.
 */
import type { Settings } from '@contract';
import { useCallback, useEffect } from 'react';
import { api } from '../api';
import { useLiveValue } from './useLiveValue';

export function useSettings(): { settings: Settings | undefined; update: (patch: Partial<Settings>) => Promise<void> } {
  const { value } = useLiveValue<Settings, 'settings.changed'>(
    () => api.settings.get(),
    'settings.changed',
    (settings) => settings,
  );
  const theme = value?.theme;
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
  const update = useCallback(async (patch: Partial<Settings>) => {
    await api.settings.update(patch);
  }, []);
  return { settings: value, update };
}
