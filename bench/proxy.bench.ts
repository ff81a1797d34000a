/**
 * The terminal's engine proxy beside the engine's own socket, in one run (issue 12): each figure
 * alternates rounds direct / through the proxy, and reports medians and the ratio.
 *   (a) `docker run --rm busybox true` x20 and `docker exec` round trips: rate (goal >= 0.95x);
 *   (b) `docker cp` of 200 MB out of a container, and `docker save` of a 200 MB image:
 *       throughput (goal >= 0.9x);
 *   (c) an interactive `docker exec -it ... sh` on a pty: keystroke echo p95 (goal within 5 ms).
 * The proxy runs in this process, as it does in core's.
 */
import { spawn } from 'node:child_process';
import * as pty from 'node-pty';
import { EngineProxy } from '../electron/core/engine-proxy/engine-proxy';
import { TerminalLedger } from '../electron/core/engine-proxy/terminal-ledger';
import { fromHost } from '../electron/core/engine/endpoint';

const DIRECT = 'unix:///var/run/docker.sock';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MB = 1024 * 1024;
const id = Math.random().toString(36).slice(2, 8);
const box = `dockside-bench-proxy-${id}`;
const bigImage = `dockside-bench/proxy-save-${id}:1`;

type Mode = 'direct' | 'proxy';
let proxyHost = '';
const hostOf = (mode: Mode) => (mode === 'direct' ? DIRECT : proxyHost);

/** Run docker against one host; resolves with the elapsed ms and the bytes it wrote to stdout. */
function timed(mode: Mode, args: string[]): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('docker', args, {
      env: { ...process.env, DOCKER_HOST: hostOf(mode) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve({ ms: performance.now() - started, bytes }) : reject(new Error(`docker ${args.join(' ')}: ${err}`)),
    );
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const median = (values: number[]) => percentile(values, 50);
const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);

/** Alternate rounds (direct, proxy, direct, ...) so drift on a shared machine hits both alike. */
async function alternate<T>(round: (mode: Mode) => Promise<T>): Promise<Record<Mode, T[]>> {
  const results: Record<Mode, T[]> = { direct: [], proxy: [] };
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const mode of i % 2 === 0 ? (['direct', 'proxy'] as const) : (['proxy', 'direct'] as const))
      results[mode].push(await round(mode));
  }
  return results;
}

async function rate(label: string, args: string[], count: number, goal: number): Promise<void> {
  const rounds = await alternate(async (mode) => {
    const started = performance.now();
    for (let i = 0; i < count; i += 1) await timed(mode, args);
    return (count * 1000) / (performance.now() - started);
  });
  const direct = median(rounds.direct);
  const proxied = median(rounds.proxy);
  console.log(
    `    ${label}: direct ${f(direct)}/s, proxy ${f(proxied)}/s -> ${f(proxied / direct)}x (goal >= ${goal}x; ${ROUNDS} rounds of ${count})`,
  );
}

async function throughput(label: string, args: string[], goal: number): Promise<void> {
  const rounds = await alternate(async (mode) => {
    const { ms, bytes } = await timed(mode, args);
    return bytes / MB / (ms / 1000);
  });
  const direct = median(rounds.direct);
  const proxied = median(rounds.proxy);
  console.log(`    ${label}: direct ${f(direct)} MB/s, proxy ${f(proxied)} MB/s -> ${f(proxied / direct)}x (goal >= ${goal}x)`);
}

/** Keystroke -> echo through `docker exec -it box sh` on a real pty, one key at a time. */
async function echoLatencies(mode: Mode, keys: number): Promise<number[]> {
  const env = { ...process.env, DOCKER_HOST: hostOf(mode) } as Record<string, string>;
  const term = pty.spawn('docker', ['exec', '-it', box, 'sh'], { cols: 80, rows: 24, env });
  let screen = '';
  let waiting: ((data: string) => void) | null = null;
  term.onData((data) => {
    screen += data;
    waiting?.(data);
  });
  while (!screen.includes('#')) await new Promise((resolve) => setTimeout(resolve, 20));
  const samples: number[] = [];
  for (let i = 0; i < keys; i += 1) {
    const key = 'abcdefghij'[i % 10]!;
    const echoed = new Promise<void>((resolve) => {
      waiting = (data) => {
        if (data.includes(key)) resolve();
      };
    });
    const started = performance.now();
    term.write(key);
    await echoed;
    samples.push(performance.now() - started);
    waiting = null;
    if (i % 40 === 39) term.write('\x15'); // Ctrl-U: keep the line short
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  term.write('\x15exit\r');
  await new Promise<void>((resolve) => term.onExit(() => resolve()));
  return samples;
}

async function setUp(): Promise<EngineProxy> {
  const proxy = new EngineProxy({ endpoint: () => fromHost(DIRECT, 'default', 'default', null), ledger: new TerminalLedger() });
  await proxy.listen();
  proxyHost = proxy.dockerHost;
  await timed('direct', ['run', '-d', '--name', box, 'busybox', 'sleep', '3600']);
  await timed('direct', ['exec', box, 'dd', 'if=/dev/urandom', 'of=/big.bin', 'bs=1M', 'count=200']);
  await timed('direct', ['commit', box, bigImage]);
  return proxy;
}

async function main(): Promise<void> {
  const proxy = await setUp();
  try {
    console.log('(a) request rate');
    await rate('docker run --rm busybox true', ['run', '--rm', 'busybox', 'true'], 20, 0.95);
    await rate('docker exec round trip', ['exec', box, 'true'], 20, 0.95);
    console.log('(b) throughput');
    await throughput('docker cp of 200 MB out of a container', ['cp', `${box}:/big.bin`, '-'], 0.9);
    await throughput('docker save of a 200 MB image', ['save', bigImage], 0.9);
    console.log('(c) interactive docker exec -it ... sh, keystroke -> echo');
    const echo = await alternate((mode) => echoLatencies(mode, 100));
    const direct = echo.direct.flat();
    const proxied = echo.proxy.flat();
    console.log(
      `    direct p50 ${f(percentile(direct, 50))} ms p95 ${f(percentile(direct, 95))} ms; proxy p50 ${f(percentile(proxied, 50))} ms p95 ${f(percentile(proxied, 95))} ms -> p95 +${f(percentile(proxied, 95) - percentile(direct, 95))} ms (goal <= 5 ms; ${direct.length} keys each)`,
    );
  } finally {
    proxy.close();
    await timed('direct', ['rm', '-f', box]).catch(() => undefined);
    await timed('direct', ['rmi', bigImage]).catch(() => undefined);
  }
}

await main();
