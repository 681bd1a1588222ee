import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type CrawlEnd, TOOL_VERSION } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import { type RunOptions, type RunStatus, runs } from '../schema/index.ts';

export type StoredRun = typeof runs.$inferSelect;

export interface NewRun {
  targetId: number;
  campaignId?: number | null;
  round?: number;
  catalogId: string;
  /** The URL the crawl starts from (usually the target's). */
  homeUrl: string;
  options?: RunOptions;
  toolVersion?: string;
  startedAt?: string;
}

function prepareById(store: Store) {
  return store.db
    .select()
    .from(runs)
    .where(eq(runs.id, sql.placeholder('id')))
    .prepare();
}

export class RunsRepo {
  /** Prepared on first use: a campaign rescoring looks up every run. */
  #byId: ReturnType<typeof prepareById> | undefined;

  constructor(private readonly store: Store) {}

  create(input: NewRun): number {
    const row = this.store.db
      .insert(runs)
      .values({
        targetId: input.targetId,
        campaignId: input.campaignId ?? null,
        round: input.round ?? 1,
        catalogId: input.catalogId,
        toolVersion: input.toolVersion ?? TOOL_VERSION,
        options: input.options ?? {},
        status: 'running',
        homeUrl: input.homeUrl,
        startedAt: input.startedAt ?? new Date().toISOString(),
      })
      .returning({ id: runs.id })
      .get();
    return row.id;
  }

  /** Records how the crawl ended. Repeating it with the same end is harmless. */
  finish(runId: number, end: CrawlEnd): void {
    const run = this.require(runId);
    const status: RunStatus = end.stopReason === 'interrupted' ? 'interrupted' : 'finished';
    this.store.db
      .update(runs)
      .set({
        status,
        outcome: end.outcome,
        stopReason: end.stopReason,
        homeUrl: end.homeUrl,
        finalHomeUrl: end.finalHomeUrl,
        spa: end.spa,
        pages: end.pages,
        statuses: end.statuses,
        message: end.message ?? null,
        // Keep the earlier of the two: a resumed crawl reports when it resumed.
        startedAt: [end.startedAt, run.startedAt].sort()[0],
        finishedAt: end.finishedAt,
      })
      .where(eq(runs.id, runId))
      .run();
  }

  /** Marks a run that never reported its end (process killed) as interrupted. No-op unless running. */
  markInterrupted(runId: number, message = 'interrupted before the crawl ended'): void {
    this.store.db
      .update(runs)
      .set({
        status: 'interrupted',
        stopReason: 'interrupted',
        message,
        finishedAt: new Date().toISOString(),
      })
      .where(and(eq(runs.id, runId), eq(runs.status, 'running')))
      .run();
  }

  get(runId: number): StoredRun | null {
    this.#byId ??= prepareById(this.store);
    return this.#byId.get({ id: runId }) ?? null;
  }

  require(runId: number): StoredRun {
    const run = this.get(runId);
    if (!run) throw new Error(`No run ${runId} in the evidence store`);
    return run;
  }

  latestForTarget(targetId: number): StoredRun | null {
    return (
      this.store.db
        .select()
        .from(runs)
        .where(eq(runs.targetId, targetId))
        .orderBy(desc(runs.id))
        .limit(1)
        .get() ?? null
    );
  }

  /** Newest first. */
  list(
    filter: { targetId?: number; campaignId?: number; status?: RunStatus; limit?: number } = {},
  ): StoredRun[] {
    const conditions: SQL[] = [];
    if (filter.targetId !== undefined) conditions.push(eq(runs.targetId, filter.targetId));
    if (filter.campaignId !== undefined) conditions.push(eq(runs.campaignId, filter.campaignId));
    if (filter.status !== undefined) conditions.push(eq(runs.status, filter.status));
    const query = this.store.db
      .select()
      .from(runs)
      .where(and(...conditions))
      .orderBy(desc(runs.id));
    return filter.limit !== undefined ? query.limit(filter.limit).all() : query.all();
  }
}
