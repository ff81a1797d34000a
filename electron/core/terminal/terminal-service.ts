/**
 * The terminal's part of the contract. Sessions are keyed by id and belong to the client (window
 * or WebSocket) that created them: only that client may drive them, only it gets their output,
 * and they die when it closes — no orphaned shells. Finished commands go to the command feed
 * (the lesson runner's `command` checks read it) and to the owning client.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Service } from '../rpc/service';
import type { CoreContext } from '../context';
import type { RequestParams, TerminalRequests, TerminalSession } from '../contract';
import { resolveEndpoint, type ResolvedEndpoint } from '../engine/endpoint';
import { TerminalProxies } from '../engine-proxy/terminal-proxies';
import { CoreError, messageOf } from '../errors';
import type { Client } from '../rpc/client';
import { workspaceDir } from '../workspace';
import { explainFailedDockerCommand } from './docker-feedback';
import { LoginEnvCache } from './login-env';
import { PtySession, type SpawnPlan } from './pty-session';
import { buildSessionEnv } from './session-env';
import { chooseShell, lastResortShell } from './shell-choice';
import { ShellIntegration } from './shell-integration';

/** Bounds that keep one request from costing much: the UI sends far less. */
const MAX_SESSIONS_PER_CLIENT = 20;

interface Owned {
  session: PtySession;
  client: Client;
}

export interface TerminalServiceOptions {
  /** Test seam for the flow-control limits; the app uses VS Code's. */
  flowLimits?: ConstructorParameters<typeof PtySession>[0]['flowLimits'];
}

export function createTerminalService(
  context: CoreContext,
  options: TerminalServiceOptions = {},
): Service<keyof TerminalRequests> & {
  /** Sessions alive now, for tests and diagnostics. */
  readonly sessionCount: number;
} {
  const sessions = new Map<string, Owned>();
  const integration = new ShellIntegration();
  // Each session's docker goes through its own proxy, to whatever endpoint core uses at each request.
  const proxies = new TerminalProxies(context.ledger, () => currentEndpoint().endpoint);
  const loginEnv = new LoginEnvCache({ env: context.env, platform: context.platform });
  // Resolve the login environment (macOS) in the background now, so the first terminal is quick.
  void loginEnv.get();

  function owned(sessionId: string, client: Client): PtySession {
    const entry = sessions.get(sessionId);
    // Another client's session is reported exactly like a missing one: ids are not secrets, but
    // nothing about someone else's terminal leaks.
    if (!entry || entry.client !== client) throw new CoreError('TERMINAL_NOT_FOUND', `There is no terminal ${sessionId}.`);
    return entry.session;
  }

  /**
   * The engine the checks read. Normally the live connection's; but right after the learner
   * switched endpoints the connection is still moving over, and a terminal opened then must get
   * the new one: so resolve as core does, and keep the live one when they agree (or when
   * resolving fails but the connection still works).
   */
  function currentEndpoint(): { endpoint: ResolvedEndpoint | null; problem: string | null } {
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

  function startDirectory(lessonId: string | null): { cwd: string; notice: string | null } {
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

  async function planFor(sessionId: string, lessonId: string | null): Promise<SpawnPlan> {
    const { env: baseEnv, note } = await loginEnv.get();
    const shell = chooseShell(baseEnv.SHELL);
    const dir = startDirectory(lessonId);
    const { endpoint, problem } = currentEndpoint();
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

  function killAll(client: Client): void {
    for (const [sessionId, entry] of sessions) {
      if (entry.client !== client) continue;
      sessions.delete(sessionId);
      context.commands.ended(sessionId);
      entry.session.dispose();
      proxies.close(sessionId);
    }
  }
  const watchedClients = new WeakSet<Client>();

  async function create(params: RequestParams<'terminal.create'> | undefined, client: Client): Promise<TerminalSession> {
    const input = params ?? {};
    const mine = [...sessions.values()].filter((e) => e.client === client).length;
    if (mine >= MAX_SESSIONS_PER_CLIENT) {
      throw new CoreError('TERMINAL_LIMIT', `This window already has ${mine} terminals; close one first.`);
    }
    const sessionId = `t-${randomUUID()}`;
    const lessonId = input.lessonId ?? null;
    const session: PtySession = new PtySession({
      id: sessionId,
      lessonId,
      cols: input.cols ?? 80,
      rows: input.rows ?? 24,
      plan: () => planFor(sessionId, lessonId),
      flowLimits: options.flowLimits,
      callbacks: {
        data: (data) => client.emit('terminal.data', { id: sessionId, data }),
        exit: (exitCode, signal) => {
          context.commands.ended(sessionId);
          client.emit('terminal.exit', { id: sessionId, exitCode, signal });
        },
        started: () => client.emit('terminal.started', session.info),
        commandStarted: () => context.commands.started(sessionId),
        command: (tracked) => {
          const { outputTail, ...command } = tracked;
          context.commands.publish({ sessionId, ...command });
          client.emit('terminal.commandFinished', {
            sessionId,
            ...command,
            feedback: explainFailedDockerCommand(command.line, command.exitCode, outputTail),
          });
        },
      },
    });
    sessions.set(sessionId, { session, client });
    if (!watchedClients.has(client)) {
      watchedClients.add(client);
      client.onClose(() => killAll(client));
    }
    try {
      await session.start();
    } catch (error) {
      sessions.delete(sessionId);
      session.dispose();
      proxies.close(sessionId);
      throw new CoreError('TERMINAL_SPAWN_FAILED', `Could not start a shell: ${messageOf(error)}`);
    }
    // The client may have gone while the shell started: its close already ran.
    if (!sessions.has(sessionId)) {
      proxies.close(sessionId);
      throw new CoreError('TERMINAL_NOT_FOUND', 'The window closed while its terminal started.');
    }
    return session.info;
  }

  return {
    get sessionCount() {
      return sessions.size;
    },
    handlers: {
      'terminal.create': (params, client) => create(params, client),
      'terminal.input': (params, client) => {
        const { id: sessionId, data } = params;
        owned(sessionId, client).write(data);
      },
      'terminal.ack': (params, client) => {
        const { id: sessionId, chars } = params;
        owned(sessionId, client).acknowledge(chars);
      },
      'terminal.resize': (params, client) => {
        const { id: sessionId, cols, rows } = params;
        owned(sessionId, client).resize(cols, rows);
      },
      'terminal.kill': (params, client) => {
        const { id: sessionId } = params;
        const session = owned(sessionId, client);
        sessions.delete(sessionId);
        context.commands.ended(sessionId);
        session.dispose();
        proxies.close(sessionId);
      },
      'terminal.restart': async (params, client) => {
        const { id: sessionId } = params;
        const session = owned(sessionId, client);
        await session.restart();
        return session.info;
      },
      'terminal.list': (_params, client) =>
        [...sessions.values()].filter((entry) => entry.client === client).map((entry) => entry.session.info),
    },
    dispose: () => {
      for (const { session } of sessions.values()) session.dispose();
      sessions.clear();
      proxies.closeAll();
      integration.dispose();
    },
  };
}
