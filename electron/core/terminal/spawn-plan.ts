/**
 * How a terminal's shell is started: which shell, in which directory, with which environment
 * (the learner's login environment, DOCKER_HOST for the engine the checks read, and the shell
 * integration that reports commands). Planned afresh at every (re)start.
 */
import { mkdirSync } from 'node:fs';
import type { CoreContext } from '../context';
import { resolveEndpoint, type ResolvedEndpoint } from '../engine/endpoint';
import { TerminalProxies } from '../engine-proxy/terminal-proxies';
import { messageOf } from '../errors';
import { isClusterLessonId, lessonToolEnv } from '../cluster/lesson-tools';
import { workspaceDir } from '../workspace';
import { LoginEnvCache } from './login-env';
import type { SpawnPlan } from './pty-session';
import { buildSessionEnv } from './session-env';
import { chooseShell, lastResortShell } from './shell-choice';
import { ShellIntegration } from './shell-integration';

/** Plans spawns for one core; `dispose` removes the shell-integration scripts it wrote. */
export class SpawnPlanner {
  private readonly integration = new ShellIntegration();
  private readonly loginEnv: LoginEnvCache;
  /** Each session's docker goes through its own proxy, to whatever endpoint core uses at each request. */
  private readonly proxies: TerminalProxies;

  constructor(private readonly context: CoreContext) {
    this.proxies = new TerminalProxies(context.ledger, () => currentEndpoint(context).endpoint);
    this.loginEnv = new LoginEnvCache({ env: context.env, platform: context.platform });
    // Resolve the login environment (macOS) in the background now, so the first terminal is quick.
    void this.loginEnv.get();
  }

  plan(sessionId: string, lessonId: string | null): Promise<SpawnPlan> {
    return planFor(
      this.context,
      { loginEnv: this.loginEnv, integration: this.integration, proxies: this.proxies },
      sessionId,
      lessonId,
    );
  }

  /** The session ended: its engine proxy goes with it. */
  close(sessionId: string): void {
    this.proxies.close(sessionId);
  }

  dispose(): void {
    this.proxies.closeAll();
    this.integration.dispose();
  }
}

/**
 * The engine the checks read. Normally the live connection's; but right after the learner
 * switched endpoints the connection is still moving over, and a terminal opened then must get
 * the new one: so resolve as core does, and keep the live one when they agree (or when
 * resolving fails but the connection still works).
 */
function currentEndpoint(context: CoreContext): { endpoint: ResolvedEndpoint | null; problem: string | null } {
  const connected = context.engine.connected;
  let resolved: ResolvedEndpoint | null = null;
  let problem: string | null = null;
  try {
    resolved = resolveEndpoint({
      env: context.env,
      homeDir: context.paths.homeDir,
      platform: context.platform,
      chosen: context.settings.get().chosenEndpoint,
    });
  } catch (error) {
    problem = `DOCKER_HOST is not set in this terminal: ${messageOf(error)}`;
  }
  if (connected && (resolved === null || connected.endpoint.host === resolved.host))
    return { endpoint: connected.endpoint, problem: null };
  return { endpoint: resolved, problem };
}

function startDirectory(context: CoreContext, lessonId: string | null): { cwd: string; notice: string | null } {
  const home = context.paths.homeDir;
  if (lessonId === null) return { cwd: home, notice: null };
  const dir = workspaceDir(context.paths, lessonId);
  try {
    mkdirSync(dir, { recursive: true });
    return { cwd: dir, notice: null };
  } catch (error) {
    return {
      cwd: home,
      notice: `Could not create the lesson's workspace ${dir} (${messageOf(error)}); starting in ${home} instead.`,
    };
  }
}

interface Planners {
  loginEnv: LoginEnvCache;
  integration: ShellIntegration;
  proxies: TerminalProxies;
}

async function planFor(
  context: CoreContext,
  { loginEnv, integration, proxies }: Planners,
  sessionId: string,
  lessonId: string | null,
): Promise<SpawnPlan> {
  const { env: baseEnv, note } = await loginEnv.get();
  const shell = chooseShell(baseEnv.SHELL);
  const dir = startDirectory(context, lessonId);
  const { endpoint, problem } = currentEndpoint(context);
  const proxy = endpoint ? await proxies.planFor(sessionId, endpoint) : { proxyHost: null, notice: null };
  // macOS terminals start login shells, so the learner's profile runs as in Terminal.app.
  const launch = integration.launch(shell.path, { login: context.platform === 'darwin', env: baseEnv });
  const env = buildSessionEnv({
    base: baseEnv,
    endpoint,
    integration: launch.env,
    version: context.version,
    proxyHost: proxy.proxyHost,
  });
  // A cluster lesson's terminal reaches only the lesson's cluster, and its helm and k9s keep their
  // state in the workspace: the learner's own kubeconfig, repositories and k9s config stay as they are.
  if (lessonId && isClusterLessonId(lessonId)) Object.assign(env, lessonToolEnv(workspaceDir(context.paths, lessonId)));
  if (shell.path !== baseEnv.SHELL && env.SHELL !== undefined) env.SHELL = shell.path;
  return {
    shell: shell.path,
    args: launch.args,
    cwd: dir.cwd,
    env,
    integration: launch.integration,
    nonce: launch.nonce,
    dockerHost: endpoint?.host ?? null,
    engineProxy: proxy.proxyHost,
    notices: [note, shell.notice, dir.notice, problem, proxy.notice].filter((n): n is string => n !== null),
    fallbackShell: lastResortShell(shell.path),
  };
}
