/**
 * The objects a run created, as they are now, for the "live state" panel: one filtered list of
 * the run's containers, and an inspect (plus history) per image, volume and network it created.
 */
import type { LiveContainer, LiveImage, LiveNetwork, LiveObjects, LiveVolume } from '../contract';
import type { EngineReader } from '../checks/engine-reader';
import type { CreatedObject } from './attribution';

export async function readLiveObjects(
  reader: EngineReader,
  created: readonly CreatedObject[],
  ids: { runId: string; lessonId: string },
): Promise<LiveObjects> {
  const of = (type: CreatedObject['type']) => created.filter((o) => o.type === type);
  const stepOf = new Map(created.map((o) => [`${o.type}:${o.id}`, o.step]));
  const containerIds = of('container').map((o) => o.id);
  const listed = containerIds.length > 0 ? await reader.containers({ id: containerIds }) : [];
  const containers: LiveContainer[] = listed
    .filter((c) => containerIds.includes(c.Id))
    .map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
      image: c.Image,
      state: c.State,
      status: c.Status,
      ports: (c.Ports ?? [])
        .filter((p) => p.PublicPort !== undefined)
        .map((p) => ({ containerPort: `${p.PrivatePort}/${p.Type}`, hostIp: p.IP ?? '', hostPort: p.PublicPort })),
      step: stepOf.get(`container:${c.Id}`) ?? 0,
    }));

  const images = (
    await Promise.all(
      of('image').map(async (o): Promise<LiveImage | null> => {
        const info = await reader.image(o.id);
        if (!info) return null;
        const history = await reader.imageHistory(o.id);
        return {
          id: info.Id,
          tags: info.RepoTags ?? [],
          size: info.Size,
          layers: history.map((h) => ({ createdBy: h.CreatedBy, size: h.Size, comment: h.Comment })),
          step: o.step,
        };
      }),
    )
  ).filter((i): i is LiveImage => i !== null);

  const volumes = (
    await Promise.all(
      of('volume').map(async (o): Promise<LiveVolume | null> => {
        const info = await reader.volume(o.id);
        if (!info) return null;
        const users = await reader.containers({ volume: [o.id] });
        return {
          name: info.Name,
          driver: info.Driver,
          mountedBy: users.map((c) => (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '')),
          step: o.step,
        };
      }),
    )
  ).filter((v): v is LiveVolume => v !== null);

  const networks = (
    await Promise.all(
      of('network').map(async (o): Promise<LiveNetwork | null> => {
        const info = await reader.network(o.id);
        if (!info) return null;
        const attached = Object.values(info.Containers ?? {}).map((c) => (c as { Name: string }).Name);
        return { id: info.Id, name: info.Name, driver: info.Driver, containers: attached, step: o.step };
      }),
    )
  ).filter((n): n is LiveNetwork => n !== null);

  return { ...ids, containers, images, volumes, networks, at: Date.now() };
}
