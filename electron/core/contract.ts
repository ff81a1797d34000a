/**
 * THE contract between the UI and core.
 *
 * One map of requests (name -> params -> result) and one map of events (name -> payload).
 * The Electron IPC transport, the WebSocket transport and the renderer's `api` are all typed
 * from these two maps, so a change here is checked everywhere at once.
 *
 * This file is shared with the renderer: it must stay free of Node and electron imports,
 * and it holds types only (plus the list of request names the bridges need at run time).
 */

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/** Where the endpoint came from, in the order the docker CLI looks. */
export type EndpointSource = 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'currentContext' | 'default' | 'chosen';

export interface EngineEndpoint {
  /** As the docker CLI writes it: unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host */
  host: string;
  source: EndpointSource;
  /** The docker context name this endpoint belongs to ("default" when none). */
  context: string;
  tls: boolean;
}

export interface EngineInfo {
  /** "Docker Engine", "Docker Desktop", "Colima", "Podman", ... read from the engine's info. */
  product: string;
  engineVersion: string;
  /** The API version in use after negotiation (min of the engine's and the newest we tested). */
  apiVersion: string;
  os: string;
  arch: string;
  /** The engine's host name. */
  name: string;
}

export type EngineStatus =
  | { state: 'connecting'; endpoint: EngineEndpoint | null }
  | { state: 'connected'; endpoint: EngineEndpoint; info: EngineInfo; since: number }
  | {
      state: 'unreachable';
      endpoint: EngineEndpoint | null;
      /** One sentence: what went wrong. */
      error: string;
      /** Every place that was tried, in order, e.g. "unix:///var/run/docker.sock (default)". */
      tried: string[];
      /** How to fix it on this system. */
      fix: string;
      since: number;
    };

export interface EngineRequests {
  'engine.status': { params: void; result: EngineStatus };
}

export interface EngineEvents {
  /** The engine came, went, or changed: the whole new status. */
  'engine.changed': EngineStatus;
}

const engineRequestNames = ['engine.status'] as const;

// ---------------------------------------------------------------------------------------------
// App and settings
// ---------------------------------------------------------------------------------------------

export interface Settings {
  /** The endpoint the learner picked in the app; null means "resolve as the docker CLI does". */
  chosenEndpoint: { host: string; context?: string | undefined } | null;
  theme: 'system' | 'light' | 'dark';
  /** The lesson/terminal split, as the lesson pane's share of the width (0.15 to 0.85). */
  terminalSplit: number;
}

export interface AppInfo {
  version: string;
  platform: string;
  dataDir: string;
  /** Things the learner should know once, e.g. "your progress file was corrupt and kept aside". */
  notices: string[];
}

export interface AppRequests {
  'app.info': { params: void; result: AppInfo };
  'settings.get': { params: void; result: Settings };
  'settings.update': { params: Partial<Settings>; result: Settings };
}

export interface AppEvents {
  'settings.changed': Settings;
}

const appRequestNames = ['app.info', 'settings.get', 'settings.update'] as const;

// ---------------------------------------------------------------------------------------------
// Lessons, runs and progress
// ---------------------------------------------------------------------------------------------

/** What a lesson needs from the learner's machine (front matter `requires`). */
export type LessonRequirement = 'docker' | 'compose' | 'kubernetes' | 'network';

/** One lesson as the table of contents shows it. */
export interface LessonSummary {
  /** Stable id from the front matter, e.g. "docker/containers-101". */
  id: string;
  title: string;
  summary: string;
  /** The track it belongs to, e.g. "docker"; lessons are listed by track, then `order`. */
  track: string;
  order: number;
  /** Estimated minutes to finish. */
  minutes: number;
  /** Images the lesson uses (prefetched before it starts). */
  images: string[];
  requires: LessonRequirement[];
  stepCount: number;
  /** The Markdown file, relative to the lessons directory's parent, e.g. "lessons/docker/01-containers.md". */
  file: string;
}

/** A lesson file that could not be loaded; it is listed so the author (and learner) sees why. */
export interface BrokenLesson {
  file: string;
  /** 1-based line of the first problem. */
  line: number;
  /** The whole message, "lessons/docker/03-images.md:42: check.container.ports: expected a map like {80/tcp: 1111}". */
  error: string;
  /** The lesson's id when the front matter got far enough to have one. */
  id: string | null;
  title: string | null;
}

export interface LessonCatalog {
  /** Sorted by track, then order. */
  lessons: LessonSummary[];
  broken: BrokenLesson[];
}

/** A check as the lesson states it, before any evaluation: what the step wants. */
export interface CheckSummary {
  /** Unique within the step: "container", "container#2", ... */
  id: string;
  /** The check kind: container, image, volume, network, compose, exec, file, http, command, ... */
  kind: string;
  /** One sentence of what must be true, e.g. "container web is running and publishes 80/tcp on 1111". */
  wants: string;
  /** A live check keeps its step's state in step with the engine even after it passed. */
  live: boolean;
}

export interface LessonStep {
  index: number;
  /** Slug of the heading, unique within the lesson; progress is keyed by it. */
  id: string;
  title: string;
  /** The step's prose as Markdown, with its `sh` blocks in place and the check/hint/solution blocks taken out. */
  markdown: string;
  /** The contents of the step's `sh` blocks, in order: commands the learner may send to the terminal. */
  commands: string[];
  checks: CheckSummary[];
  /** How many hints exist; their text arrives one at a time through `run.revealHint`. */
  hintCount: number;
  /** The solution's commands (what `lessons:check` replays); the UI decides when to show them. */
  solution: string[];
}

export interface Lesson extends LessonSummary {
  /** Markdown before the first step (the lesson's introduction). */
  intro: string;
  steps: LessonStep[];
  /** Starter files copied into the workspace at run start, relative to it. */
  starterFiles: string[];
}

/**
 * pending: not reached yet · current: the step to do now, not attempted yet (its checks say
 * what is missing) · passed: done · failed: the step to do now after the learner acted on it
 * and it still does not hold (its checks name the nearest miss), or a `live` step that had
 * passed and no longer holds. `RunState.currentStep` tells the two kinds of failed apart.
 */
export type StepStatus = 'pending' | 'current' | 'passed' | 'failed';

/** One check's latest outcome. `pass` is null while not evaluated or while the engine is unreachable. */
export interface CheckState extends CheckSummary {
  pass: boolean | null;
  /** One sentence naming expected and actual: "container web is running but publishes 80/tcp on 8080, not 1111". */
  explanation: string;
}

export interface StepState {
  index: number;
  id: string;
  status: StepStatus;
  checks: CheckState[];
  /** Unix ms of the (latest) pass, null when not passed. */
  passedAt: number | null;
  /** The hints revealed so far, in order. */
  hints: string[];
  hintCount: number;
  /** Set when the step could not be evaluated (engine unreachable): an error, never a failed step. */
  error: string | null;
}

/** An engine object, named for the learner. */
export interface ObjectRef {
  type: 'container' | 'image' | 'volume' | 'network';
  id: string;
  /** Container/volume/network name, or an image's tag. */
  name: string;
}

/** An object created during a run, and who made it. */
export interface CreatedRef extends ObjectRef {
  /**
   * terminal: made in Dockside's terminal (its engine proxy saw the creating call): Reset removes it.
   * outside: made by another client on the same engine during the run (an IDE, a script, another
   * terminal): it counts for checks, but Reset removes it only when the learner ticks it.
   */
  origin: 'terminal' | 'outside';
  /** The step that was current when it appeared. */
  step: number;
}

export interface RunState {
  runId: string;
  lessonId: string;
  /** Unix ms the attempt began (kept across app restarts: progress stores the attempt). */
  startedAt: number;
  /** `complete` once every step passed. */
  status: 'active' | 'complete';
  /** Index of the current step, null when complete. */
  currentStep: number | null;
  steps: StepState[];
  /** Set while the engine cannot be read: evaluation is on hold, nothing counts as failed. */
  engineError: string | null;
  /** The lesson's workspace: the terminal starts there; `file` checks look there. */
  workspaceDir: string;
  /** What was created during this run so far (reset removes only these, and only while still the same object). */
  created: CreatedRef[];
}

/** Something on the learner's engine or machine that stands in the lesson's way. */
export interface PreflightConflict {
  /** The key to confirm removal with: the object's id, or "port:1111" for a port. */
  key: string;
  kind: 'container-name' | 'port' | 'volume-name' | 'network-name' | 'compose-project';
  /** The object in the way; null when a program outside Docker holds a port. */
  object: ObjectRef | null;
  /** One sentence: what is in the way, e.g. "you already have a container named web (exited)". */
  problem: string;
  /** What to do about it, e.g. "rename it with `docker rename web web-old`, or let Dockside remove it". */
  fix: string;
  /** Dockside can remove it, on the learner's explicit confirmation only. */
  removable: boolean;
}

export interface Preflight {
  lessonId: string;
  /** True when nothing stands in the way and the engine is reachable. */
  ok: boolean;
  conflicts: PreflightConflict[];
  /** The lesson's images and whether the engine has them. */
  images: { name: string; present: boolean }[];
  /** met: null when Dockside cannot tell here (the environment doctor can). */
  requirements: { name: LessonRequirement; met: boolean | null; detail: string }[];
  engineError: string | null;
}

export interface ResetResult {
  removed: ObjectRef[];
  /** What was left alone and why ("it is no longer the container this lesson created"). */
  kept: { object: ObjectRef; reason: string }[];
  /** Objects made outside Dockside's terminal that the learner did not tick: left as they are. */
  leftOutside: ObjectRef[];
  state: RunState;
}

export interface RemoveConflictsResult {
  removed: ObjectRef[];
  /** Keys that were not removed, with the reason (no longer a conflict, not removable, engine error). */
  skipped: { key: string; reason: string }[];
}

/** For the "live state" panel: the objects this run created, as they are now. */
export interface LiveContainer {
  id: string;
  name: string;
  image: string;
  /** created, running, paused, restarting, exited, dead */
  state: string;
  /** The engine's human status, e.g. "Up 3 seconds", "Exited (0) 2 seconds ago". */
  status: string;
  ports: { containerPort: string; hostIp: string; hostPort: number }[];
  /** The step that was current when it was created. */
  step: number;
}

export interface LiveImage {
  id: string;
  tags: string[];
  size: number;
  /** Newest first, as `docker history` shows them. */
  layers: { createdBy: string; size: number; comment: string }[];
  step: number;
}

export interface LiveVolume {
  name: string;
  driver: string;
  /** Names of the containers that mount it. */
  mountedBy: string[];
  step: number;
}

export interface LiveNetwork {
  id: string;
  name: string;
  driver: string;
  /** Names of the attached containers. */
  containers: string[];
  step: number;
}

export interface LiveObjects {
  runId: string;
  lessonId: string;
  containers: LiveContainer[];
  images: LiveImage[];
  volumes: LiveVolume[];
  networks: LiveNetwork[];
  /** Unix ms of this reading. */
  at: number;
}

export interface LessonProgress {
  lessonId: string;
  /** Step id -> unix ms it passed. */
  passed: Record<string, number>;
  /** Step id -> how many hints were revealed. */
  hintsRevealed: Record<string, number>;
  /** Unix ms the lesson was first completed, null until then. */
  completedAt: number | null;
  /** True while an attempt is under way (started and not complete or reset). */
  inProgress: boolean;
}

export interface ProgressSummary {
  lessons: LessonProgress[];
}

export interface LessonsRequests {
  'lessons.catalog': { params: void; result: LessonCatalog };
  /** A broken or unknown lesson fails with code LESSON_BROKEN / LESSON_NOT_FOUND. */
  'lessons.get': { params: { lessonId: string }; result: Lesson };
  /** What stands in the way before starting: same-named objects, taken ports, missing images. */
  'run.preflight': { params: { lessonId: string }; result: Preflight };
  /** Start (or resume) the lesson's run; it becomes the one active run. `restart` begins a new attempt. */
  'run.start': { params: { lessonId: string; restart?: boolean }; result: RunState };
  /** The active run, or null. */
  'run.state': { params: void; result: RunState | null };
  /** Stop evaluating (the learner left the lesson); the attempt stays in progress for later. */
  'run.stop': { params: void; result: void };
  /**
   * Remove what the learner made in Dockside's terminal while this step or a later one was
   * current, plus the objects made outside it whose ids are in `alsoRemove` (ticked by the
   * learner); make the step current again.
   */
  'run.resetStep': { params: { step: number; alsoRemove?: string[] }; result: ResetResult };
  /** Remove what the learner made in Dockside's terminal (and `alsoRemove`) and begin a new attempt. */
  'run.resetLesson': { params: { alsoRemove?: string[] } | void; result: ResetResult };
  /** Remove preflight conflicts; only with `confirmed: true`, sent after the learner said yes. */
  'run.removeConflicts': { params: { lessonId: string; keys: string[]; confirmed: true }; result: RemoveConflictsResult };
  /** Reveal the step's next hint; returns the step with its hints so far. */
  'run.revealHint': { params: { step: number }; result: StepState };
  'run.objects': { params: void; result: LiveObjects | null };
  'progress.get': { params: void; result: ProgressSummary };
}

export interface LessonsEvents {
  /** One step's state changed (status, a check's explanation, a hint revealed). */
  'run.step': { runId: string; lessonId: string; step: StepState };
  /** The whole run changed: started, reset, completed, engine lost or back, stopped (null). */
  'run.changed': RunState | null;
  /** The objects this run created changed. */
  'run.objects': LiveObjects;
  /** Lesson files changed on disk (authors editing lessons). */
  'catalog.changed': LessonCatalog;
  'progress.changed': ProgressSummary;
}

const lessonsRequestNames = [
  'lessons.catalog',
  'lessons.get',
  'run.preflight',
  'run.start',
  'run.state',
  'run.stop',
  'run.resetStep',
  'run.resetLesson',
  'run.removeConflicts',
  'run.revealHint',
  'run.objects',
  'progress.get',
] as const;

// ---------------------------------------------------------------------------------------------
// Environment doctor: every engine, cluster and tool the learner has, and how to fix problems
// ---------------------------------------------------------------------------------------------

/** How a probe of one Docker endpoint ended. */
export type DoctorEndpointState =
  | 'reachable'
  /** The socket file does not exist (or a symlink points nowhere). */
  | 'missing'
  /** The socket exists but nobody listens: a stopped engine left it behind. */
  | 'refused'
  /** The operating system refused us: permission denied. */
  | 'denied'
  | 'timeout'
  | 'failed';

export interface DoctorEngine {
  /** "Docker Engine", "Docker Desktop", "Colima", ... from the engine's info. */
  product: string;
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  name: string;
  /** The engine's ID: two sockets that lead to one engine share it. */
  id: string;
}

export interface DoctorEndpoint {
  /** As the docker CLI writes it: unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host */
  host: string;
  /** What usually lives there, e.g. "Colima (profile default)", "Docker Desktop", "Docker Engine". */
  label: string;
  /** How it was found: "DOCKER_HOST", "docker context colima", "known socket", "chosen in Dockside". */
  foundBy: string[];
  /** The docker contexts whose endpoint is this host. */
  contexts: string[];
  state: DoctorEndpointState;
  /** One sentence, when not reachable. */
  error?: string;
  engine?: DoctorEngine;
  probeMs: number;
  /** The docker CLI in a fresh shell would talk to it (DOCKER_HOST, DOCKER_CONTEXT, current context). */
  cliDefault: boolean;
  /** The learner picked it in Dockside. */
  chosen: boolean;
  /** What Dockside (its checks and new terminals) uses: the choice, else the CLI's default. */
  inUse: boolean;
}

export interface DoctorKindNode {
  name: string;
  role: string;
  /** The container's state: running, exited, ... */
  state: string;
}

export interface DoctorKindCluster {
  name: string;
  /** The endpoints whose engine runs this cluster's node containers. */
  endpoints: string[];
  nodes: DoctorKindNode[];
  running: boolean;
  /** The kubeconfig context kind writes for it (kind-<name>), when present. */
  kubeContext: string | null;
}

export interface DoctorKubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  /** The API server address. */
  server: string;
  current: boolean;
  /** The API server runs on this machine (127.0.0.1, localhost, ...). */
  local: boolean;
  /** Something answered HTTP at the API server (even a 401/403 counts). */
  answers: boolean;
  /** The HTTP status of GET /version, when it answered. */
  status?: number;
  /** The server's gitVersion, when /version was readable. */
  version?: string;
  error?: string;
}

export type DoctorToolName = 'docker' | 'compose' | 'buildx' | 'colima' | 'kind' | 'kubectl' | 'helm' | 'k9s';

export interface DoctorTool {
  name: DoctorToolName;
  /** Where it was found; null when it is not installed. */
  path: string | null;
  version: string | null;
  /** Why no version could be read, when it was found but did not answer. */
  error?: string;
}

export type DoctorProblemCode =
  | 'no-engine'
  | 'engine-stopped'
  | 'socket-permission-denied'
  | 'colima-stopped'
  | 'desktop-stopped'
  | 'desktop-default-socket-disabled'
  | 'context-dead-socket'
  | 'context-missing'
  | 'docker-config-invalid'
  | 'docker-host-unreachable'
  | 'endpoint-unreachable'
  | 'engine-too-old'
  | 'docker-cli-missing'
  | 'compose-missing'
  | 'buildx-missing'
  | 'kubectl-missing'
  | 'kind-missing'
  | 'kind-no-cluster'
  | 'kind-cluster-stopped'
  | 'kind-kubeconfig-missing'
  | 'kube-context-unreachable'
  | 'kubeconfig-invalid';

export interface DoctorProblem {
  code: DoctorProblemCode;
  /** error: Dockside cannot work; warning: something the learner has is broken or missing; info: a tip. */
  severity: 'error' | 'warning' | 'info';
  /** What it is about: an endpoint host, a context, a tool, a cluster. */
  subject: string;
  /** One sentence: what is wrong. */
  summary: string;
  /** One specific fix, for the learner's operating system. */
  fix: string;
  /** The command that fixes it, when the fix is one (shown with a copy button). */
  command?: string;
}

export interface DoctorReport {
  platform: string;
  generatedAt: number;
  durationMs: number;
  /** Where the PATH used to find tools came from (on macOS, the login shell's). */
  pathFrom: 'environment' | 'login shell' | 'environment and the usual directories';
  /** What the docker CLI resolves to in a fresh shell, as it would (error when it cannot). */
  cli: { host: string | null; source: EndpointSource | null; context: string | null; error?: string };
  /** The endpoint Dockside uses. */
  inUse: { host: string | null; chosen: boolean };
  endpoints: DoctorEndpoint[];
  kindClusters: DoctorKindCluster[];
  kubeconfig: { files: string[]; currentContext: string | null; error?: string };
  kubeContexts: DoctorKubeContext[];
  tools: DoctorTool[];
  problems: DoctorProblem[];
}

export interface DoctorRequests {
  /** The last report, or a fresh one when `refresh` is set or the last is old. */
  'doctor.report': { params: { refresh?: boolean }; result: DoctorReport };
  /**
   * Pick the endpoint Dockside uses (null: resolve as the docker CLI does again). Persists, and
   * resolves once the engine connection has followed the choice.
   */
  'doctor.chooseEndpoint': {
    params: { endpoint: { host: string; context?: string } | null };
    result: { chosenEndpoint: Settings['chosenEndpoint']; engine: EngineStatus };
  };
}

export interface DoctorEvents {
  /** A fresh report, to every window. */
  'doctor.updated': DoctorReport;
}

const doctorRequestNames = ['doctor.report', 'doctor.chooseEndpoint'] as const;

// ---------------------------------------------------------------------------------------------
// Terminal: pty sessions running the learner's shell, and the commands it reports
// ---------------------------------------------------------------------------------------------

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

const terminalRequestNames = [
  'terminal.create',
  'terminal.input',
  'terminal.ack',
  'terminal.resize',
  'terminal.kill',
  'terminal.restart',
  'terminal.list',
] as const;

// ---------------------------------------------------------------------------------------------
// Images: a lesson's images pulled through the engine before it starts, with real progress
// ---------------------------------------------------------------------------------------------

/**
 * checking: asking the engine whether it has the image · present: it had it already ·
 * pulling: the engine is pulling it · pulled: the pull finished · failed: missing and not pullable.
 */
export type ImagePullPhase = 'checking' | 'present' | 'pulling' | 'pulled' | 'failed';

/** One layer of a pull, as the engine's progress messages describe it. */
export interface ImageLayerPull {
  /** The layer's short id as the engine reports it (12 hex characters). */
  id: string;
  phase: 'waiting' | 'downloading' | 'verifying' | 'extracting' | 'done';
  /** The engine's own words: "Downloading", "Extracting", "Pull complete", "Already exists". */
  status: string;
  /** Bytes downloaded so far and the layer's download size (0 while the engine has not said). */
  downloaded: number;
  size: number;
  /** 0 to 1 for this layer: downloading counts three quarters, extracting the last quarter. */
  fraction: number;
}

export interface ImagePull {
  /** As the lesson names it, e.g. "busybox". */
  image: string;
  /** What is pulled, with its tag: "busybox:latest". */
  ref: string;
  phase: ImagePullPhase;
  /** In the order the engine announced them; empty for an image that was present. */
  layers: ImageLayerPull[];
  /** 0 to 1 over all layers known so far, weighted by their size; 1 once present or pulled. */
  fraction: number;
  /** Bytes downloaded and to download over the layers known so far. */
  downloaded: number;
  size: number;
  /** Set when failed: one paragraph for the learner, what went wrong and what to do. */
  error: string | null;
  /** Unix ms the pull began and ended (null while not begun or under way). */
  startedAt: number | null;
  finishedAt: number | null;
}

export interface ImagesRequests {
  /**
   * Make sure the engine has these images: the missing ones are pulled (a pull already under
   * way is joined, a failed one retried). Resolves at once with each image's state; progress
   * follows as `images.progress` events.
   */
  'images.prefetch': { params: { images: string[] }; result: ImagePull[] };
}

export interface ImagesEvents {
  /** One image's pull moved on (throttled to a few per second; the last state always arrives). */
  'images.progress': ImagePull;
}

const imagesRequestNames = ['images.prefetch'] as const;

// ---------------------------------------------------------------------------------------------
// The maps: every section joins here
// ---------------------------------------------------------------------------------------------

export interface Requests
  extends EngineRequests, AppRequests, LessonsRequests, DoctorRequests, TerminalRequests, ImagesRequests {}

export interface Events extends EngineEvents, AppEvents, LessonsEvents, DoctorEvents, TerminalEvents, ImagesEvents {}

export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestParams<N extends RequestName> = Requests[N]['params'];
export type RequestResult<N extends RequestName> = Requests[N]['result'];

/**
 * Every request name, at run time: the preload and the WebSocket client build the grouped
 * `api` object from it. `satisfies` plus the exhaustiveness check below keep it in step with
 * the `Requests` map.
 */
export const requestNames = [
  ...engineRequestNames,
  ...appRequestNames,
  ...lessonsRequestNames,
  ...doctorRequestNames,
  ...terminalRequestNames,
  ...imagesRequestNames,
] as const satisfies readonly RequestName[];

type Missing = Exclude<RequestName, (typeof requestNames)[number]>;
// If this line fails to compile, a request is missing from `requestNames`.
export const everyRequestListed: [Missing] extends [never] ? true : Missing = true;

// ---------------------------------------------------------------------------------------------
// The grouped api the renderer sees: `api.engine.status()`, `api.on('engine.changed', cb)`
// ---------------------------------------------------------------------------------------------

type GroupOf<N> = N extends `${infer G}.${string}` ? G : never;
export type RequestGroup = GroupOf<RequestName>;

type MethodsOf<G extends string> = {
  [N in RequestName as N extends `${G}.${infer M}` ? M : never]: RequestParams<N> extends void
    ? () => Promise<RequestResult<N>>
    : (params: RequestParams<N>) => Promise<RequestResult<N>>;
};

export type Unsubscribe = () => void;

export type DocksideApi = { [G in RequestGroup]: MethodsOf<G> } & {
  /** Subscribe to an event; call the returned function to stop. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  /** Which shell carries this api (for the About box and diagnostics, never for behaviour). */
  readonly transport: 'electron' | 'websocket';
};

/**
 * What the Electron preload exposes as `window.dockside`: the same groups, but each method
 * resolves to the wire result; renderer/src/api turns `{ error }` back into an `Error`.
 */
export type DocksideBridge = {
  [G in RequestGroup]: {
    [N in RequestName as N extends `${G}.${infer M}` ? M : never]: (
      params: RequestParams<N>,
    ) => Promise<WireResult<RequestResult<N>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
};

/** What crosses a transport when a request fails: rebuilt as an `Error` on the other side. */
export interface WireError {
  message: string;
  /** A stable code the UI may branch on, e.g. "ENGINE_UNREACHABLE". */
  code?: string;
}

export type WireResult<T> = { result: T } | { error: WireError };

// ---------------------------------------------------------------------------------------------
// The WebSocket wire (browser mode): JSON messages, one request/response pair per id.
//
// Terminal output (`terminal.data`) takes a second, faster channel: Chromium spends ~20 ms of CPU
// per MB receiving WebSocket messages and ~5 ms reading a streamed HTTP body, and a `cat` of a big
// file is bound by that CPU. So the socket's first message (`hello`) names an output stream; the
// page reads it with `fetch` from OUTPUT_STREAM_PATH?key=..., authenticated like every request
// (host + cookie) and by the key, which only that socket was told. The stream is a run of frames:
//   u8 id length | id (UTF-8) | u32 big-endian data length | data (UTF-8)
// each one `terminal.data` event. Everything else, acknowledgements included, stays on the socket.
// ---------------------------------------------------------------------------------------------

export const OUTPUT_STREAM_PATH = '/output';

export interface RequestMessage {
  type: 'request';
  id: number;
  name: RequestName;
  params: unknown;
}

export type ResponseMessage = { type: 'response'; id: number } & WireResult<unknown>;

export interface EventMessage {
  type: 'event';
  name: EventName;
  payload: unknown;
}

/**
 * The socket's first message: the key of its terminal-output stream (see above), or null when
 * this page gets its output on the socket instead — browsers allow only 6 connections per host,
 * and every stream holds one for as long as its page is open, so only the first few pages stream.
 */
export interface HelloMessage {
  type: 'hello';
  outputStream: string | null;
}

export type ServerMessage = ResponseMessage | EventMessage | HelloMessage;
