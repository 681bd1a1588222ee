import type { Catalog } from '../core/index.ts';
import {
  type ScoredOutcome,
  type ScoringCatalog,
  type ScoringMethod,
  type SiteScore,
  scoreSite,
} from './losi-score.ts';
import { applyCohort, scoreOsiSite } from './osi-score.ts';
import { DEFAULT_POLICY, type ScorePolicy } from './score-policy.ts';

/** National-portal catalogs (OSI) are relative within a cohort; city catalogs (LOSI) are absolute shares. */
export function scoringMethodOf(catalog: Partial<Pick<Catalog, 'level'>>): ScoringMethod {
  return catalog.level === 'national' ? 'osi' : 'losi';
}

/** One portal scored on its own (a self-audit): an OSI score keeps its absolute share and says why. */
export function scorePortal(
  catalog: ScoringCatalog,
  outcomes: readonly ScoredOutcome[],
  policy: ScorePolicy = DEFAULT_POLICY,
): SiteScore {
  if (scoringMethodOf(catalog) !== 'osi') return scoreSite(catalog, outcomes, policy);
  const score = scoreOsiSite(catalog, outcomes, policy);
  applyCohort(catalog, [score]);
  return score;
}

export interface CohortPortal {
  catalog: ScoringCatalog & Pick<Catalog, 'id'>;
  outcomes: readonly ScoredOutcome[];
}

export interface CohortSummary {
  catalogId: string;
  method: ScoringMethod;
  /** Portals scored with this catalog. */
  portals: number;
  /** OSI: portals with a raw value, and the raw min and max the relative values use. */
  size: number;
  min: number | null;
  max: number | null;
}

/**
 * Scores a campaign's portals together: LOSI portals each on their own, OSI portals relative to the
 * other portals scored with the same catalog (the campaign's national portals). Scores come back in
 * input order.
 */
export function scoreCohort(
  portals: readonly CohortPortal[],
  policy: ScorePolicy = DEFAULT_POLICY,
): { scores: SiteScore[]; cohorts: CohortSummary[] } {
  const scores: SiteScore[] = [];
  const groups = new Map<string, { catalog: ScoringCatalog; scores: SiteScore[] }>();
  for (const portal of portals) {
    const osi = scoringMethodOf(portal.catalog) === 'osi';
    const score = osi
      ? scoreOsiSite(portal.catalog, portal.outcomes, policy)
      : scoreSite(portal.catalog, portal.outcomes, policy);
    scores.push(score);
    let group = groups.get(portal.catalog.id);
    if (!group) {
      group = { catalog: portal.catalog, scores: [] };
      groups.set(portal.catalog.id, group);
    }
    group.scores.push(score);
  }
  const cohorts: CohortSummary[] = [];
  for (const [catalogId, group] of groups) {
    const method = scoringMethodOf(group.catalog);
    if (method === 'osi') {
      cohorts.push({
        catalogId,
        method,
        portals: group.scores.length,
        ...applyCohort(group.catalog, group.scores),
      });
    } else {
      cohorts.push({ catalogId, method, portals: group.scores.length, ...rangeOf(group.scores) });
    }
  }
  return { scores, cohorts };
}

function rangeOf(scores: readonly SiteScore[]): { size: number; min: number | null; max: number | null } {
  let size = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const { value } of scores) {
    if (value === null) continue;
    size++;
    if (min === null || value < min) min = value;
    if (max === null || value > max) max = value;
  }
  return { size, min, max };
}
