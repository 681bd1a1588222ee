import type {
  ArtifactBytes,
  CrawlEnd,
  CrawlRecord,
  PageCapture,
  RecordSink,
  SiteArtifacts,
} from '../../src/core/index.ts';
import type { CrawlCheckpoint } from './options.ts';
import type { Watchdog } from './watchdog.ts';

/**
 * Where one site crawl's records go: the sink (every emit awaited; each one feeds the watchdog),
 * checkpoints (one after the other), and the crawl-end, emitted once. Once the end is on its way,
 * records of work that outlived it (a stalled crawl's pages) are dropped.
 */
export class CrawlOutput {
  #ending: Promise<CrawlEnd> | null = null;
  #checkpoints: Promise<void> = Promise.resolve();

  constructor(
    private readonly runId: number,
    private readonly sink: RecordSink,
    private readonly watchdog: Watchdog,
    private readonly onCheckpoint?: (checkpoint: CrawlCheckpoint) => Promise<void>,
  ) {}

  async emit(record: CrawlRecord): Promise<void> {
    if (this.#ending && record.type !== 'crawl-end') return;
    await this.sink.emit(record);
    this.watchdog.touch();
  }

  page(capture: PageCapture, artifacts: ArtifactBytes[]): Promise<void> {
    return this.emit({ type: 'page', runId: this.runId, capture, artifacts });
  }

  artifact<K extends keyof SiteArtifacts>(
    kind: K,
    data: NonNullable<SiteArtifacts[K]>,
    artifacts: ArtifactBytes[] = [],
  ): Promise<void> {
    return this.emit({ type: 'site-artifact', runId: this.runId, kind, data, artifacts });
  }

  /** Saves a checkpoint after the ones already asked for; the snapshot is taken when its turn comes. */
  checkpoint(snapshot: () => CrawlCheckpoint): Promise<void> {
    const save = this.onCheckpoint;
    if (!save) return Promise.resolve();
    this.#checkpoints = this.#checkpoints.then(() => save(snapshot()));
    return this.#checkpoints;
  }

  /** Resolves when the checkpoints asked for so far are saved. */
  get checkpointsSaved(): Promise<void> {
    return this.#checkpoints;
  }

  /** Emits the crawl-end, once: a later call (work that outlived a stalled crawl) gets the same end. */
  end(make: () => CrawlEnd): Promise<CrawlEnd> {
    this.#ending ??= (async () => {
      const end = make();
      await this.emit({ type: 'crawl-end', runId: this.runId, end });
      return end;
    })();
    return this.#ending;
  }
}
