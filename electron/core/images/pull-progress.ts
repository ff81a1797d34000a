/**
 * Fold the engine's pull progress messages (the JSON lines of `POST /images/create`) into the
 * state the UI draws: one entry per layer, and the image's fraction weighted by layer size.
 * Pure, so the arithmetic is tested without an engine.
 */
import type { ImageLayerPull, ImagePull } from '../contract';

/** One message of the engine's pull stream. */
export interface PullMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

/** Layer ids are short hex digests; other ids ("latest: Pulling from ...") describe the image. */
const LAYER_ID = /^[a-f0-9]{12,64}$/;

const DOWNLOAD_SHARE = 0.75;

export function startPull(image: string, ref: string, now: number): ImagePull {
  return {
    image,
    ref,
    phase: 'pulling',
    layers: [],
    fraction: 0,
    downloaded: 0,
    size: 0,
    error: null,
    startedAt: now,
    finishedAt: null,
  };
}

/** The image state after one message; a message about no layer leaves it unchanged. */
export function applyPullMessage(pull: ImagePull, message: PullMessage): ImagePull {
  const id = message.id;
  if (!id || !LAYER_ID.test(id) || !message.status) return pull;
  const index = pull.layers.findIndex((layer) => layer.id === id);
  const before: ImageLayerPull = pull.layers[index] ?? {
    id,
    phase: 'waiting',
    status: message.status,
    downloaded: 0,
    size: 0,
    fraction: 0,
  };
  const layer = nextLayer(before, message.status, message.progressDetail);
  const layers = index === -1 ? [...pull.layers, layer] : pull.layers.map((l, i) => (i === index ? layer : l));
  return { ...pull, layers, ...totals(layers) };
}

function nextLayer(layer: ImageLayerPull, status: string, detail: PullMessage['progressDetail']): ImageLayerPull {
  const current = detail?.current ?? 0;
  const total = detail?.total ?? 0;
  const size = total > 0 ? total : layer.size;
  switch (status) {
    case 'Pulling fs layer':
    case 'Waiting':
      return { ...layer, phase: 'waiting', status, fraction: 0 };
    case 'Downloading': {
      const downloaded = Math.min(current, size || current);
      const share = size > 0 ? downloaded / size : 0;
      return { ...layer, phase: 'downloading', status, downloaded, size, fraction: DOWNLOAD_SHARE * share };
    }
    case 'Verifying Checksum':
    case 'Download complete':
      return { ...layer, phase: 'verifying', status, downloaded: layer.size, fraction: DOWNLOAD_SHARE };
    case 'Extracting': {
      const share = total > 0 ? Math.min(current / total, 1) : 0;
      return {
        ...layer,
        phase: 'extracting',
        status,
        downloaded: layer.size,
        fraction: DOWNLOAD_SHARE + (1 - DOWNLOAD_SHARE) * share,
      };
    }
    case 'Pull complete':
    case 'Already exists':
      return { ...layer, phase: 'done', status, downloaded: layer.size, fraction: 1 };
    default:
      // Retrying, Download failed and friends: keep the numbers, show the engine's words.
      return { ...layer, status };
  }
}

/** Size-weighted progress; a layer whose size is not known yet weighs as much as the average known one. */
function totals(layers: ImageLayerPull[]): Pick<ImagePull, 'fraction' | 'downloaded' | 'size'> {
  const known = layers.filter((l) => l.size > 0);
  const average = known.length > 0 ? known.reduce((sum, l) => sum + l.size, 0) / known.length : 1;
  let weighted = 0;
  let weights = 0;
  for (const layer of layers) {
    const weight = layer.size > 0 ? layer.size : average;
    weighted += weight * layer.fraction;
    weights += weight;
  }
  return {
    fraction: weights > 0 ? weighted / weights : 0,
    downloaded: layers.reduce((sum, l) => sum + l.downloaded, 0),
    size: known.reduce((sum, l) => sum + l.size, 0),
  };
}

/** The state once the engine said the pull finished. */
export function finishPull(pull: ImagePull, now: number): ImagePull {
  const layers = pull.layers.map((l) => ({ ...l, phase: 'done' as const, fraction: 1, downloaded: l.size }));
  return { ...pull, phase: 'pulled', layers, ...totals(layers), fraction: 1, finishedAt: now };
}

export function failPull(pull: ImagePull, error: string, now: number): ImagePull {
  return { ...pull, phase: 'failed', error, finishedAt: now };
}
