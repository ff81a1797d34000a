/**
 * The lessons core knows, loaded from the lessons directory and reloaded when its files change
 * (authors see their edits, or the error they introduced, without restarting).
 */
import { watch, type FSWatcher } from 'node:fs';
import type { LessonCatalog } from '../contract';
import { CoreError } from '../errors';
import { Listeners } from '../util/listeners';
import { loadCatalog, loadCatalogYielding, publicCatalog, type LoadedCatalog } from './catalog';
import type { ParseOutcome } from './parse-lesson';
import type { LoadedLesson } from './types';

export class LessonLibrary {
  private loaded: LoadedCatalog;
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  private readonly changed = new Listeners<LessonCatalog>();

  /** `loaded`: the catalog when it was loaded already (see `load`); otherwise loaded here. */
  constructor(
    private readonly lessonsDir: string,
    loaded?: LoadedCatalog,
  ) {
    this.loaded = loaded ?? loadCatalog(lessonsDir);
  }

  /**
   * A library whose loading lets the event loop run between lessons (core's start-up); `parse`
   * may answer from the outcomes parsed at build time (parsed-lessons.ts).
   */
  static async load(lessonsDir: string, parse?: (source: string) => ParseOutcome): Promise<LessonLibrary> {
    return new LessonLibrary(lessonsDir, await loadCatalogYielding(lessonsDir, parse));
  }

  catalog(): LessonCatalog {
    return publicCatalog(this.loaded);
  }

  /** The lesson, or a CoreError saying it is unknown or broken (with the file:line error). */
  require(lessonId: string): LoadedLesson {
    const lesson = this.loaded.lessons.find((l) => l.summary.id === lessonId);
    if (lesson) return lesson;
    const broken = this.loaded.broken.find((b) => b.id === lessonId);
    if (broken)
      throw new CoreError('LESSON_BROKEN', `The lesson "${broken.title ?? lessonId}" cannot be loaded: ${broken.error}`);
    throw new CoreError('LESSON_NOT_FOUND', `There is no lesson ${JSON.stringify(lessonId)}.`);
  }

  reload(): void {
    const before = JSON.stringify(this.catalog());
    this.loaded = loadCatalog(this.lessonsDir);
    const after = this.catalog();
    if (JSON.stringify(after) !== before) this.changed.emit(after);
  }

  onChange(listener: (catalog: LessonCatalog) => void): () => void {
    return this.changed.add(listener);
  }

  /** Reload (debounced) when anything under the lessons directory changes. */
  watch(): void {
    if (this.watcher) return;
    try {
      this.watcher = watch(this.lessonsDir, { recursive: true, persistent: false }, () => {
        if (this.reloadTimer) clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(() => this.reload(), 200);
        this.reloadTimer.unref?.();
      });
      this.watcher.on('error', () => this.unwatch());
    } catch {
      // No recursive watching here (or no directory): lessons load at start only.
      this.watcher = null;
    }
  }

  unwatch(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }
}
