/**
 * (a) Watch event → step passed, on a real API server: a lesson of CHANGES steps, step i wanting
 * config map `probe` to hold n=i; the bench writes n=i through the API and times the step's
 * passed event from the moment the watch event arrived in core (and from the write's start).
 */
import type { Standalone } from '../../electron/core/authoring/standalone-context';
import type { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { startClusterRun } from '../../tests/cluster/helpers/cluster-run';
import type { LessonCluster } from '../../tests/cluster/helpers/lesson-cluster';
import { median, ms, percentile } from '../stats';

const CHANGES = 40;

function latencyLesson(): string {
  const steps = Array.from({ length: CHANGES }, (_, i) =>
    [
      `## Change ${i + 1}`,
      '```check',
      `configMap: { name: probe, data: { n: "${i}" } }`,
      '```',
      '```solution',
      'true',
      '```',
      '',
    ].join('\n'),
  );
  const head = ['---', 'id: bench/kube-latency', 'title: Latency', 'summary: bench', 'track: bench', 'order: 1', 'minutes: 1'];
  return [...head, 'requires: [kubernetes]', '---', '', ...steps].join('\n');
}

export async function measureWatchLatency(lesson: LessonCluster, standalone: Standalone, watches: ClusterWatches): Promise<void> {
  const arrivals = new Map<string, number>();
  const stop = watches.subscribe({
    change: ({ object }) => {
      const n = (object as { data?: Record<string, string> }).data?.n;
      if (object.metadata?.name === 'probe' && n !== undefined && !arrivals.has(n)) arrivals.set(n, performance.now());
    },
  });
  const { namespace } = lesson;
  const core = lesson.connection.core;
  const { run, steps } = await startClusterRun(latencyLesson(), lesson, standalone, watches, () => performance.now());
  const fromArrival: number[] = [];
  const fromWrite: number[] = [];
  try {
    for (let i = 0; i < CHANGES; i += 1) {
      const body = { metadata: { name: 'probe', namespace }, data: { n: String(i) } };
      const wrote = performance.now();
      if (i === 0) await core.createNamespacedConfigMap({ namespace, body });
      else await core.replaceNamespacedConfigMap({ name: 'probe', namespace, body });
      const deadline = wrote + 5000;
      let passed: number | undefined;
      while (passed === undefined && performance.now() < deadline) {
        passed = steps.find((s) => s.state.index === i && s.state.status === 'passed')?.at;
        if (passed === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      const arrived = arrivals.get(String(i));
      if (passed === undefined || arrived === undefined) throw new Error(`step ${i + 1} did not pass within 5 s of its write`);
      fromArrival.push(passed - arrived);
      fromWrite.push(passed - wrote);
    }
  } finally {
    run.stop();
    stop();
  }
  console.log(`(a) watch event -> step passed event, over ${CHANGES} config map changes`);
  const line = (what: string, values: number[]) =>
    `    ${what}: p50 ${ms(median(values))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;
  console.log(`${line("from the watch event's arrival in core", fromArrival)}   (goal: p95 <= 100 ms)`);
  console.log(line('from the start of the API write', fromWrite));
}
