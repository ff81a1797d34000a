/**
 * What the proxy reads from the engine's answers: which calls create something, the ids in
 * their JSON and progress streams (split anywhere across chunks), and BuildKit's image id in
 * the raw bytes of a /grpc stream.
 */
import { describe, expect, it } from 'vitest';
import { classifyCall } from '../../electron/core/engine-proxy/api-call';
import { BuildkitImageScan } from '../../electron/core/engine-proxy/buildkit-scan';
import { CallRecorder } from '../../electron/core/engine-proxy/call-recorder';
import type { LedgerRecord } from '../../electron/core/engine-proxy/terminal-ledger';

const ID = `sha256:${'ab'.repeat(32)}`;

function record(method: string, url: string, status: number, body: string, chunk = 7) {
  const records: LedgerRecord[] = [];
  const named: string[] = [];
  const containers: string[] = [];
  const call = classifyCall(method, url);
  if (!call) return null;
  const recorder = new CallRecorder(call, status, {
    record: (r) => records.push(r),
    containerMade: (id) => containers.push(id),
    imageNamed: (ref) => named.push(ref),
  });
  const bytes = Buffer.from(body);
  for (let i = 0; i < bytes.length; i += chunk) recorder.data(bytes.subarray(i, i + chunk));
  recorder.end();
  return { records, named, containers };
}

describe('the creating calls', () => {
  it('are told from the request line, with or without the API version', () => {
    expect(classifyCall('POST', '/v1.41/containers/create?name=web')).toEqual({ kind: 'container-create' });
    expect(classifyCall('POST', '/images/create?fromImage=busybox&tag=1.36')).toEqual({ kind: 'pull', refs: ['busybox:1.36'] });
    expect(classifyCall('POST', '/v1.47/images/localhost:5000/app/tag?repo=me/app&tag=2')).toEqual({
      kind: 'tag',
      refs: ['me/app:2'],
    });
    expect(classifyCall('POST', '/build?t=a:1&t=b:2')).toEqual({ kind: 'build', refs: ['a:1', 'b:2'] });
    expect(classifyCall('GET', '/containers/json')).toBeNull();
    expect(classifyCall('POST', '/containers/abc/start')).toBeNull();
  });

  it('record ids from JSON answers, split across chunks', () => {
    expect(record('POST', '/v1.41/containers/create', 201, '{"Id":"c1","Warnings":[]}')).toEqual({
      records: [{ type: 'container', id: 'c1' }],
      named: [],
      containers: ['c1'],
    });
    expect(record('POST', '/volumes/create', 201, '{"Name":"data","Driver":"local"}')?.records).toEqual([
      { type: 'volume', id: 'data' },
    ]);
    expect(record('POST', '/networks/create', 201, '{"Id":"n1","Warning":""}')?.records).toEqual([{ type: 'network', id: 'n1' }]);
    expect(record('POST', '/commit?repo=me/app&tag=1', 201, `{"Id":"${ID}"}`)).toMatchObject({
      records: [{ type: 'image', id: ID }],
      named: ['me/app:1'],
    });
  });

  it('record nothing from an error answer or a failed stream', () => {
    expect(record('POST', '/containers/create', 409, '{"message":"Conflict"}')?.records).toEqual([]);
    const pull = record(
      'POST',
      '/images/create?fromImage=nope',
      200,
      '{"status":"Pulling"}\r\n{"errorDetail":{"message":"x"},"error":"x"}\r\n',
    );
    expect(pull).toEqual({ records: [], named: [], containers: [] });
  });

  it('read build, pull and load progress line by line', () => {
    const build = record(
      'POST',
      '/build?t=app:1',
      200,
      `{"stream":"Step 1/2"}\r\n{"aux":{"ID":"${ID}"}}\r\n{"stream":"Successfully built"}\r\n`,
    );
    expect(build).toEqual({ records: [{ type: 'image', id: ID }], named: ['app:1'], containers: [] });
    const load = record(
      'POST',
      '/images/load',
      200,
      `{"stream":"Loaded image: busybox:latest\\n"}\r\n{"stream":"Loaded image ID: ${ID}\\n"}`,
    );
    expect(load).toEqual({ records: [{ type: 'image', id: ID }], named: ['busybox:latest'], containers: [] });
    expect(record('POST', '/images/create?fromImage=busybox&tag=latest', 200, '{"status":"Done"}\r\n')?.named).toEqual([
      'busybox:latest',
    ]);
  });
});

describe("BuildKit's answer on /grpc", () => {
  it('yields the image id after containerimage.digest, wherever the chunks split, once', () => {
    const frame = Buffer.concat([
      Buffer.from([0, 0, 0x51, 0, 4]),
      Buffer.from('\x15containerimage.digest\x12G', 'latin1'),
      Buffer.from(ID),
      Buffer.from('\x0aimage.name\x12\x05app:1'),
    ]);
    for (const split of [3, 10, 30, 50, frame.length]) {
      const found: string[] = [];
      const scan = new BuildkitImageScan((id) => found.push(id));
      for (let i = 0; i < frame.length; i += split) scan.data(frame.subarray(i, i + split));
      scan.data(frame);
      expect(found).toEqual([ID]);
    }
  });
});
