/** The image check on the real engine: tag present or absent, layers, history, created during the run. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupDir, cli, evaluate, facts, LABEL, removeLabelled, suffix, tempDir } from './helpers/lessons-harness';

const s = suffix();
const repo = `dockside-lt/img-${s}`;
let id: string;
let dir: string;

beforeAll(() => {
  dir = tempDir('image');
  writeFileSync(join(dir, 'Dockerfile'), `FROM busybox\nRUN echo layer-${s} > /layer.txt\n`);
  cli('build', '-q', '--label', LABEL, '-t', `${repo}:1`, dir);
  id = cli('image', 'inspect', '-f', '{{.Id}}', `${repo}:1`);
});

afterAll(() => {
  removeLabelled();
  cleanupDir(dir);
});

describe('image check', () => {
  it('passes on tag, layers and a history entry, and explains each miss', async () => {
    const layers = Number(cli('image', 'inspect', '-f', '{{len .RootFS.Layers}}', `${repo}:1`));
    expect(await evaluate('image', { tag: `${repo}:1`, layers, history: `echo layer-${s}` })).toEqual({
      pass: true,
      explanation: `image ${repo}:1 exists and has ${layers} layers and has a history entry matching /echo layer-${s}/`,
    });
    expect(await evaluate('image', { tag: `${repo}:1`, layers: { max: 1 } })).toEqual({
      pass: false,
      explanation: `image ${repo}:1 exists but has ${layers} layers, but the lesson wants it to have at most 1 layer`,
    });
    expect((await evaluate('image', { tag: `${repo}:1`, history: 'apk add' })).explanation).toMatch(
      new RegExp(
        `^image ${repo}:1 exists but has no history entry matching /apk add/; its newest entry is "RUN /bin/sh -c echo layer-${s} > /layer.txt # buildkit"$`,
      ),
    );
  });

  it('says which tag is missing, and what the run created instead', async () => {
    const run = facts();
    run.createdNames = () => [`${repo}:1`];
    expect(await evaluate('image', { tag: `${repo}:2` }, run)).toEqual({
      pass: false,
      explanation: `there is no image tagged ${repo}:2 (the image you created during this lesson: ${repo}:1)`,
    });
  });

  it('tells an image built during the run from one that was there before', async () => {
    expect(await evaluate('image', { tag: `${repo}:1`, created: true }, facts({ created: new Set([id]) }))).toEqual({
      pass: true,
      explanation: `image ${repo}:1 exists and was built or tagged during this lesson`,
    });
    expect(await evaluate('image', { tag: `${repo}:1`, created: true }, facts())).toEqual({
      pass: false,
      explanation: `image ${repo}:1 exists but was not built or tagged during this lesson (it is from before you started: remove it with \`docker rmi ${repo}:1\` and build it again)`,
    });
  });

  it('normalises references: busybox is busybox:latest', async () => {
    expect(await evaluate('image', { tag: 'docker.io/library/busybox' })).toEqual({
      pass: true,
      explanation: 'image busybox:latest exists',
    });
  });

  it('checks absence', async () => {
    expect(await evaluate('image', { tag: `${repo}:1`, present: false })).toEqual({
      pass: false,
      explanation: `image ${repo}:1 still exists (${id.slice(7, 19)})`,
    });
    expect(await evaluate('image', { tag: `${repo}:9`, present: false })).toEqual({
      pass: true,
      explanation: `no image tagged ${repo}:9 exists`,
    });
  });
});
