import { hostname } from 'node:os';
import { and, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
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
  /** `<host name>:<pid>` of the process crawling it (embedded audits; see runOwner()). */
  owner?: string;
}

/** The owner tag of this process: host name and pid. */
export function runOwner(): string {
  return `${hostname()}:${process.pid}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
        owner: input.owner ?? null,
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

  /**
   * Marks interrupted the runs still `running` whose owning process on this host is gone (killed,
   * crashed): their pages stay. Returns them as they were, for the caller to say so.
   */
  interruptOrphans(): StoredRun[] {
    const host = `${hostname()}:`;
    const orphans = this.store.db
      .select()
      .from(runs)
      .where(and(eq(runs.status, 'running'), isNotNull(runs.owner)))
      .all()
      .filter((run) => run.owner?.startsWith(host) && !processAlive(Number(run.owner.slice(host.length))));
    for (const run of orphans) {
      this.markInterrupted(run.id, `The process that ran it (${run.owner}) ended before the crawl did`);
    }
    return orphans;
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
