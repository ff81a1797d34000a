/** Images as containerd names them in a kind node, and `kind load docker-image`'s failures as one sentence each (kind v0.33.0's wording). */
import { describe, expect, it } from 'vitest';
import { describeKindLoadFailure } from '../../electron/core/cluster/kind-load-output';
import { containerdRef } from '../../electron/core/cluster/kind-node-images';

describe('containerdRef', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:musl', 'docker.io/library/busybox:musl'],
    ['me/app:1', 'docker.io/me/app:1'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['ghcr.io/me/app:2', 'ghcr.io/me/app:2'],
    ['busybox@sha256:' + 'a'.repeat(64), 'docker.io/library/busybox@sha256:' + 'a'.repeat(64)],
  ])('%s is %s', (image, ref) => expect(containerdRef(image)).toBe(ref));
});

describe('describeKindLoadFailure', () => {
  it('an image the engine lacks', () => {
    expect(describeKindLoadFailure('nginx:1.27', 'dockside', 'ERROR: image: "nginx:1.27" not present locally\n')).toBe(
      'Image nginx:1.27 is not on your Docker engine, so kind cannot copy it: pull it while you are online (docker pull nginx:1.27) and try again.',
    );
  });

  it('a cluster without a node container', () => {
    expect(describeKindLoadFailure('busybox', 'gone', 'ERROR: no nodes found for cluster "gone"\n')).toBe(
      'Kind cluster gone has no node container on your Docker engine (gone-control-plane is not there): create it again with `kind create cluster --name gone`, or use another cluster.',
    );
  });

  it('anything else: kind’s error and what the failing command printed', () => {
    const output = [
      'Image: "busybox:musl" with ID "sha256:654f" not yet present on node "x-control-plane", loading...',
      'ERROR: failed to detect containerd snapshotter: command "docker exec --privileged x-control-plane containerd config dump" failed with error: exit status 126',
      '',
      'Command Output: OCI runtime exec failed: exec failed: unable to start container process: unable to apply caps: operation not permitted: unknown',
      '',
      'Stack Trace: ',
    ].join('\n');
    expect(describeKindLoadFailure('busybox:musl', 'x', output)).toBe(
      'kind could not copy busybox:musl into cluster x: failed to detect containerd snapshotter: command "docker exec --privileged x-control-plane containerd config dump" failed with error: exit status 126 — OCI runtime exec failed: exec failed: unable to start container process: unable to apply caps: operation not permitted: unknown.',
    );
  });
});
