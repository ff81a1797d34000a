/**
 * Every check kind Dockside knows. A new kind is one file beside this one exporting a
 * `CheckKind` (see kind.ts) and one line in this list; the loader's schema, the runner's
 * triggers and preflight's claims all come from here.
 */
import { commandCheck } from './command';
import { composeCheck } from './compose';
import { containerCheck } from './container';
import { execCheck } from './exec';
import { fileCheck } from './file';
import { httpCheck } from './http';
import { imageCheck } from './image';
import type { AnyCheckKind } from './kind';
import { networkCheck } from './network';
import { volumeCheck } from './volume';

export const checkKinds: readonly AnyCheckKind[] = [
  containerCheck,
  imageCheck,
  volumeCheck,
  networkCheck,
  composeCheck,
  execCheck,
  fileCheck,
  httpCheck,
  commandCheck,
];

const byName = new Map(checkKinds.map((kind) => [kind.name, kind]));

export function checkKind(name: string): AnyCheckKind {
  const kind = byName.get(name);
  if (!kind) throw new Error(`unknown check kind ${name}`);
  return kind;
}
