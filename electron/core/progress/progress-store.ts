/**
 * The learner's progress, one JSON file in the data directory: per lesson, the steps passed in
 * the current attempt and when, hints revealed, when it was first completed, and the attempt
 * under way (what it created, so reset still works after the app restarts). Written atomically;
 * a corrupt file is moved aside with a timestamp and the app starts clean, saying so once.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { LessonProgress, ProgressSummary } from '../contract';
import { JsonFileWriter, readJsonFile } from '../util/json-file';
import { Listeners } from '../util/listeners';

const createdSchema = z.object({
  type: z.enum(['container', 'image', 'volume', 'network']),
  id: z.string(),
  name: z.string(),
  step: z.number().int(),
  createdAt: z.string().optional(),
  tags: z.array(z.string()).optional(),
  newImage: z.boolean().optional(),
  project: z.string().optional(),
});

const attemptSchema = z.object({
  runId: z.string(),
  startedAt: z.number(),
  created: z.array(createdSchema).default([]),
});

const lessonSchema = z.object({
  passed: z.record(z.string(), z.number()).default({}),
  hintsRevealed: z.record(z.string(), z.number().int().min(0)).default({}),
  completedAt: z.number().nullable().default(null),
  attempt: attemptSchema.nullable().default(null),
});

const fileSchema = z.object({
  version: z.literal(1),
  lessons: z.record(z.string(), lessonSchema),
});

export type StoredLesson = z.output<typeof lessonSchema>;
export type StoredAttempt = z.output<typeof attemptSchema>;
type StoredFile = z.output<typeof fileSchema>;

export const PROGRESS_FILE = 'progress.json';

export class ProgressStore {
  private readonly data: StoredFile;
  private readonly writer: JsonFileWriter;
  private readonly changed = new Listeners<ProgressSummary>();
  /** Set when the file was corrupt and moved aside at start. */
  readonly notice: string | null;

  constructor(dataDir: string) {
    const path = join(dataDir, PROGRESS_FILE);
    this.writer = new JsonFileWriter(path);
    const outcome = readJsonFile(path, validate);
    if (outcome.kind === 'ok') {
      this.data = outcome.value;
      this.notice = null;
    } else {
      this.data = { version: 1, lessons: {} };
      this.notice =
        outcome.kind === 'corrupt'
          ? `Your progress file could not be read (${firstLine(outcome.reason)}); it was kept at ${outcome.movedTo} and progress starts afresh.`
          : null;
    }
  }

  lesson(lessonId: string): StoredLesson {
    return this.data.lessons[lessonId] ?? { passed: {}, hintsRevealed: {}, completedAt: null, attempt: null };
  }

  /** Change one lesson's record and save (atomically, coalescing rapid saves). */
  update(lessonId: string, change: (lesson: StoredLesson) => void): Promise<void> {
    const lesson = structuredClone(this.lesson(lessonId));
    change(lesson);
    this.data.lessons[lessonId] = lesson;
    this.changed.emit(this.summary());
    return this.writer.save(this.data);
  }

  summary(): ProgressSummary {
    return {
      lessons: Object.entries(this.data.lessons).map(([lessonId, lesson]): LessonProgress => ({
        lessonId,
        passed: { ...lesson.passed },
        hintsRevealed: { ...lesson.hintsRevealed },
        completedAt: lesson.completedAt,
        inProgress: lesson.attempt !== null,
      })),
    };
  }

  onChange(listener: (summary: ProgressSummary) => void): () => void {
    return this.changed.add(listener);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}

function validate(raw: unknown): StoredFile {
  const result = fileSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}
