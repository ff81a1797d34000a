/**
 * Every request is validated against its schema in the contract before any handler runs: bad
 * params of any request name come back as INVALID_PARAMS with one line naming the field, and
 * never as INTERNAL or as a handler's own error.
 */
import { describe, expect, it } from 'vitest';
import { requestNames, type EventName, type Events, type RequestName } from '../../electron/core/contract';
import { BaseClient } from '../../electron/core/rpc/client';
import { dispatch, type Handlers } from '../../electron/core/rpc/dispatch';

class SilentClient extends BaseClient {
  protected send<E extends EventName>(_event: E, _payload: Events[E]): void {}
}

/** Handlers that record a call: none may be reached with malformed params. */
function recordingHandlers(calls: string[]): Handlers {
  return new Proxy({} as Handlers, {
    get: (_target, name) => () => {
      calls.push(String(name));
      return null;
    },
  });
}

/** Malformed for every request: no request takes a number, a string, an array, true or an unknown field. */
const malformedForAll: unknown[] = [42, 'text', [], true, { unexpected: 1 }];

/** For each request with params: one value wrong in a named field (the field the message must name). */
const wrongField: Partial<Record<RequestName, { params: unknown; field: string }>> = {
  'settings.update': { params: { terminalSplit: 'wide' }, field: 'terminalSplit' },
  'lessons.get': { params: { lessonId: 7 }, field: 'lessonId' },
  'run.preflight': { params: { lessonId: '' }, field: 'lessonId' },
  'run.start': { params: { lessonId: 'docker/x', restart: 'yes' }, field: 'restart' },
  'run.resetStep': { params: { step: -1 }, field: 'step' },
  'run.resetLesson': { params: { alsoRemove: 'all' }, field: 'alsoRemove' },
  'run.removeConflicts': { params: { lessonId: 'docker/x', keys: ['a'] }, field: 'confirmed' },
  'run.revealHint': { params: { step: 1.5 }, field: 'step' },
  'doctor.report': { params: { refresh: 'yes' }, field: 'refresh' },
  'doctor.chooseEndpoint': { params: { endpoint: { host: '' } }, field: 'endpoint.host' },
  'terminal.create': { params: { cols: 0 }, field: 'cols' },
  'terminal.input': { params: { id: 't-1', data: 42 }, field: 'data' },
  'terminal.ack': { params: { id: 't-1', chars: -5 }, field: 'chars' },
  'terminal.resize': { params: { id: 't-1', cols: 80, rows: 'many' }, field: 'rows' },
  'terminal.kill': { params: { id: '' }, field: 'id' },
  'terminal.restart': { params: {}, field: 'id' },
  'images.prefetch': { params: { images: ['busybox; rm -rf /'] }, field: 'images.0' },
  'cluster.choose': { params: { context: 'prod', typedName: 7 }, field: 'typedName' },
  'cluster.practice': { params: { action: 'recreate' }, field: 'action' },
  'cluster.loadImages': { params: { cluster: '--name', images: ['busybox'] }, field: 'cluster' },
};

describe('request params', () => {
  const client = new SilentClient('c');

  it.each(requestNames)('%s refuses malformed params with INVALID_PARAMS, before its handler', async (name) => {
    const calls: string[] = [];
    const cases = [
      ...malformedForAll.map((params) => ({ params, field: null })),
      ...(wrongField[name] ? [wrongField[name]] : []),
    ];
    for (const { params, field } of cases) {
      const outcome = await dispatch(recordingHandlers(calls), name, params, client);
      expect(outcome, `${name} with ${JSON.stringify(params)}`).toMatchObject({ error: { code: 'INVALID_PARAMS' } });
      const message = (outcome as { error: { message: string } }).error.message;
      expect(message.startsWith(`${name}: `)).toBe(true);
      expect(message).not.toContain('\n');
      if (field) expect(message).toContain(`: ${field}: `);
    }
    expect(calls).toEqual([]);
  });

  it('every request without a wrong-field case here takes no params at all', async () => {
    for (const name of requestNames.filter((n) => !wrongField[n])) {
      const outcome = await dispatch(recordingHandlers([]), name, { unexpected: 1 }, client);
      expect(outcome).toEqual({ error: { code: 'INVALID_PARAMS', message: `${name}: params: takes no parameters` } });
    }
  });

  it('lets valid params through to the handler, typed', async () => {
    const calls: string[] = [];
    const handlers = recordingHandlers(calls);
    expect(await dispatch(handlers, 'engine.status', undefined, client)).toEqual({ result: null });
    expect(await dispatch(handlers, 'run.start', { lessonId: 'docker/x' }, client)).toEqual({ result: null });
    expect(await dispatch(handlers, 'settings.update', { theme: 'dark' }, client)).toEqual({ result: null });
    expect(calls).toEqual(['engine.status', 'run.start', 'settings.update']);
  });

  it("keeps the context guard's answers out of settings.update: a remote context is picked only through cluster.choose", async () => {
    const calls: string[] = [];
    const patch = { kubeContextChoices: { prod: { context: 'prod', server: 'https://10.0.0.5' } } };
    const outcome = await dispatch(recordingHandlers(calls), 'settings.update', patch, client);
    expect(outcome).toMatchObject({ error: { code: 'INVALID_PARAMS' } });
    expect(calls).toEqual([]);
  });
});
