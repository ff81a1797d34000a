/**
 * What Dockside's terminals made on the engine, as the engine answered the creating calls that
 * went through their proxies: container and network ids, volume names, and the ids of images
 * built, committed, loaded, pulled or tagged (references are resolved to ids by the proxy). Attribution asks it whether an object is the learner's
 * (made in Dockside's terminal) or was made by another client on the same engine.
 *
 * It outlives runs on purpose: an engine event may arrive before the proxy has read the
 * response, or after, and either order must end with the same answer.
 */
import type { EngineObjectType } from '../checks/kind';

export interface LedgerRecord {
  type: EngineObjectType;
  /** Container/network id, volume name, image id (sha256:...). */
  id: string;
}

/** Enough for hours of a learner's work; the oldest records go first past it. */
const MAX_RECORDS = 20_000;

export class TerminalLedger {
  private readonly ids = new Map<string, number>();
  private readonly listeners = new Set<(record: LedgerRecord) => void>();

  record(record: LedgerRecord): void {
    remember(this.ids, `${record.type}|${record.id}`);
    for (const listener of this.listeners) listener(record);
  }

  /** Made (or, for an image, tagged, pulled or loaded) through a terminal's proxy. */
  has(type: EngineObjectType, id: string): boolean {
    return this.ids.has(`${type}|${id}`);
  }

  /**
   * The object is gone. Volumes are known by name only: one made later under the same name by
   * another client must not pass for the learner's.
   */
  forget(type: EngineObjectType, id: string): void {
    this.ids.delete(`${type}|${id}`);
  }

  subscribe(listener: (record: LedgerRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function remember(map: Map<string, number>, key: string): void {
  map.delete(key);
  map.set(key, Date.now());
  if (map.size > MAX_RECORDS) map.delete(map.keys().next().value!);
}

/** Keep the ledger honest about names: a removed volume's name is free for anyone again. */
export function forgetRemovedVolumes(
  ledger: TerminalLedger,
  events: { subscribe(listener: (event: { type: string; action: string; id: string }) => void): () => void },
): () => void {
  return events.subscribe((event) => {
    if (event.type === 'volume' && event.action === 'destroy') ledger.forget('volume', event.id);
  });
}
