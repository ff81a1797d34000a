/**
 * The lessons part of the contract: the catalog, one lesson, the run and its resets, preflight,
 * hints, live objects and progress. Params arrive from the UI (in browser mode, from a socket):
 * each is validated before it reaches the run.
 */
import { z } from 'zod';
import type { Service } from '../app';
import type { CoreContext } from '../context';
import type { LessonsRequests, RunRequests } from '../contract';
import { CoreError } from '../errors';
import { LessonLibrary } from '../lessons/lesson-library';
import { publicLesson } from '../lessons/public-lesson';
import { ProgressStore } from '../progress/progress-store';
import { RunService, type RunServiceOptions } from './run-service';

type Names = keyof LessonsRequests | keyof RunRequests;

const lessonId = z.string().min(1).max(200);
const step = z.number().int().min(0).max(1000);
/** Ids of objects made outside Dockside's terminal that the learner ticked for removal. */
const alsoRemove = z.array(z.string().min(1).max(200)).max(500);

const schemas = {
  lesson: z.object({ lessonId }),
  start: z.object({ lessonId, restart: z.boolean().optional() }),
  step: z.object({ step }),
  reset: z.object({ step, alsoRemove }).partial({ alsoRemove: true }),
  resetLesson: z.object({ alsoRemove }).partial().optional(),
  removeConflicts: z.object({
    lessonId,
    keys: z.array(z.string().min(1).max(200)).max(100),
    confirmed: z.literal(true, {
      error: 'removing anything the lesson did not create needs the learner to confirm it (confirmed: true)',
    }),
  }),
};

function parse<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new CoreError('BAD_REQUEST', `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
}

export interface LessonsServices extends Service<Names> {
  library: LessonLibrary;
  progress: ProgressStore;
  runs: RunService;
}

export function createLessonsServices(context: CoreContext, options: RunServiceOptions = {}): LessonsServices {
  const library = new LessonLibrary(context.paths.lessonsDir);
  const progress = new ProgressStore(context.paths.dataDir);
  const runs = new RunService(context, library, progress, options);
  library.watch();
  const stopCatalog = library.onChange((catalog) => context.hub.broadcast('catalog.changed', catalog));
  const stopProgress = progress.onChange((summary) => context.hub.broadcast('progress.changed', summary));
  return {
    library,
    progress,
    runs,
    handlers: {
      'lessons.catalog': () => library.catalog(),
      'lessons.get': (params) => publicLesson(library.require(parse(schemas.lesson, params).lessonId)),
      'run.preflight': (params) => runs.preflight(parse(schemas.lesson, params).lessonId),
      'run.start': (params) => {
        const { lessonId: id, restart } = parse(schemas.start, params);
        return runs.start(id, restart ?? false);
      },
      'run.state': () => runs.state(),
      'run.stop': () => runs.stop(),
      'run.resetStep': (params) => {
        const { step: index, alsoRemove: ticked } = parse(schemas.reset, params);
        return runs.resetStep(index, ticked ?? []);
      },
      'run.resetLesson': (params) => runs.resetLesson(parse(schemas.resetLesson, params)?.alsoRemove ?? []),
      'run.removeConflicts': (params) => {
        const { lessonId: id, keys } = parse(schemas.removeConflicts, params);
        return runs.removeConflicts(id, keys);
      },
      'run.revealHint': (params) => runs.revealHint(parse(schemas.step, params).step),
      'run.objects': () => runs.objects(),
      'progress.get': () => progress.summary(),
    },
    notices: () => (progress.notice ? [progress.notice] : []),
    dispose: async () => {
      stopCatalog();
      stopProgress();
      library.unwatch();
      await runs.dispose();
    },
  };
}
