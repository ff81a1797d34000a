/**
 * The views the first screen does not need, loaded when first shown: the lesson page (Markdown
 * and code highlighting), the terminal (xterm) and the environment doctor. Their chunks are
 * fetched once the first screen is up, so opening a lesson later does not wait for the network.
 */
import { lazy } from 'react';

const loadLessonPage = () => import('../lesson/LessonPage');
const loadTerminal = () => import('../terminal/TerminalPane');
const loadDoctor = () => import('../doctor/DoctorView');

export const LessonPage = lazy(() => loadLessonPage().then((m) => ({ default: m.LessonPage })));
export const TerminalPane = lazy(() => loadTerminal().then((m) => ({ default: m.TerminalPane })));
export const DoctorView = lazy(() => loadDoctor().then((m) => ({ default: m.DoctorView })));

/** Fetch every lazy view in the background (call once the first screen is interactive). */
export function prefetchViews(): void {
  const fetchAll = () => {
    void loadLessonPage();
    void loadTerminal();
    void loadDoctor();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(fetchAll, { timeout: 2000 });
  else setTimeout(fetchAll, 200);
}
