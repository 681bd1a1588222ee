import type { StoredReview } from '../../../db/index.ts';
import type { AppContext } from '../context.ts';

/** Decisions shown per page of an indicator's audit trail. */
export const HISTORY_PAGE_SIZE = 50;

/** One page of an indicator's decisions, newest first. */
export interface DecisionHistory {
  rows: StoredReview[];
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pages: number;
  total: number;
  pageSize: number;
}

export function loadDecisionHistory(
  ctx: AppContext,
  runId: number,
  code: string,
  requestedPage: number,
): DecisionHistory {
  const total = ctx.repos.reviews.countForIndicator(runId, code);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const rows = ctx.repos.reviews.pageForIndicator(runId, code, {
    limit: HISTORY_PAGE_SIZE,
    offset: (page - 1) * HISTORY_PAGE_SIZE,
  });
  return { rows, page, pages, total, pageSize: HISTORY_PAGE_SIZE };
}
