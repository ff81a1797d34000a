/**
 * The app shell. Left: the catalog. Centre: the welcome, the environment doctor, or a lesson
 * beside its terminal (a split the learner resizes, remembered in the settings) with the live
 * state panel above the terminal. Below: the status bar with the engine, the Kubernetes context and the
 * lesson's progress.
 */
import { Suspense, useEffect, useState } from 'react';
import { Catalog } from '../catalog/Catalog';
import { CatalogRail } from '../catalog/CatalogRail';
import { useAppInfo } from '../hooks/useAppInfo';
import { useCatalog } from '../hooks/useCatalog';
import { useEngineStatus } from '../hooks/useEngineStatus';
import { useClusterStatus } from '../hooks/useClusterStatus';
import { useLinkState } from '../hooks/useLinkState';
import { useLiveObjects } from '../hooks/useLiveObjects';
import { useProgress } from '../hooks/useProgress';
import { useRun } from '../hooks/useRun';
import { useSettings } from '../hooks/useSettings';
import { useWindowWidth } from '../hooks/useWindowWidth';
import { StatusBar } from '../status/StatusBar';
import { KubeContextItem, LessonProgressItem } from '../status/StatusItems';
import { ToastProvider, useToast } from '../ui/Toasts';
import { Welcome } from '../welcome/Welcome';
import { hrefOf, navigate, useRoute } from './route';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SplitPane } from './SplitPane';
import { ThemeSwitch } from './ThemeSwitch';
import { WorkPane } from './WorkPane';
import { ClusterView, DoctorView, LessonPage, prefetchViews, TerminalPane } from './lazy-views';
import './app.css';
import { forLesson } from '../hooks/for-lesson';

export function App() {
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  );
}

function Shell() {
  const engine = useEngineStatus();
  const link = useLinkState();
  const route = useRoute();
  const { settings, update } = useSettings();
  const catalog = useCatalog();
  const progress = useProgress();
  const { run, loaded: runLoaded } = useRun();
  const objects = useLiveObjects();
  const info = useAppInfo();
  const cluster = useClusterStatus();
  const toast = useToast();
  // The catalog's width is dear beside a lesson and its terminal: there it starts folded into a
  // rail on screens narrower than 1440 px; elsewhere it starts open. The learner's choice sticks.
  const [catalogPrefs, setCatalogPrefs] = useState(readCatalogPrefs);
  const [helpOpen, setHelpOpen] = useState(false);
  const lessonId = route.name === 'lesson' ? route.lessonId : null;
  const catalogKind = lessonId ? 'lesson' : 'other';
  const width = useWindowWidth();
  const catalogOpen = catalogPrefs[catalogKind] ?? (catalogKind === 'other' || width >= 1440);
  // Undefined until the first answer: the views are fetched after the catalog shows, not before.
  const catalogShown = catalog.value !== undefined;
  // Once the first screen is up, fetch the views it left out (lesson, terminal, doctor).
  useEffect(() => {
    if (catalogShown) prefetchViews();
  }, [catalogShown]);

  useEffect(() => {
    for (const notice of info?.notices ?? []) toast(notice, 'info');
  }, [info, toast]);

  // `?` opens the shortcuts, unless the learner is typing somewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.closest('.xterm') || ['INPUT', 'TEXTAREA'].includes(target.tagName))) return;
      event.preventDefault();
      setHelpOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toggleCatalog = () => {
    const next = { ...catalogPrefs, [catalogKind]: !catalogOpen };
    localStorage.setItem('dockside.catalog', JSON.stringify(next));
    setCatalogPrefs(next);
  };

  const lessonRun = forLesson(run, lessonId);
  const knownLesson = lessonId !== null && (catalog.value?.lessons.some((l) => l.id === lessonId) ?? false);
  const lessonTitle = lessonId ? catalog.value?.lessons.find((l) => l.id === lessonId)?.title : undefined;

  return (
    <div className="app-shell">
      <div className={`app-body${catalogOpen ? '' : ' is-catalog-closed'}`}>
        <aside className="app-sidebar" aria-label="Sidebar">
          <div className="app-brand">
            <a className="app-brand-link" href={hrefOf({ name: 'welcome' })} title="Dockside home">
              <BrandMark />
              {catalogOpen && <span>Dockside</span>}
            </a>
            {catalogOpen && (
              <>
                <span className="app-brand-spacer" />
                <ThemeSwitch theme={settings?.theme ?? 'system'} onChange={(theme) => void update({ theme })} />
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Keyboard shortcuts"
                  title="Keyboard shortcuts (?)"
                  onClick={() => setHelpOpen(true)}
                >
                  <span aria-hidden className="icon-text">
                    ?
                  </span>
                </button>
              </>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={catalogOpen ? 'Hide the lessons' : 'Show the lessons'}
              aria-expanded={catalogOpen}
              title={catalogOpen ? 'Hide the lessons' : 'Show the lessons'}
              onClick={toggleCatalog}
              data-testid="catalog-toggle"
            >
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden>
                <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
                <path d="M6 2.5v11" stroke="currentColor" strokeWidth="1.3" />
              </svg>
            </button>
          </div>
          {catalogOpen ? (
            <Catalog
              catalog={catalog.value}
              error={catalog.error}
              progress={progress}
              activeLessonId={lessonId}
              cluster={cluster}
              clusterActive={route.name === 'kubernetes'}
            />
          ) : (
            <CatalogRail catalog={catalog.value} progress={progress} activeLessonId={lessonId} />
          )}
        </aside>
        <main className="app-main" data-testid="app-main">
          <Suspense fallback={null}>
            {route.name === 'lesson' && (
              <SplitPane
                label="Resize the lesson and the terminal"
                ratio={settings?.terminalSplit ?? 0.45}
                onCommit={(terminalSplit) => void update({ terminalSplit })}
                first={
                  <LessonPage
                    key={route.lessonId}
                    lessonId={route.lessonId}
                    run={run}
                    runLoaded={runLoaded}
                    engine={engine}
                    progress={progress.get(route.lessonId)}
                    catalog={catalog.value}
                  />
                }
                second={
                  <WorkPane
                    objects={objects}
                    lessonId={route.lessonId}
                    terminal={
                      // A lesson the catalog does not know gets a plain terminal, not a workspace.
                      catalog.value && <TerminalPane lessonId={knownLesson ? route.lessonId : null} />
                    }
                  />
                }
              />
            )}
            {route.name === 'kubernetes' && (
              <div className="app-scroll">
                <ClusterView />
              </div>
            )}
            {route.name === 'doctor' && (
              <div className="app-scroll">
                <DoctorView onClose={() => (window.history.length > 1 ? window.history.back() : navigate({ name: 'welcome' }))} />
              </div>
            )}
          </Suspense>
          {route.name === 'welcome' && (
            <Welcome
              engine={engine}
              platform={info?.platform ?? null}
              catalog={catalog.value}
              progress={progress}
              doctorAvailable
            />
          )}
        </main>
      </div>
      <StatusBar engine={engine} link={link} doctorHref={hrefOf({ name: 'doctor' })}>
        {cluster && <KubeContextItem status={cluster} href={hrefOf({ name: 'kubernetes' })} />}
        {lessonRun && lessonTitle && <LessonProgressItem run={lessonRun} title={lessonTitle} />}
        <a className="status-item status-link" href={hrefOf({ name: 'doctor' })} data-testid="status-doctor">
          Doctor
        </a>
      </StatusBar>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

type CatalogPrefs = Partial<Record<'lesson' | 'other', boolean>>;

function readCatalogPrefs(): CatalogPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem('dockside.catalog') ?? '{}') as unknown;
    return raw && typeof raw === 'object' ? raw : {};
  } catch {
    return {};
  }
}

function BrandMark() {
  return (
    <svg width="22" height="22" viewBox="0 0 56 56" aria-hidden>
      <rect x="2" y="2" width="52" height="52" rx="14" fill="var(--accent)" />
      <path d="M12 34h32c-1.6 6.5-7.6 11-16 11s-14.4-4.5-16-11z" fill="var(--on-accent)" />
      <rect x="16" y="25" width="7" height="7" rx="1.5" fill="var(--on-accent)" opacity="0.8" />
      <rect x="24.5" y="25" width="7" height="7" rx="1.5" fill="var(--on-accent)" opacity="0.8" />
      <rect x="33" y="25" width="7" height="7" rx="1.5" fill="var(--on-accent)" opacity="0.8" />
    </svg>
  );
}
