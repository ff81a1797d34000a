/**
 * Image prefetch against the real engine: a present image is found, a missing one is pulled
 * through the engine from a registry on 127.0.0.1 with real per-layer progress, concurrent
 * callers share one pull, and an image that cannot be pulled says why in learner's words.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import type { EventName, Events, ImagePull, WireResult } from '../../electron/core/contract';
import { BaseClient } from '../../electron/core/rpc/client';
import { TinyRegistry } from '../helpers/tiny-registry';
import { until } from '../helpers/until';

/** Pulls from the test registry take longer than most waits. */
const PULL_MS = 20_000;

class RecordingClient extends BaseClient {
  readonly progress: ImagePull[] = [];
  protected send<E extends EventName>(event: E, payload: Events[E]): void {
    if (event === 'images.progress') this.progress.push(payload as ImagePull);
  }
  of(ref: string): ImagePull[] {
    return this.progress.filter((p) => p.ref === ref);
  }
}

function imageExists(ref: string): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let dataDir: string;
let core: Core;
let client: RecordingClient;
const pulled: string[] = [];

async function prefetch(images: unknown): Promise<WireResult<ImagePull[]>> {
  return (await core.handle('images.prefetch', { images }, client)) as WireResult<ImagePull[]>;
}

async function prefetchOk(images: string[]): Promise<ImagePull[]> {
  const outcome = await prefetch(images);
  if ('error' in outcome) throw new Error(outcome.error.message);
  return outcome.result;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-images-'));
  core = await createCore({ env: {}, dataDir, lessonsDir: join(dataDir, 'no-lessons'), version: 'test' });
  client = new RecordingClient('images-test');
  core.connect(client);
});

afterAll(async () => {
  await core.dispose();
  client.close();
  // Only the references this file pulled: their names carry a random suffix nobody else uses.
  for (const ref of pulled) if (imageExists(ref)) execFileSync('docker', ['rmi', ref], { stdio: 'ignore' });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('images.prefetch', () => {
  it('reports an image the engine already has as present, without pulling', async () => {
    const [busybox] = await prefetchOk(['busybox']);
    expect(busybox).toMatchObject({ image: 'busybox', ref: 'busybox:latest', phase: 'present', fraction: 1, error: null });
    expect(busybox!.layers).toEqual([]);
  });

  it('pulls a missing image through the engine with per-layer progress, and two callers share the pull', async () => {
    const tag = `t${randomBytes(4).toString('hex')}`;
    const registry = new TinyRegistry({ source: 'busybox:latest', as: `dockside-test/busybox:${tag}`, bytesPerSecond: 600_000 });
    await registry.start();
    const ref = registry.reference;
    pulled.push(ref);
    try {
      const [first, second] = await Promise.all([prefetchOk([ref]), prefetchOk([ref])]);
      expect(first[0]!.phase).toBe('pulling');
      expect(second[0]!.phase).toBe('pulling');

      const final = await until('the pull to finish', () => client.of(ref).find((p) => p.phase !== 'pulling'), PULL_MS);
      expect(final.phase).toBe('pulled');
      expect(final.fraction).toBe(1);
      expect(final.error).toBeNull();
      expect(imageExists(ref)).toBe(true);

      // Every layer of busybox (the official image has one) was downloaded, not found locally.
      const layerCount = (
        JSON.parse(
          execFileSync('docker', ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', 'busybox:latest'], {
            encoding: 'utf8',
          }),
        ) as string[]
      ).length;
      expect(final.layers).toHaveLength(layerCount);
      expect(final.layers.every((l) => l.phase === 'done')).toBe(true);
      // The engine reports a size only for a layer it showed downloading: a tiny layer can finish
      // before that. The layer with busybox's binary always does.
      expect(final.layers.some((l) => l.size > 500_000)).toBe(true);
      expect(final.size).toBeGreaterThan(500_000);

      const seen = client.of(ref);
      const midway = seen.filter((p) => p.fraction > 0 && p.fraction < 1);
      expect(midway.length).toBeGreaterThanOrEqual(3);
      expect(seen.some((p) => p.layers.some((l) => l.phase === 'downloading' && l.downloaded > 0 && l.downloaded < l.size))).toBe(
        true,
      );
      expect(seen.some((p) => p.layers.some((l) => l.phase === 'extracting'))).toBe(true);
      const fractions = seen.map((p) => p.fraction);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b)); // never goes backwards

      // One pull for both callers: each blob was sent once (a second pull would double this).
      expect(registry.bytesServed).toBeLessThan(final.size * 1.5);
      expect(registry.bytesServed).toBeGreaterThanOrEqual(final.size);

      // Asked again, it is simply present.
      const [again] = await prefetchOk([ref]);
      expect(again!.phase).toBe('present');
    } finally {
      await registry.stop();
    }
  });

  it('says clearly when the registry has no such image', async () => {
    const registry = new TinyRegistry({ source: 'busybox:latest', as: 'dockside-test/busybox:served' });
    await registry.start();
    const ref = `${registry.host}/dockside-test/busybox:not-there-${randomBytes(3).toString('hex')}`;
    try {
      const [state] = await prefetchOk([ref]);
      const final =
        state!.phase === 'failed'
          ? state!
          : await until('the failure', () => client.of(ref).find((p) => p.phase === 'failed'), PULL_MS);
      expect(final.error).toContain(`\`${ref}\` is not on this engine and could not be pulled`);
      expect(final.error).toMatch(/has no image by that name and tag/);
      expect(final.error).toMatch(/the engine said: .*manifest unknown/);
      expect(imageExists(ref)).toBe(false);
    } finally {
      await registry.stop();
    }
  });

  it('says clearly when the registry cannot be reached, and retries when asked again', async () => {
    // Port 1 on loopback: nothing listens there, the engine's connection is refused.
    const ref = `127.0.0.1:1/dockside-test/nothing:${randomBytes(3).toString('hex')}`;
    const [state] = await prefetchOk([ref]);
    const final =
      state!.phase === 'failed'
        ? state!
        : await until('the failure', () => client.of(ref).find((p) => p.phase === 'failed'), PULL_MS);
    expect(final.error).toMatch(/the registry 127\.0\.0\.1:1 cannot be reached from the engine/);
    expect(final.error).toMatch(/docker load -i/);
    const before = client.of(ref).length;
    await prefetchOk([ref]);
    await until('a second attempt', () => client.of(ref).length > before, PULL_MS);
  });

  it('refuses names that are not image references, and an empty list', async () => {
    for (const bad of [['busybox; rm -rf /'], ['UPPER/case'], [''], [], 'busybox', [42]]) {
      const outcome = await prefetch(bad);
      expect(outcome).toMatchObject({ error: { code: 'INVALID_PARAMS' } });
    }
  });
});
