import type { ResultSummary, RunWithTarget, StoredAssignment } from '../../../db/index.ts';
import { type Catalog, describeStatus, type FetchStatus } from '../../core/index.ts';
import { scorePortal } from '../../scoring/cohort-score.ts';
import type { SiteScore } from '../../scoring/losi-score.ts';
import type { AppContext } from '../context.ts';
import { catalogOrNull } from './catalogs.ts';
import { type IndicatorState, indicatorStates } from './indicator-state.ts';

/** One run with everything the review pages derive from it. */
export interface RunData {
  run: RunWithTarget;
  catalog: Catalog | null;
  results: ResultSummary[];
  states: IndicatorState[];
  /** Blind second assessors of the run. */
  assignments: StoredAssignment[];
  /**
   * Why the run is not reviewable, in words ("the connection was refused — …"), when its crawl never
   * captured the home page: nothing was judged, so it has no indicators to review. Null otherwise.
   */
  notAudited: string | null;
}

/** A finished crawl whose home page was never captured; null for an audited (or still running) run. */
export function notAuditedReason(run: Pick<RunWithTarget, 'outcome' | 'message'>): string | null {
  if (run.outcome === null || run.outcome === 'ok') return null;
  const status = describeStatus(run.outcome as FetchStatus);
  return run.message ? `${status} — ${run.message}` : status;
}

function groupByRun<T extends { runId: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.runId);
    if (list) list.push(row);
    else map.set(row.runId, [row]);
  }
  return map;
}

/** Loads many runs in a handful of queries (a campaign has hundreds). */
export function loadRuns(ctx: AppContext, runs: readonly RunWithTarget[]): RunData[] {
  const ids = runs.map((r) => r.runId);
  const results = groupByRun(ctx.app.queries.latestResults(ids));
  const reviews = groupByRun(ctx.app.queries.reviewsInForce(ids));
  const blind = groupByRun(ctx.app.workflow.blindReviewsForRuns(ids));
  const assignments = groupByRun(ctx.app.workflow.assignmentsForRuns(ids));
  return runs.map((run) => {
    const notAudited = notAuditedReason(run);
    // An unreached portal may still carry an evaluation of nothing (older stores, campaign runs):
    // none of it is offered for review.
    const runResults = notAudited ? [] : (results.get(run.runId) ?? []);
    return {
      run,
      catalog: catalogOrNull(run.catalogId),
      results: runResults,
      states: notAudited
        ? []
        : indicatorStates(runResults, reviews.get(run.runId) ?? [], blind.get(run.runId) ?? []),
      assignments: assignments.get(run.runId) ?? [],
      notAudited,
    };
  });
}

export function loadRun(ctx: AppContext, runId: number): RunData | null {
  const run = ctx.app.queries.runWithTarget(runId);
  return run ? (loadRuns(ctx, [run])[0] ?? null) : null;
}

/**
 * The portal's score from final values (latest review, else automated) scored on its own (an OSI
 * value stays absolute: the cohort is the scoring module's business), or null without a catalog.
 */
export function finalScore(data: RunData): SiteScore | null {
  const catalog = data.catalog;
  if (!catalog || data.states.length === 0) return null;
  return scorePortal(
    catalog,
    data.states.map((s) => ({
      code: s.code,
      criterion: catalog.entries.find((e) => e.code === s.code)?.criterion ?? s.criterion,
      outcome: s.finalValue,
    })),
  );
}
