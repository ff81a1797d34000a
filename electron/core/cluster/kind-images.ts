/**
 * A kind cluster runs its own containerd, which cannot see the Docker engine's images: a lesson's
 * images are copied in with `kind load docker-image`, so the lesson works offline once they are on
 * the machine. Nothing is ever pulled here: an image the engine lacks is reported, not fetched.
 */
import { spawn } from 'node:child_process';

export interface KindImagePlan {
  cluster: string;
  /** In the engine: each copied into the cluster by its command. */
  load: { image: string; command: string[] }[];
  /** Not in the engine: the lesson's image prefetch brings them first. */
  missing: string[];
}

/** What to load into kind cluster `cluster` (the context `kind-<cluster>`); null for any other cluster. */
export function planKindImageLoads(context: string, images: readonly { name: string; present: boolean }[]): KindImagePlan | null {
  if (!context.startsWith('kind-')) return null;
  const cluster = context.slice('kind-'.length);
  const unique = [...new Map(images.map((image) => [image.name, image])).values()];
  return {
    cluster,
    load: unique
      .filter((image) => image.present)
      .map((image) => ({ image: image.name, command: ['kind', 'load', 'docker-image', image.name, '--name', cluster] })),
    missing: unique.filter((image) => !image.present).map((image) => image.name),
  };
}

export interface KindLoadProgress {
  image: string;
  /** 1-based position of this image, of `total`. */
  index: number;
  total: number;
  /** A line kind printed, or null when the image is done. */
  line: string | null;
}

/** Runs the plan's loads one after another, reporting each line; rejects with the first failure's sentence. */
export async function loadKindImages(
  plan: KindImagePlan,
  onProgress: (progress: KindLoadProgress) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const total = plan.load.length;
  for (const [i, { image, command }] of plan.load.entries()) {
    const report = (line: string | null) => onProgress({ image, index: i + 1, total, line });
    const [binary, ...args] = command as [string, ...string[]];
    const output: string[] = [];
    const code = await new Promise<number | string>((resolve) => {
      const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const onData = (chunk: Buffer) =>
        chunk
          .toString()
          .split('\n')
          .filter((line) => line.trim() !== '')
          .forEach((line) => {
            output.push(line);
            report(line);
          });
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      child.on('close', (exit) => resolve(exit ?? 'killed'));
    });
    if (code === 'ENOENT') throw new Error('kind is not installed, so the lesson images cannot be copied into the cluster');
    if (code !== 0)
      throw new Error(`copying ${image} into kind cluster ${plan.cluster} failed: ${output.at(-1) ?? `exit ${code}`}`);
    report(null);
  }
}
