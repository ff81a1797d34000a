/** `job`: completed (or failed), how many pods succeeded, image. */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { containerImages, defineKubeKind, differs, imageMiss, kubeSpec } from './kube-objects';
import { plural } from './phrases';

const jobSpec = kubeSpec({
  complete: z.boolean().optional(),
  failed: z.boolean().optional(),
  succeeded: z.number().int().min(0).optional(),
  image: z.string().min(1).optional(),
});

type JobSpec = z.output<typeof jobSpec>;

interface Job extends KubeObject {
  spec?: { template?: { spec?: { containers?: unknown[] } } };
  status?: { succeeded?: number; failed?: number; active?: number; conditions?: Array<{ type: string; status: string }> };
}

function wanted(spec: JobSpec): string[] {
  return [
    ...(spec.complete !== undefined ? [spec.complete ? 'has completed' : 'has not completed'] : []),
    ...(spec.failed !== undefined ? [spec.failed ? 'has failed' : 'has not failed'] : []),
    ...(spec.succeeded !== undefined ? [`has ${plural(spec.succeeded, 'succeeded pod')}`] : []),
    ...(spec.image !== undefined ? [`runs ${spec.image}`] : []),
  ];
}

function condition(job: Job, type: string): boolean {
  return job.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

function state(job: Job): string {
  if (condition(job, 'Complete')) return 'has completed';
  if (condition(job, 'Failed')) return 'has failed';
  return `is running (${job.status?.active ?? 0} active, ${job.status?.succeeded ?? 0} succeeded, ${job.status?.failed ?? 0} failed)`;
}

function misses(spec: JobSpec, object: KubeObject): string[] {
  const job = object as Job;
  return [
    ...(spec.complete !== undefined && condition(job, 'Complete') !== spec.complete ? [state(job)] : []),
    ...(spec.failed !== undefined && condition(job, 'Failed') !== spec.failed ? [state(job)] : []),
    ...differs(job.status?.succeeded ?? 0, spec.succeeded, (v) => `has ${v} succeeded`),
    ...imageMiss(containerImages(job.spec?.template?.spec?.containers), spec.image),
  ].filter((miss, index, all) => all.indexOf(miss) === index);
}

export const jobCheck = defineKubeKind<JobSpec>({ name: 'job', resource: 'jobs', noun: 'job', schema: jobSpec, wanted, misses });
