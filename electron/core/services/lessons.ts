/**
 * The lessons part of the contract: the catalog, one lesson, the run and its resets, preflight,
 * hints, live objects and progress. Params arrive from the UI (in browser mode, from a socket):
 * each is validated before it reaches the run.
 */
import type { Service } from '../rpc/service';
import type { CoreContext } from '../context';
import { REMOVAL_NEEDS_CONFIRMATION, type KubeLiveRequests, type LessonsRequests, type RunRequests } from '../contract';
import { CoreError } from '../errors';
import { LessonLibrary } from '../lessons/lesson-library';
import { publicLesson } from '../lessons/public-lesson';
import { ProgressStore } from '../progress/progress-store';
import { RunService, type RunServiceOptions } from '../runner/run-service';

type Names = keyof LessonsRequests | keyof RunRequests | keyof KubeLiveRequests;

export interface LessonsServices extends Service<Names> {
  library: LessonLibrary;
  progress: ProgressStore;
  runs: RunService;
}

/** `library`: the lessons when core loaded them already; otherwise they are loaded here. */
export function createLessonsServices(
  context: CoreContext,
  options: RunServiceOptions = {},
  library = new LessonLibrary(context.paths.lessonsDir),
): LessonsServices {
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
      'lessons.get': (params) => publicLesson(library.require(params.lessonId)),
      'run.preflight': (params) => runs.preflight(params.lessonId),
      'run.start': (params) => runs.start(params.lessonId, params.restart ?? false),
      'run.state': () => runs.state(),
      'run.stop': () => runs.stop(),
      'run.resetStep': (params) => runs.resetStep(params.step, params.alsoRemove ?? []),
      'run.resetLesson': (params) => runs.resetLesson(params?.alsoRemove ?? []),
      'run.removeConflicts': (params) => {
        // Checked again here, not only in dispatch: nothing is removed without the learner's yes.
        if (params.confirmed !== true)
          throw new CoreError('INVALID_PARAMS', `run.removeConflicts: confirmed: ${REMOVAL_NEEDS_CONFIRMATION}`);
        return runs.removeConflicts(params.lessonId, params.keys);
      },
      'run.revealHint': (params) => runs.revealHint(params.step),
      'run.objects': () => runs.objects(),
      'run.kube': () => runs.kube(),
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
