import type { ArtifactBytes } from '../../src/core/index.ts';
import type { Store } from '../index.ts';
import { reviewAppRepositories } from '../index.ts';

/** Caches a highlighted evidence screenshot: the image as an artifact, and which (HTML, selector) it shows. */
export class HighlightWrites {
  constructor(private readonly store: Store) {
    if (store.readonly) throw new Error('Caching screenshots needs a writable evidence store');
  }

  /** `image` null records that the selector matched nothing, so the page is not rendered again. */
  record(
    key: { htmlHash: string; selector: string; renderVersion: number },
    image: ArtifactBytes | null,
  ): void {
    const workflow = reviewAppRepositories(this.store).workflow;
    this.store.transaction(() => {
      if (image) this.store.artifacts.put(image);
      workflow.insertHighlightShot({ ...key, shotHash: image?.hash ?? null });
    });
  }
}
