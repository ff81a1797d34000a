/** `when:` in a check block: parsed and validated with the check, matched against the engine's product. */
import { describe, expect, it } from 'vitest';
import { engineKindOf, notApplicable } from '../../electron/core/checks/applies-when';
import type { EngineInfo } from '../../electron/core/contract';
import { parseCheckBlock } from '../../electron/core/lessons/check-block';

const engine = (product: string): EngineInfo => ({
  product,
  engineVersion: '1',
  apiVersion: '1.41',
  os: 'x',
  arch: 'amd64',
  name: 'n',
});

describe('parsing when', () => {
  it('keeps when beside the check it limits', () => {
    const parsed = parseCheckBlock(
      'file: { path: a.txt }\nwhen: { engine: [docker-engine], because: rootful engines keep uid 0 }',
      10,
    );
    expect('checks' in parsed && parsed.checks[0]!.when).toEqual({
      engine: ['docker-engine'],
      because: 'rootful engines keep uid 0',
    });
  });

  it('names the line and the allowed kinds for an unknown engine', () => {
    const parsed = parseCheckBlock('file: { path: a.txt }\nwhen: { engine: [macos] }', 10);
    expect('problems' in parsed && parsed.problems[0]).toMatchObject({ line: 11 });
    expect('problems' in parsed && parsed.problems[0]!.message).toMatch(
      /check\.when\.engine\[0\]: expected one of docker-engine, rootless/,
    );
  });
});

describe('matching engines', () => {
  it('reads the kind from the product the engine reports', () => {
    expect(engineKindOf('Docker Engine')).toBe('docker-engine');
    expect(engineKindOf('Docker Engine (rootless)')).toBe('rootless');
    expect(engineKindOf('Docker Desktop')).toBe('docker-desktop');
    expect(engineKindOf('Colima')).toBe('colima');
    expect(engineKindOf('Podman')).toBe('podman');
  });

  it('applies where listed, and explains where not', () => {
    const when = { engine: ['docker-engine' as const] };
    expect(notApplicable(when, engine('Docker Engine'))).toBeNull();
    expect(notApplicable(when, engine('Colima'))).toBe('does not apply on Colima: it is checked on Docker Engine only');
    expect(notApplicable(undefined, engine('Colima'))).toBeNull();
  });
});
