/**
 * The left column: every track and its lessons, with the learner's progress on each and a
 * filter (by words, and by state). Broken lesson files are listed too, with their error, so an
 * author sees at once why a lesson is missing.
 */
import type { ClusterStatus, LessonCatalog, LessonProgress, LessonSummary } from '@contract';
import { CatalogClusterEntry } from '../cluster/CatalogClusterEntry';
import { Fragment, useMemo, useState } from 'react';
import { hrefOf } from '../app/route';
import { ProgressRing } from './ProgressRing';
import { compareTracks, isKubernetesTrack, standingOf, trackTitle, type LessonState } from './lesson-progress';
import './catalog.css';

type StateFilter = 'all' | LessonState;

const STATE_FILTERS: { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'in-progress', label: 'Started' },
  { value: 'not-started', label: 'New' },
  { value: 'done', label: 'Done' },
];

interface CatalogProps {
  catalog: LessonCatalog | undefined;
  error: string | null;
  progress: Map<string, LessonProgress>;
  activeLessonId: string | null;
  /** The Kubernetes lessons' cluster, listed before the Kubernetes tracks (null until read). */
  cluster?: ClusterStatus | null;
  clusterActive?: boolean;
}

export function Catalog({ catalog, error, progress, activeLessonId, cluster, clusterActive = false }: CatalogProps) {
  const [query, setQuery] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');

  const tracks = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const groups = new Map<string, LessonSummary[]>();
    for (const lesson of catalog?.lessons ?? []) {
      const haystack = `${lesson.title} ${lesson.summary} ${lesson.track} ${lesson.id}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) continue;
      if (stateFilter !== 'all' && standingOf(lesson, progress.get(lesson.id)).state !== stateFilter) continue;
      const list = groups.get(lesson.track) ?? [];
      list.push(lesson);
      groups.set(lesson.track, list);
    }
    return [...groups.entries()].sort(([a], [b]) => compareTracks(a, b));
  }, [catalog, query, stateFilter, progress]);
  // The cluster comes first among the Kubernetes tracks (they all need it), or after the others when there are none.
  const firstKubeTrack = tracks.find(([track]) => isKubernetesTrack(track))?.[0] ?? null;
  const clusterEntry = cluster ? <CatalogClusterEntry status={cluster} active={clusterActive} /> : null;

  const total = catalog?.lessons.length ?? 0;
  const shown = tracks.reduce((n, [, lessons]) => n + lessons.length, 0);

  return (
    <nav className="catalog" aria-label="Lessons" data-testid="catalog">
      <div className="catalog-filter">
        <input
          type="search"
          className="catalog-search"
          placeholder="Filter lessons"
          aria-label="Filter lessons"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="catalog-filter"
        />
        <div className="catalog-states" role="radiogroup" aria-label="Show lessons">
          {STATE_FILTERS.map((f) => (
            <button
              key={f.value}
              type="button"
              role="radio"
              aria-checked={stateFilter === f.value}
              className={`catalog-state${stateFilter === f.value ? ' is-on' : ''}`}
              onClick={() => setStateFilter(f.value)}
            >
              {f.label}
            </button>
          ))}
        </div>
      </div>
      <div className="catalog-list">
        {!catalog && !error && <p className="catalog-note">Loading lessons…</p>}
        {error && !catalog && <p className="catalog-note catalog-error">Lessons could not be loaded: {error}</p>}
        {catalog && total === 0 && <p className="catalog-note">No lessons yet.</p>}
        {catalog && total > 0 && shown === 0 && <p className="catalog-note">No lesson matches this filter.</p>}
        {tracks.map(([track, lessons]) => {
          const all = catalog!.lessons.filter((l) => l.track === track);
          const done = all.filter((l) => standingOf(l, progress.get(l.id)).state === 'done').length;
          return (
            <Fragment key={track}>
              {track === firstKubeTrack && clusterEntry}
              <section className="catalog-track" aria-label={`${trackTitle(track)} track`}>
                <h2 className="catalog-track-title">
                  <span>{trackTitle(track)}</span>
                  <span className="catalog-track-count">
                    {done}/{all.length} done
                  </span>
                </h2>
                <ol className="catalog-lessons">
                  {lessons.map((lesson) => {
                    const standing = standingOf(lesson, progress.get(lesson.id));
                    const active = lesson.id === activeLessonId;
                    const stateText =
                      standing.state === 'done'
                        ? 'done'
                        : standing.state === 'in-progress'
                          ? `${standing.passed} of ${standing.total} steps passed`
                          : 'not started';
                    return (
                      <li key={lesson.id}>
                        <a
                          href={hrefOf({ name: 'lesson', lessonId: lesson.id })}
                          className={`catalog-lesson${active ? ' is-active' : ''}`}
                          aria-current={active ? 'page' : undefined}
                          data-testid="catalog-lesson"
                          data-lesson={lesson.id}
                          data-lesson-state={standing.state}
                          title={lesson.summary}
                        >
                          <ProgressRing standing={standing} />
                          <span className="catalog-lesson-text">
                            <span className="catalog-lesson-title">{lesson.title}</span>
                            <span className="catalog-lesson-meta">
                              {lesson.stepCount} steps · {lesson.minutes} min
                              {standing.state === 'in-progress' && (
                                <>
                                  {' · '}
                                  <span className="catalog-lesson-passed">
                                    {standing.passed}/{standing.total}
                                  </span>
                                </>
                              )}
                            </span>
                            {/* The name keeps the visible words first (speech input says what it sees) and adds the state. */}
                            <span className="visually-hidden">, {stateText}</span>
                          </span>
                        </a>
                      </li>
                    );
                  })}
                </ol>
              </section>
            </Fragment>
          );
        })}
        {firstKubeTrack === null && clusterEntry}
        {catalog && catalog.broken.length > 0 && (
          <section className="catalog-track catalog-broken" aria-label="Lessons that could not be read">
            <h2 className="catalog-track-title">
              <span>Could not be read</span>
              <span className="catalog-track-count">{catalog.broken.length}</span>
            </h2>
            <ul className="catalog-lessons">
              {catalog.broken.map((broken) => (
                <li key={broken.file} className="catalog-broken-item" data-testid="catalog-broken">
                  <span className="catalog-lesson-title">{broken.title ?? broken.file}</span>
                  <code className="catalog-broken-error">{broken.error}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </nav>
  );
}
