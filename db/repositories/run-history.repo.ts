import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Store } from '../client.ts';
import { axeFindings, axeRuns, campaigns, evaluations, pages, runs, targets } from '../schema/index.ts';
import { qualified } from './qualified.ts';
import type { StoredRun } from './runs.repo.ts';

/** A run as `portal-audit runs` lists it. */
export interface RunListing {
  id: number;
  url: string;
  finalUrl: string | null;
  level: string;
  catalogId: string;
  campaign: string | null;
  status: StoredRun['status'];
  outcome: StoredRun['outcome'];
  pages: number;
  startedAt: string;
  finishedAt: string | null;
  /** Whether rules ever judged the run (a run whose home page was never captured has no evaluation). */
  evaluated: boolean;
}

/** A WCAG rule failed in a run, with how many of its pages it failed on. */
export interface RunViolation {
  ruleId: string;
  help: string;
  pages: number;
}

/**
 * The same portal's site key: host without "www." and the port when it is not the scheme's default.
 * The scheme is left out, so a site that moved from http to https is still the same site.
 */
export function siteKey(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return null;
  }
}

/** Past audits over the whole store (self-audits and campaign runs): listing, and earlier runs of a site. */
export class RunHistoryRepo {
  constructor(private readonly store: Store) {}

  /** Newest first. */
  list(limit: number): RunListing[] {
    return this.store.db
      .select({
        id: runs.id,
        url: runs.homeUrl,
        finalUrl: runs.finalHomeUrl,
        level: targets.level,
        catalogId: runs.catalogId,
        campaign: campaigns.name,
        status: runs.status,
        outcome: runs.outcome,
        pages: runs.pages,
        startedAt: runs.startedAt,
        finishedAt: runs.finishedAt,
        evaluated: sql<number>`exists (select 1 from ${evaluations} where ${qualified(evaluations, evaluations.runId)} = ${qualified(runs, runs.id)})`,
      })
      .from(runs)
      .innerJoin(targets, eq(targets.id, runs.targetId))
      .leftJoin(campaigns, eq(campaigns.id, runs.campaignId))
      .orderBy(desc(runs.id))
      .limit(limit)
      .all()
      .map((r) => ({ ...r, evaluated: Boolean(r.evaluated) }));
  }

  /**
   * The latest audit before `runId` of the same site (siteKey of its home or final URL) judged with
   * the same catalog; null when there is none.
   */
  previousAudit(runId: number): StoredRun | null {
    const current = this.store.db.select().from(runs).where(eq(runs.id, runId)).get();
    if (!current) return null;
    const keys = new Set(
      [current.homeUrl, current.finalHomeUrl].map((u) => (u ? siteKey(u) : null)).filter(Boolean),
    );
    const candidates = this.store.db
      .select({ run: runs })
      .from(runs)
      .where(
        and(
          eq(runs.catalogId, current.catalogId),
          sql`${runs.id} < ${runId}`,
          sql`exists (select 1 from ${evaluations} where ${qualified(evaluations, evaluations.runId)} = ${qualified(runs, runs.id)})`,
        ),
      )
      .orderBy(desc(runs.id))
      .all();
    for (const { run } of candidates) {
      const urls = [run.homeUrl, run.finalHomeUrl];
      if (urls.some((u) => u && keys.has(siteKey(u)))) return run;
    }
    return null;
  }

  /** WCAG rules axe reported as violations on the run's pages, with the number of pages each. */
  violations(runId: number): RunViolation[] {
    return this.store.db
      .select({
        ruleId: axeFindings.ruleId,
        help: sql<string>`min(${axeFindings.help})`,
        pages: sql<number>`count(distinct ${pages.id})`,
      })
      .from(axeFindings)
      .innerJoin(axeRuns, eq(axeRuns.id, axeFindings.axeRunId))
      .innerJoin(pages, eq(pages.id, axeRuns.pageId))
      .where(and(eq(pages.runId, runId), eq(axeFindings.kind, 'violation')))
      .groupBy(axeFindings.ruleId)
      .orderBy(asc(axeFindings.ruleId))
      .all();
  }

  /** Pages of the run checked with axe. */
  axePages(runId: number): number {
    const row = this.store.db
      .select({ n: sql<number>`count(*)` })
      .from(axeRuns)
      .innerJoin(pages, eq(pages.id, axeRuns.pageId))
      .where(eq(pages.runId, runId))
      .get();
    return row?.n ?? 0;
  }
}
