/**
 * `dockside doctor [--json]`: every Docker engine, cluster and tool on this machine, and how to
 * fix what is wrong. Exit code 0 when nothing is an error, 1 when something is, 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../core/contract';
import { formatReportText } from '../core/doctor/format-text';
import { runDoctor } from '../core/doctor/run-doctor';
import { defaultDataDir } from '../core/paths';

const usage = `usage: dockside doctor [--json]

  Finds your Docker endpoints (DOCKER_HOST, docker contexts, the usual sockets), kind clusters,
  kubeconfig contexts and tools, and prints one fix for each problem.

  --json    print the report as JSON`;

export async function runDoctorCli(argv: string[]): Promise<number> {
  const args = argv[0] === 'doctor' ? argv.slice(1) : argv;
  const unknown = args.filter((arg) => arg !== '--json' && arg !== '--help' && arg !== '-h');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  if (unknown.length > 0) {
    console.error(`dockside doctor: unknown argument ${unknown.map((a) => `"${a}"`).join(', ')}\n\n${usage}`);
    return 2;
  }
  const env = process.env;
  const homeDir = homedir();
  const report = await runDoctor({
    env,
    homeDir,
    platform: process.platform,
    chosen: chosenInApp(defaultDataDir(env, homeDir, process.platform)),
  });
  const color = process.stdout.isTTY === true && !('NO_COLOR' in env);
  await writeOut(args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${formatReportText(report, { color })}\n`);
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** Resolves once the text is handed to the OS: the caller exits right after, and a pipe may be asynchronous. */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

/**
 * The endpoint the learner picked in the app, so the report marks what Dockside uses. Read
 * only: the CLI never moves or rewrites the app's settings file, even a corrupt one.
 */
function chosenInApp(dataDir: string): Settings['chosenEndpoint'] {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { chosenEndpoint?: unknown };
    const chosen = raw.chosenEndpoint as { host?: unknown; context?: unknown } | null | undefined;
    if (!chosen || typeof chosen.host !== 'string') return null;
    return { host: chosen.host, ...(typeof chosen.context === 'string' ? { context: chosen.context } : {}) };
  } catch {
    return null;
  }
}
