/**
 * The layout's two rules as a graph of the source (issue 11): no import cycle anywhere under
 * electron/ or renderer/ (type-only imports included: a cycle of types is still two files that
 * cannot be read apart), and core imports nothing from the shells (main, preload, web, cli).
 * ESLint checks the second per import; this checks the whole graph, which ESLint does not.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const SHELLS = ['electron/main/', 'electron/preload/', 'electron/web/', 'electron/cli/'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/** A relative specifier as TypeScript resolves it here; null for packages and assets. */
function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** file -> the files it imports (static, dynamic and re-exports; relative ones), paths from the repo root. */
function importGraph(): Map<string, string[]> {
  const files = [...sourceFiles(join(root, 'electron')), ...sourceFiles(join(root, 'renderer', 'src'))];
  const graph = new Map<string, string[]>();
  const specifiers = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const targets = [...source.matchAll(specifiers)]
      .map((match) => resolveRelative(file, (match[1] ?? match[2])!))
      .filter((target): target is string => target !== null)
      .map((target) => relative(root, target));
    graph.set(relative(root, file), targets);
  }
  return graph;
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('the import graph', () => {
  const graph = importGraph();

  it('reads the whole tree (the contract, core, the shells, the renderer)', () => {
    const files = [...graph.keys()];
    expect(files.length).toBeGreaterThan(200);
    for (const part of ['electron/core/contract/', 'electron/core/app.ts', 'electron/web/', 'renderer/src/app/'])
      expect(files.some((file) => file.startsWith(part))).toBe(true);
    // Resolution works: the app's assembly imports its services.
    expect(graph.get('electron/core/app.ts')).toContain('electron/core/services/engine.ts');
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the detector itself)', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has core import nothing from the shells', () => {
    const crossings = [...graph.entries()]
      .filter(([file]) => file.startsWith('electron/core/'))
      .flatMap(([file, targets]) =>
        targets.filter((t) => SHELLS.some((shell) => t.startsWith(shell))).map((t) => `${file} -> ${t}`),
      );
    expect(crossings).toEqual([]);
  });
});
