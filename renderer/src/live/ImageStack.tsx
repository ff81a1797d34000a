/**
 * An image drawn as what it is: a stack of layers, the oldest at the bottom. Each slab's width
 * grows with the layer's size (on a log scale, so a 2 kB layer is still visible beside a 50 MB
 * one); empty layers (metadata only, like CMD) are hairlines. Hover a slab for its command.
 */
import type { LiveImage } from '@contract';
import { formatBytes } from '../images/ImagePullList';

function shortCommand(createdBy: string): string {
  const text = createdBy
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .replace(/\s*# buildkit$/, '')
    .trim();
  return text.length > 70 ? `${text.slice(0, 69)}…` : text || '(no command)';
}

export function ImageStack({ image }: { image: LiveImage }) {
  const name = image.tags[0] ?? image.id.replace(/^sha256:/, '').slice(0, 12);
  const max = Math.max(1, ...image.layers.map((l) => l.size));
  const filesystem = image.layers.filter((l) => l.size > 0).length;
  return (
    <li className="live-card live-image" data-testid="live-image" data-name={name}>
      <div className="live-card-head">
        <span className="live-card-name">{name}</span>
        <span className="live-card-aside">{formatBytes(image.size)}</span>
      </div>
      <div className="live-image-body">
        <ol className="layer-stack" aria-label={`${image.layers.length} layers, ${filesystem} with files`}>
          {/* Newest first, as the engine lists them: drawn top down, the base ends up at the bottom. */}
          {image.layers.map((layer, i) => {
            const depth = image.layers.length - i;
            const width = layer.size > 0 ? 34 + 66 * (Math.log1p(layer.size) / Math.log1p(max)) : 100;
            return (
              <li
                key={i}
                className={`layer ${layer.size > 0 ? 'layer-files' : 'layer-empty'}`}
                style={{ width: `${width}%`, ['--layer-color' as string]: `var(--layer-${((depth - 1) % 4) + 1})` }}
                title={`${shortCommand(layer.createdBy)}${layer.comment ? ` — ${layer.comment}` : ''} · ${formatBytes(layer.size)}`}
              />
            );
          })}
        </ol>
        <ul className="layer-legend">
          {image.layers
            .filter((l) => l.size > 0)
            .slice(0, 3)
            .map((layer, i) => (
              <li key={i}>
                <code>{shortCommand(layer.createdBy)}</code> <span>{formatBytes(layer.size)}</span>
              </li>
            ))}
          {filesystem > 3 && <li className="layer-legend-more">+{filesystem - 3} more layers</li>}
        </ul>
      </div>
    </li>
  );
}
