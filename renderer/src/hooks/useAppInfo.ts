/** The app's version, platform and one-time notices; read once. */
import type { AppInfo } from '@contract';
import { useEffect, useState } from 'react';
import { api } from '../api';

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    api.app.info().then(
      (value) => live && setInfo(value),
      () => undefined, // the link state shows a lost server
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
