/** The images part of the contract: prefetch a lesson's images, progress to every window. */
import type { CoreContext } from '../context';
import { createImagePrefetcher } from '../images/image-prefetcher';
import type { Service } from '../rpc/service';

export function createImagesService(context: CoreContext): Service<'images.prefetch'> {
  const prefetcher = createImagePrefetcher((pull) => context.hub.broadcast('images.progress', pull));
  return {
    handlers: {
      'images.prefetch': ({ images }) => prefetcher.prefetch(context.engine.requireDocker(), images),
    },
    dispose: () => prefetcher.dispose(),
  };
}
