import { z } from 'zod';
import type { SiteScore } from '../../scoring/losi-score.ts';
import type { AppUser } from '../context.ts';
import { finalScore, type RunData } from './run-data.ts';

/** One row of a portal list. Fields that would reveal first decisions are null for a blind reviewer. */
export interface PortalSummary {
  data: RunData;
  indicators: number;
  /** Indicators with an assessor's decision (for a blind reviewer: their own blind decisions). */
  decided: number;
  /** Automated needs_review verdicts, and how many of them nobody has decided yet. */
  needsReview: number;
  needsReviewOpen: number;
  disagreements: number | null;
  score: number | null;
  level: SiteScore['level'];
  /** The viewer reviews this run blind. */
  blindForViewer: boolean;
}

export function summarise(data: RunData, viewer: AppUser): PortalSummary {
  const blindForViewer = data.assignments.some((a) => a.userId === viewer.id);
  const states = data.states.filter((s) => s.result);
  const needsReview = states.filter((s) => s.result?.outcome === 'needs_review');
  if (blindForViewer) {
    const mine = (s: (typeof states)[number]) => s.blindTrail.some((b) => b.reviewer === viewer.name);
    return {
      data,
      indicators: states.length,
      decided: states.filter(mine).length,
      needsReview: needsReview.length,
      needsReviewOpen: needsReview.filter((s) => !mine(s)).length,
      disagreements: null,
      score: null,
      level: null,
      blindForViewer,
    };
  }
  const score = finalScore(data);
  return {
    data,
    indicators: states.length,
    decided: states.filter((s) => s.review).length,
    needsReview: needsReview.length,
    needsReviewOpen: needsReview.filter((s) => !s.review).length,
    disagreements: data.states.filter((s) => s.disagreement === 'open').length,
    score: score?.value ?? null,
    level: score?.level ?? null,
    blindForViewer,
  };
}

export const PORTAL_SORTS = [
  'portal',
  'outcome',
  'progress',
  'score',
  'needs_review',
  'disagreements',
] as const;
export const PORTAL_SHOWS = ['all', 'needs_review', 'disagreements', 'unreviewed', 'blind'] as const;

export const PortalListQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  outcome: z.string().trim().max(40).catch(''),
  show: z.enum(PORTAL_SHOWS).catch('all'),
  sort: z.enum(PORTAL_SORTS).catch('portal'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  round: z.coerce.number().int().positive().optional().catch(undefined),
});
export type PortalListQuery = z.infer<typeof PortalListQuery>;

export function filterAndSort(rows: readonly PortalSummary[], query: PortalListQuery): PortalSummary[] {
  const needle = query.q.toLowerCase();
  const kept = rows.filter((row) => {
    const run = row.data.run;
    if (
      needle &&
      ![run.url, run.city ?? '', run.country ?? ''].some((t) => t.toLowerCase().includes(needle))
    ) {
      return false;
    }
    if (query.outcome && (run.outcome ?? run.status) !== query.outcome) return false;
    switch (query.show) {
      case 'needs_review':
        return row.needsReviewOpen > 0;
      case 'disagreements':
        return (row.disagreements ?? 0) > 0;
      case 'unreviewed':
        return row.decided === 0;
      case 'blind':
        return row.blindForViewer;
      default:
        return true;
    }
  });
  const key = sortKey(query.sort);
  const sign = query.dir === 'desc' ? -1 : 1;
  return kept.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return a.data.run.runId - b.data.run.runId;
    // Missing values (no score, blind) sort last in either direction.
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  });
}

function sortKey(sort: PortalListQuery['sort']): (row: PortalSummary) => string | number | null {
  switch (sort) {
    case 'outcome':
      return (r) => r.data.run.outcome ?? r.data.run.status;
    case 'progress':
      return (r) => (r.indicators ? r.decided / r.indicators : 0);
    case 'score':
      return (r) => r.score;
    case 'needs_review':
      return (r) => r.needsReviewOpen;
    case 'disagreements':
      return (r) => r.disagreements;
    default:
      return (r) => r.data.run.url.toLowerCase();
  }
}
