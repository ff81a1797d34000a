/**
 * The views the first screen does not need, loaded when first shown: the lesson page (Markdown
 * and code highlighting), the terminal (xterm), the environment doctor and the Kubernetes page. Their chunks are
 * fetched once the first screen is up, so opening a lesson later does not wait for the network.
 */
import { lazy } from 'react';

const loadLessonPage = () => import('../lesson/LessonPage');
const loadTerminal = () => import('../terminal/TerminalPane');
const loadDoctor = () => import('../doctor/DoctorView');
const loadCluster = () => import('../cluster/ClusterView');

export const LessonPage = lazy(() => loadLessonPage().then((m) => ({ default: m.LessonPage })));
export const TerminalPane = lazy(() => loadTerminal().then((m) => ({ default: m.TerminalPane })));
export const DoctorView = lazy(() => loadDoctor().then((m) => ({ default: m.DoctorView })));
export const ClusterView = lazy(() => loadCluster().then((m) => ({ default: m.ClusterView })));

/**
 * After the first screen has settled: evaluating the views (the terminal's chunk alone is some
 * 400 kB) at first paint held the main thread just as the catalog became clickable.
 */
const PREFETCH_AFTER_MS = 1500;

/** Fetch every lazy view in the background (call once the first screen is interactive). */
export function prefetchViews(): void {
  const fetchAll = () => {
    void loadLessonPage();
    void loadTerminal();
    void loadDoctor();
  };
  const whenIdle = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(fetchAll, { timeout: 2000 });
    else fetchAll();
  };
  setTimeout(whenIdle, PREFETCH_AFTER_MS);
}
