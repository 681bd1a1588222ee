import { and, asc, desc, eq, inArray, isNull, max, or, type SQL, sql } from 'drizzle-orm';
import type { EvidenceKind, LinkStep, Method, Outcome } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import {
  campaigns,
  evaluations,
  evidenceItems,
  indicatorResults,
  pages,
  reviews,
  runs,
  targets,
} from '../schema/index.ts';
import { qualified } from './qualified.ts';
import type { StoredReview } from './reviews.repo.ts';

/** A run with the target it crawled: one row of a portal list. */
export interface RunWithTarget {
  runId: number;
  campaignId: number | null;
  round: number;
  catalogId: string;
  status: string;
  outcome: string | null;
  /** Why the crawl ended as it did (the home page's failure, an interruption), when recorded. */
  message: string | null;
  pages: number;
  startedAt: string;
  finishedAt: string | null;
  targetId: number;
  url: string;
  level: string;
  country: string | null;
  city: string | null;
}

/** One automated verdict of a run's latest evaluation, without its evidence. */
export interface ResultSummary {
  runId: number;
  evaluationId: number;
  resultId: number;
  ruleId: string;
  ruleVersion: number;
  code: string;
  criterion: string;
  method: Method;
  outcome: Outcome;
  confidence: number;
  message: string;
}

export interface EvidenceRow {
  id: number;
  resultId: number;
  ordinal: number;
  pageUrl: string;
  kind: EvidenceKind;
  selector: string | null;
  snippet: string | null;
  highlight: { start: number; end: number } | null;
  linkPath: LinkStep[] | null;
  screenshotHash: string | null;
  note: string | null;
}

export interface CapturedPageRef {
  id: number;
  url: string;
  finalUrl: string;
  status: string;
  title: string;
  htmlHash: string | null;
  screenshotHash: string | null;
}

export interface CampaignSummary {
  id: number;
  name: string;
  catalogId: string;
  createdAt: string;
  targets: number;
  runs: number;
  lastRound: number | null;
}

/** SQLite caps bound parameters per statement; lists of run ids are queried in chunks. */
const CHUNK = 500;

function chunked<T, R>(items: readonly T[], fn: (chunk: T[]) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...fn(items.slice(i, i + CHUNK)));
  return out;
}

const runWithTargetColumns = {
  runId: runs.id,
  campaignId: runs.campaignId,
  round: runs.round,
  catalogId: runs.catalogId,
  status: runs.status,
  outcome: runs.outcome,
  message: runs.message,
  pages: runs.pages,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
  targetId: targets.id,
  url: targets.url,
  level: targets.level,
  country: targets.country,
  city: targets.city,
};

/** Read models of the review app (src/server): portal lists, verdicts, evidence rows with their ids. */
export class ReviewQueriesRepo {
  constructor(private readonly store: Store) {}

  campaigns(): CampaignSummary[] {
    return this.store.db
      .select({
        id: campaigns.id,
        name: campaigns.name,
        catalogId: campaigns.catalogId,
        createdAt: campaigns.createdAt,
        targets: sql<number>`(SELECT count(*) FROM ${targets} WHERE ${qualified(targets, targets.campaignId)} = ${qualified(campaigns, campaigns.id)})`,
        runs: sql<number>`(SELECT count(*) FROM ${runs} WHERE ${qualified(runs, runs.campaignId)} = ${qualified(campaigns, campaigns.id)})`,
        lastRound: sql<
          number | null
        >`(SELECT max(${qualified(runs, runs.round)}) FROM ${runs} WHERE ${qualified(runs, runs.campaignId)} = ${qualified(campaigns, campaigns.id)})`,
      })
      .from(campaigns)
      .orderBy(desc(campaigns.id))
      .all();
  }

  selfAuditRunCount(): number {
    return (
      this.store.db.select({ n: sql<number>`count(*)` }).from(runs).where(isNull(runs.campaignId)).get()?.n ??
      0
    );
  }

  /** Self-audit runs (no campaign), newest first: each audit is reviewable on its own. */
  selfAuditRuns(): RunWithTarget[] {
    return this.store.db
      .select(runWithTargetColumns)
      .from(runs)
      .innerJoin(targets, eq(targets.id, runs.targetId))
      .where(isNull(runs.campaignId))
      .orderBy(desc(runs.id))
      .all();
  }

  /** The rounds a campaign has runs for, ascending. */
  rounds(campaignId: number): number[] {
    return this.store.db
      .selectDistinct({ round: runs.round })
      .from(runs)
      .where(eq(runs.campaignId, campaignId))
      .orderBy(asc(runs.round))
      .all()
      .map((r) => r.round);
  }

  /** The latest run of each target of a campaign in one round. */
  campaignRuns(campaignId: number, round: number): RunWithTarget[] {
    const latest = this.store.db
      .select({ id: max(runs.id).as('id') })
      .from(runs)
      .where(and(eq(runs.campaignId, campaignId), eq(runs.round, round)))
      .groupBy(runs.targetId);
    return this.store.db
      .select(runWithTargetColumns)
      .from(runs)
      .innerJoin(targets, eq(targets.id, runs.targetId))
      .where(inArray(runs.id, latest))
      .orderBy(asc(targets.id))
      .all();
  }

  runWithTarget(runId: number): RunWithTarget | null {
    return (
      this.store.db
        .select(runWithTargetColumns)
        .from(runs)
        .innerJoin(targets, eq(targets.id, runs.targetId))
        .where(eq(runs.id, runId))
        .get() ?? null
    );
  }

  /** Runs for the agreement page: all, one campaign's (every round), or the self-audits (null). */
  runsWithTargets(filter: { campaignId?: number | null; runIds?: readonly number[] } = {}): RunWithTarget[] {
    const conditions: SQL[] = [];
    if (filter.campaignId === null) conditions.push(isNull(runs.campaignId));
    else if (filter.campaignId !== undefined) conditions.push(eq(runs.campaignId, filter.campaignId));
    const query = (extra?: SQL) =>
      this.store.db
        .select(runWithTargetColumns)
        .from(runs)
        .innerJoin(targets, eq(targets.id, runs.targetId))
        .where(and(...conditions, extra))
        .orderBy(asc(runs.id))
        .all();
    if (filter.runIds === undefined) return query();
    return chunked(filter.runIds, (chunk) => query(inArray(runs.id, chunk)));
  }

  /** The verdicts of each run's latest evaluation (no evidence), in result order. */
  latestResults(runIds: readonly number[]): ResultSummary[] {
    return chunked(runIds, (chunk) => {
      const latest = this.store.db
        .select({ id: max(evaluations.id).as('id') })
        .from(evaluations)
        .where(inArray(evaluations.runId, chunk))
        .groupBy(evaluations.runId);
      return this.store.db
        .select({
          runId: evaluations.runId,
          evaluationId: evaluations.id,
          resultId: indicatorResults.id,
          ruleId: indicatorResults.ruleId,
          ruleVersion: indicatorResults.ruleVersion,
          code: indicatorResults.code,
          criterion: indicatorResults.criterion,
          method: indicatorResults.method,
          outcome: indicatorResults.outcome,
          confidence: indicatorResults.confidence,
          message: indicatorResults.message,
        })
        .from(indicatorResults)
        .innerJoin(evaluations, eq(evaluations.id, indicatorResults.evaluationId))
        .where(inArray(evaluations.id, latest))
        .orderBy(asc(indicatorResults.id))
        .all();
    });
  }

  /**
   * The reviews that decide each indicator's state, oldest first: per run and code the latest review,
   * the latest decision (kind 'review') and the latest resolution. A code's whole history can be long
   * (see ReviewsRepo.pageForIndicator); its state never needs more than these.
   */
  reviewsInForce(runIds: readonly number[]): StoredReview[] {
    const latest = (chunk: number[], kind?: SQL) =>
      this.store.db
        .select({ id: max(reviews.id) })
        .from(reviews)
        .where(and(inArray(reviews.runId, chunk), kind))
        .groupBy(reviews.runId, reviews.code);
    return chunked(runIds, (chunk) =>
      this.store.db
        .select()
        .from(reviews)
        .where(
          or(
            inArray(reviews.id, latest(chunk)),
            inArray(reviews.id, latest(chunk, eq(reviews.kind, 'review'))),
            inArray(reviews.id, latest(chunk, eq(reviews.kind, 'resolution'))),
          ),
        )
        .orderBy(asc(reviews.id))
        .all(),
    ).sort((a, b) => a.id - b.id);
  }

  /** The evidence behind one result, exactly as the rule gave it, with row ids. */
  evidenceOf(resultId: number): EvidenceRow[] {
    return this.store.db
      .select(evidenceColumns)
      .from(evidenceItems)
      .where(eq(evidenceItems.resultId, resultId))
      .orderBy(asc(evidenceItems.ordinal))
      .all();
  }

  /** One evidence row and the run it belongs to. */
  evidenceItem(id: number): (EvidenceRow & { runId: number }) | null {
    return (
      this.store.db
        .select({ ...evidenceColumns, runId: evaluations.runId })
        .from(evidenceItems)
        .innerJoin(indicatorResults, eq(indicatorResults.id, evidenceItems.resultId))
        .innerJoin(evaluations, eq(evaluations.id, indicatorResults.evaluationId))
        .where(eq(evidenceItems.id, id))
        .get() ?? null
    );
  }

  /** The captured page of a run at this URL (requested or final), preferring the requested one. */
  pageAt(runId: number, url: string): CapturedPageRef | null {
    const rows = this.store.db
      .select({
        id: pages.id,
        url: pages.url,
        finalUrl: pages.finalUrl,
        status: pages.status,
        title: pages.title,
        htmlHash: pages.htmlHash,
        screenshotHash: pages.screenshotHash,
      })
      .from(pages)
      .where(and(eq(pages.runId, runId), or(eq(pages.url, url), eq(pages.finalUrl, url))))
      .orderBy(asc(pages.id))
      .all();
    return rows.find((r) => r.url === url) ?? rows[0] ?? null;
  }
}

const evidenceColumns = {
  id: evidenceItems.id,
  resultId: evidenceItems.resultId,
  ordinal: evidenceItems.ordinal,
  pageUrl: evidenceItems.pageUrl,
  kind: evidenceItems.kind,
  selector: evidenceItems.selector,
  snippet: evidenceItems.snippet,
  highlight: evidenceItems.highlight,
  linkPath: evidenceItems.linkPath,
  screenshotHash: evidenceItems.screenshotHash,
  note: evidenceItems.note,
};
