import {
  type Repositories,
  type RunOptions,
  repositories,
  runOwner,
  type Store,
  type StoredRun,
} from '../db/index.ts';
import type {
  ArtifactBytes,
  CrawlRecord,
  IndicatorResult,
  PageCapture,
  RecordSink,
  Target,
} from '../src/core/index.ts';
import { InvalidRecordError, parseCrawlRecord } from './recorder/record-schema.ts';
import { parseIndicatorResults } from './recorder/result-schema.ts';

export { InvalidRecordError } from './recorder/record-schema.ts';

export interface StartRunInput {
  target: Target;
  /** Campaign targets are keyed by (campaign, url); without a campaign this is a self-audit. */
  campaignId?: number | null;
  round?: number;
  catalogId: string;
  /** What the run was started with (budget, render mode, …), kept with the run. */
  options?: RunOptions;
}

/**
 * The only writer of the evidence store (DESIGN.md). Records are validated at this boundary (they
 * may come from a queue) and written idempotently, keyed by run and URL: a record delivered twice
 * leaves the store as if delivered once.
 */
export class Recorder implements RecordSink {
  private readonly repos: Repositories;
  private readonly knownRuns = new Map<number, number>();

  constructor(private readonly store: Store) {
    if (store.readonly) throw new Error('The recorder needs a writable evidence store');
    this.repos = repositories(store);
  }

  /** Creates the target if it is new, then a new run of it (a second audit never overwrites the first). */
  startRun(input: StartRunInput): number {
    return this.store.transaction(() => {
      const campaignId = input.campaignId ?? null;
      const target =
        campaignId === null
          ? this.repos.targets.findOrCreateSelfAudit(input.target)
          : this.repos.targets.createForCampaign(campaignId, input.target);
      const runId = this.repos.runs.create({
        targetId: target.id,
        campaignId,
        round: input.round ?? 1,
        catalogId: input.catalogId,
        homeUrl: input.target.url,
        options: input.options ?? {},
        // An embedded audit's run belongs to this process; a campaign's coordinator resumes its own.
        ...(campaignId === null ? { owner: runOwner() } : {}),
      });
      this.knownRuns.set(runId, target.id);
      return runId;
    });
  }

  /** Ends a run that cannot finish (the crawl failed): `interrupted`, with why; its pages stay. */
  abandonRun(runId: number, message: string): void {
    this.repos.runs.markInterrupted(runId, message);
  }

  /** Marks interrupted the runs left `running` by processes of this host that are gone; returns them. */
  interruptOrphans(): StoredRun[] {
    return this.repos.runs.interruptOrphans();
  }

  targetIdOfRun(runId: number): number {
    return this.requireRun(runId);
  }

  /** Validates and persists one record. Accepts wire forms too (artifact bytes as base64). */
  async emit(record: CrawlRecord | unknown): Promise<void> {
    this.write(parseCrawlRecord(record));
  }

  /** Persists an already validated record, synchronously. */
  write(record: CrawlRecord): void {
    this.requireRun(record.runId);
    switch (record.type) {
      case 'page':
        this.store.transaction(() => {
          for (const artifact of record.artifacts) this.store.artifacts.put(artifact);
          this.assertArtifactsKnown(record.capture, record.artifacts);
          this.repos.pages.upsert(record.runId, record.capture);
        });
        return;
      case 'site-artifact':
        this.store.transaction(() => {
          for (const artifact of record.artifacts) this.store.artifacts.put(artifact);
          this.repos.siteArtifacts.upsert(record.runId, record.kind, record.data);
        });
        return;
      case 'crawl-end':
        this.repos.runs.finish(record.runId, record.end);
        return;
    }
  }

  /** Stores one evaluation (results + evidence, one transaction) and returns its id. */
  recordEvaluation(
    runId: number,
    catalog: { id: string; version: string },
    results: readonly IndicatorResult[],
  ): number {
    this.requireRun(runId);
    return this.repos.evaluations.create(runId, catalog, parseIndicatorResults(results));
  }

  /** Returns the run's target id; throws for a run the store does not hold. */
  private requireRun(runId: number): number {
    const cached = this.knownRuns.get(runId);
    if (cached !== undefined) return cached;
    const run = this.repos.runs.get(runId);
    if (!run) throw new InvalidRecordError(`No run ${runId} in the evidence store: start the run first`);
    this.knownRuns.set(runId, run.targetId);
    return run.targetId;
  }

  private assertArtifactsKnown(capture: PageCapture, sent: readonly ArtifactBytes[]): void {
    for (const hash of [capture.htmlHash, capture.render?.screenshot]) {
      if (!hash || sent.some((a) => a.hash === hash)) continue;
      if (!this.store.artifacts.info(hash)) {
        throw new InvalidRecordError(
          `Page ${capture.url} refers to artifact ${hash}, which was neither sent with it nor stored before`,
        );
      }
    }
  }
}
