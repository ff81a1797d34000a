/**
 * The contract's terminal domain: pty sessions running the learner's shell, and the commands it reports.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */

import { z } from 'zod';
import { noParams } from './params';

/** One terminal session. Sessions belong to the window or socket that created them and die with it. */
export interface TerminalSession {
  id: string;
  /** The lesson whose workspace it started in; null for a plain terminal in the home directory. */
  lessonId: string | null;
  /** The shell's path, e.g. /bin/bash; a fallback when the learner's $SHELL could not run. */
  shell: string;
  /** The directory it started in. */
  cwd: string;
  /** The shell's pid; null once it exited. */
  pid: number | null;
  running: boolean;
  /** Set once the shell exited. */
  exitCode: number | null;
  /** Which shell integration reports its commands (bash, zsh, fish), or null for none. */
  integration: 'bash' | 'zsh' | 'fish' | null;
  /** The engine the shell's docker talks to (the one the checks read); null when none resolved. */
  dockerHost: string | null;
  /**
   * The DOCKER_HOST the shell was given when it goes through the session's engine proxy (a
   * private socket forwarding to `dockerHost`); null when DOCKER_HOST names the engine itself.
   */
  engineProxy: string | null;
  cols: number;
  rows: number;
}

/** A command the learner ran in a terminal, as shell integration reported it. */
export interface TerminalCommand {
  sessionId: string;
  /** The command line as typed. */
  line: string;
  /** null when the shell reported none. */
  exitCode: number | null;
  cwd: string | null;
  /** Unix ms. */
  startedAt: number;
  endedAt: number;
  /** For a failed docker command, one sentence: "`docker run` exited 125: the name web is already in use". */
  feedback: string | null;
}

export interface TerminalRequests {
  /** Start a shell; in the lesson's workspace when `lessonId` is given. Size in character cells. */
  'terminal.create': { params: { lessonId?: string; cols?: number; rows?: number }; result: TerminalSession };
  /** Keystrokes or pasted text, written to the shell as-is (pastes are chunked by core). */
  'terminal.input': { params: { id: string; data: string }; result: void };
  /** The renderer confirms that xterm parsed `chars` more characters of this session's output. */
  'terminal.ack': { params: { id: string; chars: number }; result: void };
  'terminal.resize': { params: { id: string; cols: number; rows: number }; result: void };
  /** End the shell and forget the session. */
  'terminal.kill': { params: { id: string }; result: void };
  /** Start the session's shell afresh (same id); a running one is ended first. */
  'terminal.restart': { params: { id: string }; result: TerminalSession };
  /** This window's sessions. */
  'terminal.list': { params: void; result: TerminalSession[] };
}

export interface TerminalEvents {
  /** Output of one session, batched; sent only to the client that owns the session. */
  'terminal.data': { id: string; data: string };
  /** The shell exited; the pane shows how, and Enter restarts it. */
  'terminal.exit': { id: string; exitCode: number; signal: number | null };
  /** A session's shell (re)started: its new pid and integration. */
  'terminal.started': TerminalSession;
  /** The learner finished a command in one of this client's terminals. */
  'terminal.commandFinished': TerminalCommand;
}

/** The most text one `terminal.input` may carry: the UI sends far less (core chunks pastes). */
export const MAX_TERMINAL_INPUT_CHARS = 1_000_000;

const sessionId = z.string().min(1).max(100);
const cells = z.number().int().min(1).max(1000);

/** Each request's params, validated in core before its handler runs. */
export const terminalParams = {
  'terminal.create': z
    .object({
      lessonId: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9._/-]+$/, 'a lesson id holds letters, digits, ".", "_", "-" and "/"')
        .optional(),
      cols: cells.optional(),
      rows: cells.optional(),
    })
    .strict()
    .optional(),
  'terminal.input': z.object({ id: sessionId, data: z.string().max(MAX_TERMINAL_INPUT_CHARS) }).strict(),
  'terminal.ack': z.object({ id: sessionId, chars: z.number().int().min(0).max(100_000_000) }).strict(),
  'terminal.resize': z.object({ id: sessionId, cols: cells, rows: cells }).strict(),
  'terminal.kill': z.object({ id: sessionId }).strict(),
  'terminal.restart': z.object({ id: sessionId }).strict(),
  'terminal.list': noParams,
} satisfies { [N in keyof TerminalRequests]: z.ZodType };
