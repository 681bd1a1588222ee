import type { Catalog, LevelThreshold, Outcome } from '../core/index.ts';
import { DEFAULT_POLICY, describePolicy, pointsFor, type ScorePolicy } from './score-policy.ts';

export interface CriterionScore {
  met: number;
  assessed: number;
  /** met ÷ assessed, or null when nothing was assessed. */
  value: number | null;
}

export const SCORING_METHODS = ['losi', 'osi'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/**
 * Why an OSI relative value is missing: `cohort_of_one` (a self-audit or a campaign with one scorable
 * national portal), `no_spread` (every portal has the same raw value, so max − min = 0),
 * `not_assessed` (this portal has nothing assessed), `not_normalised` (scored alone, no cohort asked).
 */
export type RelativeStatus = 'ok' | 'cohort_of_one' | 'no_spread' | 'not_assessed' | 'not_normalised';

export interface SiteScore {
  /** LOSI: weighted share of indicators met; OSI: weighted mean of module subindices (raw). 0..1, or null. */
  value: number | null;
  met: number;
  assessed: number;
  level: LevelThreshold['level'] | null;
  needsReview: number;
  criteria: Record<string, CriterionScore>;
  policy: string;
  /** How the value was computed. Absent in reports written before scoring knew OSI (= 'losi'). */
  method?: ScoringMethod;
  /** Codes whose final value is needs_review (flagged by the policy, whatever they counted as). */
  flagged?: string[];
  /** OSI: (raw − min) ÷ (max − min) over the cohort; null when it cannot be computed (see relativeStatus). */
  relative?: number | null;
  relativeStatus?: RelativeStatus;
  /** Whether `level` was read from the absolute value (a projection) or the cohort-relative one. */
  levelBasis?: 'absolute' | 'relative';
  /** What the score assumed, in words (weights, normalisation, missing cohort). */
  notes?: string[];
}

export interface ScoredOutcome {
  code: string;
  criterion: string;
  outcome: Outcome;
}

export type ScoringCatalog = Pick<Catalog, 'criteria' | 'thresholds'> &
  Partial<Pick<Catalog, 'level' | 'entries'>>;

export interface CriterionTally {
  criteria: Record<string, CriterionScore>;
  met: number;
  assessed: number;
  needsReview: number;
  flagged: string[];
}

/** Met and assessed per criterion under the policy; criteria of the catalog always appear. */
export function tallyCriteria(
  catalog: Pick<Catalog, 'criteria'> & Partial<Pick<Catalog, 'entries'>>,
  outcomes: readonly ScoredOutcome[],
  policy: ScorePolicy,
): CriterionTally {
  const criteria: Record<string, CriterionScore> = {};
  for (const c of catalog.criteria) criteria[c.code] = { met: 0, assessed: 0, value: null };
  const flagged: string[] = [];
  const weights = indicatorWeights(catalog);
  for (const o of outcomes) {
    if (o.outcome === 'needs_review') flagged.push(o.code);
    const points = pointsFor(o.outcome, policy);
    if (points === null) continue;
    let bucket = criteria[o.criterion];
    if (!bucket) {
      bucket = { met: 0, assessed: 0, value: null };
      criteria[o.criterion] = bucket;
    }
    // An indicator an edition weighs w counts as w indicators of its criterion (1 in the built-in editions).
    const weight = weights.get(o.code) ?? 1;
    bucket.assessed += weight;
    bucket.met += points * weight;
  }
  let met = 0;
  let assessed = 0;
  for (const c of Object.values(criteria)) {
    c.value = c.assessed > 0 ? c.met / c.assessed : null;
    met += c.met;
    assessed += c.assessed;
  }
  return { criteria, met, assessed, needsReview: flagged.length, flagged };
}

/** Indicator weights by code, for the entries whose edition row gives one. */
function indicatorWeights(catalog: Partial<Pick<Catalog, 'entries'>>): Map<string, number> {
  return new Map(
    (catalog.entries ?? []).flatMap((e) => (e.weight === undefined ? [] : [[e.code, e.weight]])),
  );
}

/** Criterion weights by code; a criterion the catalog does not list weighs 1. */
export function weightsOf(catalog: Pick<Catalog, 'criteria'>): Map<string, number> {
  return new Map(catalog.criteria.map((c) => [c.code, c.weight]));
}

/**
 * LOSI-style absolute score: each indicator 1 or 0; per criterion met ÷ assessed; total = met ÷ assessed,
 * each indicator weighted by its criterion's weight from the catalog (weight 1 everywhere reduces to the
 * plain share, which is what the published method describes).
 */
export function scoreSite(
  catalog: ScoringCatalog,
  outcomes: readonly ScoredOutcome[],
  policy: ScorePolicy = DEFAULT_POLICY,
): SiteScore {
  const tally = tallyCriteria(catalog, outcomes, policy);
  const weights = weightsOf(catalog);
  let weighted = 0;
  let weightSum = 0;
  for (const [code, c] of Object.entries(tally.criteria)) {
    const weight = weights.get(code) ?? 1;
    weighted += weight * c.met;
    weightSum += weight * c.assessed;
  }
  const value = weightSum > 0 ? weighted / weightSum : null;
  return {
    value,
    met: tally.met,
    assessed: tally.assessed,
    level: value === null ? null : levelFor(value, catalog.thresholds),
    needsReview: tally.needsReview,
    criteria: tally.criteria,
    policy: describePolicy(policy),
    method: 'losi',
    flagged: tally.flagged,
    levelBasis: 'absolute',
  };
}

/** The level band of a 0..1 value: `very_high` needs more than its bound, the others at least theirs. */
export function levelFor(value: number, thresholds: readonly LevelThreshold[]): LevelThreshold['level'] {
  const sorted = [...thresholds].sort((a, b) => b.min - a.min);
  for (const t of sorted) {
    if (t.level === 'very_high' ? value > t.min : value >= t.min) return t.level;
  }
  return 'low';
}
