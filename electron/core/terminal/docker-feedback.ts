/**
 * One sentence beside the current step when a docker command fails in the terminal, e.g.
 * "`docker run` exited 125: the name web is already in use". Read from the command line, its
 * exit code and the tail of what it printed; null when the command was not docker or succeeded.
 */
import { plainText } from './escape-sequences';

/** docker's management commands take a second word: `docker container run`, `docker compose up`. */
const GROUPS = new Set([
  'builder',
  'buildx',
  'compose',
  'config',
  'container',
  'context',
  'image',
  'manifest',
  'network',
  'node',
  'plugin',
  'secret',
  'service',
  'stack',
  'swarm',
  'system',
  'trust',
  'volume',
]);

/** Exit codes that mean the learner stopped it, not that it failed. */
const INTERRUPTED = new Set([130, 143]);

/** "docker run" from "sudo DOCKER_X=1 docker --context x run -d busybox"; null if not docker. */
export function dockerSubcommand(line: string): string | null {
  const words = line.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && (words[i] === 'sudo' || words[i] === 'command' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!))) i++;
  const program = words[i];
  if (program === undefined || !/(^|\/)docker$/.test(program)) return null;
  i++;
  // Global flags before the subcommand; those that take a value swallow the next word.
  const takesValue = new Set([
    '-c',
    '--context',
    '-H',
    '--host',
    '-l',
    '--log-level',
    '--config',
    '--tlscacert',
    '--tlscert',
    '--tlskey',
  ]);
  while (i < words.length && words[i]!.startsWith('-')) {
    if (takesValue.has(words[i]!)) i++;
    i++;
  }
  const first = words[i];
  if (first === undefined) return 'docker';
  const second = words[i + 1];
  if (GROUPS.has(first) && second !== undefined && !second.startsWith('-')) return `docker ${first} ${second}`;
  return `docker ${first}`;
}

interface Pattern {
  match: RegExp;
  explain: (m: RegExpMatchArray) => string;
}

const PATTERNS: Pattern[] = [
  { match: /container name "\/?([^"]+)" is already in use/, explain: (m) => `the name ${m[1]} is already in use` },
  {
    match: /Bind for [^\s]*?:(\d+) failed: port is already allocated/,
    explain: (m) => `port ${m[1]} on your machine is already taken by another container`,
  },
  {
    match: /listen tcp[^:]*:(\d+): bind: address already in use/,
    explain: (m) => `port ${m[1]} on your machine is already in use`,
  },
  { match: /No such container: ?(\S+)/, explain: (m) => `there is no container ${m[1]}` },
  { match: /No such image: ?(\S+)/, explain: (m) => `there is no image ${m[1]}` },
  { match: /No such volume: ?(\S+)/, explain: (m) => `there is no volume ${m[1]}` },
  { match: /network (\S+) not found/, explain: (m) => `there is no network ${m[1]}` },
  {
    match:
      /Unable to find image '([^']+)' locally[\s\S]*?(?:pull access denied|dial tcp|connection refused|no such host|i\/o timeout|TLS handshake)/,
    explain: (m) => `image ${m[1]} is not on this machine and could not be pulled`,
  },
  {
    match: /(?:stop the container before attempting removal|cannot remove a running container)/i,
    explain: () => 'the container is still running: stop it first, or remove it with -f',
  },
  { match: /is not running/, explain: () => 'the container is not running' },
  {
    match: /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running/,
    explain: (m) => `the engine at ${m[1]} is not answering`,
  },
  {
    match: /permission denied while trying to connect to the Docker daemon socket/,
    explain: () => "you lack permission to use the engine's socket",
  },
  { match: /docker: '([^']+)' is not a docker command/, explain: (m) => `docker has no command "${m[1]}"` },
  { match: /unknown (?:shorthand )?flag:? '?(-[^\s']+)/, explain: (m) => `unknown flag ${m[1]}` },
  {
    match: /executable file not found in \$PATH: unknown|exec: "([^"]+)": executable file not found/,
    explain: (m) => `the image has no program ${m[1] ?? 'by that name'}`,
  },
];

/** The last line that looks like an error, without docker's boilerplate prefixes. */
function lastErrorLine(text: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const errorLine = [...lines].reverse().find((l) => /error|denied|not found|invalid|failed|unknown|no such/i.test(l));
  if (!errorLine) return null;
  const cleaned = errorLine
    .replace(/^docker:\s*/, '')
    .replace(/^Error response from daemon:\s*/i, '')
    .replace(/^Error:\s*/i, '')
    .replace(/\.\s*See 'docker [^']*--help'\.?$/, '')
    .replace(/\.$/, '');
  return cleaned.length > 200 ? `${cleaned.slice(0, 197)}...` : cleaned;
}

export function explainFailedDockerCommand(line: string, exitCode: number | null, output: string): string | null {
  if (exitCode === null || exitCode === 0 || INTERRUPTED.has(exitCode)) return null;
  const subcommand = dockerSubcommand(line);
  if (subcommand === null) return null;
  const text = plainText(output);
  const known = PATTERNS.map((p) => ({ p, m: text.match(p.match) })).find((x) => x.m !== null);
  const reason = known ? known.p.explain(known.m!) : lastErrorLine(text);
  return `\`${subcommand}\` exited ${exitCode}${reason ? `: ${reason}` : ''}`;
}
