/**
 * `npx dockside doctor` on this machine, through the package's own bin (bin/dockside.js runs the
 * built out/main/cli.js — `npm test` builds first). The running engine must be reported as
 * reachable: the same engine `docker info` reaches.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DoctorReport } from '../../electron/core/contract';

const repoRoot = resolve(import.meta.dirname, '..', '..');
let dataDir: string;

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'out', 'main', 'cli.js'))) {
    throw new Error('out/main/cli.js is missing: run `npm run build` first (`npm test` does).');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-doctor-cli-'));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function npxDockside(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'npx',
      ['dockside', ...args],
      {
        cwd: repoRoot,
        // Offline: npx must run this package's own bin, never fetch a package of that name.
        // A fresh data dir: no choice made in the app on this machine changes the answer.
        env: { ...process.env, npm_config_offline: 'true', DOCKSIDE_DATA_DIR: dataDir, NO_COLOR: '1' },
        timeout: 60_000,
      },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

it('`npx dockside doctor --json` reports the running engine as reachable', async () => {
  const { code, stdout, stderr } = await npxDockside('doctor', '--json');
  expect(stderr).toBe('');
  const report = JSON.parse(stdout) as DoctorReport;
  const inUse = report.endpoints.find((e) => e.inUse);
  expect(inUse, stdout).toBeDefined();
  expect(inUse?.state).toBe('reachable');
  // The same engine the docker CLI reaches, by its ID.
  const engineId = execFileSync('docker', ['info', '--format', '{{.ID}}'], { encoding: 'utf8' }).trim();
  expect(inUse?.engine?.id).toBe(engineId);
  expect(inUse?.host).toBe(report.cli.host);
  expect(report.tools.find((t) => t.name === 'docker')?.version).toMatch(/^\d+\.\d+/);
  // Exit code 0: nothing on this machine stops Dockside from working.
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(code).toBe(0);
});

it('`npx dockside doctor` prints the same as text, and refuses an unknown flag', async () => {
  const text = await npxDockside('doctor');
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('Docker endpoints');
  expect(text.stdout).toMatch(/✔ unix:\/\/\S+/);
  expect(text.stdout).not.toContain('\u001b[');

  const bad = await npxDockside('doctor', '--bogus');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('unknown argument "--bogus"');
});
