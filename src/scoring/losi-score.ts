import type { Catalog, LevelThreshold, Outcome } from '../core/index.ts';
import { DEFAULT_POLICY, describePolicy, pointsFor, type ScorePolicy } from './score-policy.ts';

export interface CriterionScore {
  met: number;
  assessed: number;
  /** met ÷ assessed, or null when nothing was assessed. */
  value: number | null;
}

export interface SiteScore {
  /** Weighted share of indicators met, 0..1, or null when nothing was assessed. */
  value: number | null;
  met: number;
  assessed: number;
  level: LevelThreshold['level'] | null;
  needsReview: number;
  criteria: Record<string, CriterionScore>;
  policy: string;
}

export interface ScoredOutcome {
  code: string;
  criterion: string;
  outcome: Outcome;
}

/**
 * LOSI-style absolute score: each indicator 1 or 0; per criterion met ÷ assessed; total = met ÷ assessed,
 * with criterion weights from the catalog (weight 1 everywhere reduces to the plain share).
 */
export function scoreSite(
  catalog: Pick<Catalog, 'criteria' | 'thresholds'>,
  outcomes: readonly ScoredOutcome[],
  policy: ScorePolicy = DEFAULT_POLICY,
): SiteScore {
  const criteria: Record<string, CriterionScore> = {};
  for (const c of catalog.criteria) criteria[c.code] = { met: 0, assessed: 0, value: null };
  let needsReview = 0;
  for (const o of outcomes) {
    if (o.outcome === 'needs_review') needsReview++;
    const points = pointsFor(o.outcome, policy);
    if (points === null) continue;
    criteria[o.criterion] ??= { met: 0, assessed: 0, value: null };
    const bucket = criteria[o.criterion]!;
    bucket.assessed++;
    bucket.met += points;
  }
  let met = 0;
  let assessed = 0;
  let weighted = 0;
  let weightSum = 0;
  for (const [code, c] of Object.entries(criteria)) {
    c.value = c.assessed > 0 ? c.met / c.assessed : null;
    met += c.met;
    assessed += c.assessed;
    const weight = catalog.criteria.find((k) => k.code === code)?.weight ?? 1;
    weighted += weight * c.met;
    weightSum += weight * c.assessed;
  }
  const value = weightSum > 0 ? weighted / weightSum : null;
  return {
    value,
    met,
    assessed,
    level: value === null ? null : levelFor(value, catalog.thresholds),
    needsReview,
    criteria,
    policy: describePolicy(policy),
  };
}

export function levelFor(value: number, thresholds: readonly LevelThreshold[]): LevelThreshold['level'] {
  const sorted = [...thresholds].sort((a, b) => b.min - a.min);
  for (const t of sorted) {
    if (t.level === 'very_high' ? value > t.min : value >= t.min) return t.level;
  }
  return 'low';
}
