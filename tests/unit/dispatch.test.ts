/** Requests cross the wire as `{ result }` or `{ error: { message, code } }`, never as a stack. */
import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../electron/core/contract';
import { CoreError } from '../../electron/core/errors';
import { BaseClient } from '../../electron/core/rpc/client';
import { dispatch, type Handlers } from '../../electron/core/rpc/dispatch';

class SilentClient extends BaseClient {
  readonly sent: EventName[] = [];
  protected send<E extends EventName>(event: E, _payload: Events[E]): void {
    this.sent.push(event);
  }
}

function handlersWith(status: () => unknown): Handlers {
  return { 'engine.status': status } as unknown as Handlers;
}

describe('dispatch', () => {
  const client = new SilentClient('c');

  it('wraps a result', async () => {
    expect(
      await dispatch(
        handlersWith(() => ({ state: 'connecting', endpoint: null })),
        'engine.status',
        undefined,
        client,
      ),
    ).toEqual({
      result: { state: 'connecting', endpoint: null },
    });
  });

  it('refuses an unknown request by name', async () => {
    expect(
      await dispatch(
        handlersWith(() => null),
        'shell.exec',
        {},
        client,
      ),
    ).toEqual({
      error: { message: 'unknown request "shell.exec"', code: 'UNKNOWN_REQUEST' },
    });
    expect(
      await dispatch(
        handlersWith(() => null),
        { toString: 1 },
        {},
        client,
      ),
    ).toMatchObject({ error: { code: 'UNKNOWN_REQUEST' } });
  });

  it('passes a CoreError through with its code', async () => {
    const outcome = await dispatch(
      handlersWith(() => {
        throw new CoreError('ENGINE_UNREACHABLE', 'The Docker engine is not reachable');
      }),
      'engine.status',
      undefined,
      client,
    );
    expect(outcome).toEqual({ error: { message: 'The Docker engine is not reachable', code: 'ENGINE_UNREACHABLE' } });
  });

  it('reports anything else as INTERNAL with its message only', async () => {
    const original = console.error;
    console.error = () => undefined; // the failure is logged in core; keep the test output clean
    try {
      const outcome = await dispatch(
        handlersWith(() => Promise.reject(new TypeError('boom'))),
        'engine.status',
        undefined,
        client,
      );
      expect(outcome).toEqual({ error: { message: 'boom', code: 'INTERNAL' } });
      expect(JSON.stringify(outcome)).not.toContain('at ');
    } finally {
      console.error = original;
    }
  });
});

describe('BaseClient', () => {
  it('sends nothing after it closed, and runs close listeners once', () => {
    const client = new SilentClient('c2');
    let closed = 0;
    client.onClose(() => closed++);
    client.emit('engine.changed', { state: 'connecting', endpoint: null });
    client.close();
    client.close();
    client.emit('engine.changed', { state: 'connecting', endpoint: null });
    expect(client.sent).toEqual(['engine.changed']);
    expect(closed).toBe(1);
  });
});
