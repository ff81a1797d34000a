/** The compose check on the real engine: a project up with its services, then down with its images gone. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupDir, evaluate, facts, LABEL, removeLabelled, sh, suffix, tempDir } from './helpers/lessons-harness';

const s = suffix();
const project = `lt-compose-${s}`;
let dir: string;

beforeAll(() => {
  dir = tempDir('compose');
  writeFileSync(join(dir, 'Dockerfile'), `FROM busybox\nLABEL ${LABEL}\nRUN echo ${s} > /s\n`);
  writeFileSync(
    join(dir, 'compose.yaml'),
    [
      'services:',
      '  web:',
      '    build: .',
      '    command: sleep 300',
      '    init: true',
      `    labels: [${LABEL}]`,
      '  worker:',
      '    image: busybox',
      '    command: sh -c "exit 1"',
      `    labels: [${LABEL}]`,
    ].join('\n'),
  );
});

afterAll(() => {
  sh(`docker compose -p ${project} down --rmi local >/dev/null 2>&1`, dir);
  removeLabelled();
  cleanupDir(dir);
});

describe('compose check', () => {
  it('says a project is not up, then names the service that is not running', async () => {
    expect(await evaluate('compose', { project })).toEqual({
      pass: false,
      explanation: `Compose project ${project} is not up: it has no containers`,
    });
    const up = sh(`docker compose -p ${project} up -d 2>&1`, dir);
    expect(up.code).toBe(0);
    await new Promise((r) => setTimeout(r, 500)); // let worker exit
    expect(await evaluate('compose', { project, services: ['web', 'worker', 'db'] })).toEqual({
      pass: false,
      explanation: `Compose project ${project} is up but worker is not running and db has no container`,
    });
    expect(await evaluate('compose', { project, services: ['web'] })).toEqual({
      pass: true,
      explanation: `Compose project ${project} is up with web running`,
    });
  });

  it('selects a container by Compose service', async () => {
    const run = facts();
    run.createdDuringRun = () => true;
    expect(await evaluate('container', { compose: { project, service: 'worker' }, state: 'exited', exitCode: 1 }, run)).toEqual({
      pass: true,
      explanation: `container ${project}-worker-1 exited with code 1`,
    });
  });

  it('says what a project left behind when it should be down, then passes', async () => {
    const left = await evaluate('compose', { project, state: 'down', imagesRemoved: true });
    expect(left).toEqual({
      pass: false,
      explanation: `Compose project ${project} still has 2 containers, 1 network (${project}_default) and 1 image (${project}-web:latest)`,
    });
    expect(sh(`docker compose -p ${project} down 2>&1`, dir).code).toBe(0);
    expect(await evaluate('compose', { project, state: 'down', imagesRemoved: true })).toEqual({
      pass: false,
      explanation: `Compose project ${project} still has 1 image (${project}-web:latest)`,
    });
    expect(await evaluate('compose', { project, state: 'down' })).toEqual({
      pass: true,
      explanation: `Compose project ${project} is down (no containers, no networks)`,
    });
    // Compose forgets a project's images once its containers are gone; remove it by name.
    expect(sh(`docker rmi ${project}-web 2>&1`).code).toBe(0);
    expect(await evaluate('compose', { project, state: 'down', imagesRemoved: true })).toEqual({
      pass: true,
      explanation: `Compose project ${project} is down (no containers, no networks) and the images it built are removed`,
    });
  });
});
