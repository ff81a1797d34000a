/**
 * The catalog folded into a rail: one progress ring per lesson, numbered within its track, so
 * the learner still sees where they are and can jump without unfolding the whole list.
 */
import type { LessonCatalog, LessonProgress } from '@contract';
import { hrefOf } from '../app/route';
import { ProgressRing } from './ProgressRing';
import { compareTracks, standingOf, trackTitle } from './lesson-progress';

export function CatalogRail({
  catalog,
  progress,
  activeLessonId,
}: {
  catalog: LessonCatalog | undefined;
  progress: Map<string, LessonProgress>;
  activeLessonId: string | null;
}) {
  const tracks = [...new Set((catalog?.lessons ?? []).map((l) => l.track))].sort(compareTracks);
  return (
    <nav className="catalog-rail" aria-label="Lessons" data-testid="catalog-rail">
      {tracks.map((track) => (
        <ol key={track} className="catalog-rail-track" aria-label={`${trackTitle(track)} track`}>
          {catalog!.lessons
            .filter((l) => l.track === track)
            .map((lesson, i) => {
              const standing = standingOf(lesson, progress.get(lesson.id));
              const active = lesson.id === activeLessonId;
              return (
                <li key={lesson.id}>
                  <a
                    href={hrefOf({ name: 'lesson', lessonId: lesson.id })}
                    className={`catalog-rail-lesson${active ? ' is-active' : ''}`}
                    aria-current={active ? 'page' : undefined}
                    aria-label={`${i + 1}. ${lesson.title} (${standing.passed} of ${standing.total} steps)`}
                    title={`${trackTitle(track)} ${i + 1}: ${lesson.title}`}
                  >
                    <ProgressRing standing={standing} size={26} />
                    {standing.state !== 'done' && <span className="catalog-rail-number">{i + 1}</span>}
                  </a>
                </li>
              );
            })}
        </ol>
      ))}
    </nav>
  );
}
