import {
  levelFor,
  type RelativeStatus,
  type ScoredOutcome,
  type ScoringCatalog,
  type SiteScore,
  tallyCriteria,
  weightsOf,
} from './losi-score.ts';
import { describePolicy, type ScorePolicy } from './score-policy.ts';

export const OSI_WEIGHTS_NOTE =
  'OSI module weights are taken from the catalog; the published subindex weights are not known, so they are assumed.';
export const OSI_METHOD_NOTE =
  'OSI raw value = weighted mean of the module subindices (each = met ÷ assessed); modules with nothing assessed are left out. The relative value is (raw − min) ÷ (max − min) over the cohort of national portals; the level is read from it when it exists.';
export const COHORT_NEEDED_NOTE =
  'The OSI is relative: this is the absolute share. The relative value needs a cohort (a campaign of national portals); the level shown is projected from the absolute share.';

/**
 * One national portal on its own: module subindices and the raw (absolute) OSI value. The relative value
 * needs the cohort (normaliseCohort / applyCohort); until then the level is projected from the raw value.
 */
export function scoreOsiSite(
  catalog: ScoringCatalog,
  outcomes: readonly ScoredOutcome[],
  policy: ScorePolicy,
): SiteScore {
  const tally = tallyCriteria(catalog, outcomes, policy);
  const weights = weightsOf(catalog);
  let weighted = 0;
  let weightSum = 0;
  for (const [code, module] of Object.entries(tally.criteria)) {
    if (module.value === null) continue;
    const weight = weights.get(code) ?? 1;
    weighted += weight * module.value;
    weightSum += weight;
  }
  // min(): a weighted mean of shares cannot exceed 1, whatever the floating-point rounding says.
  const value = weightSum > 0 ? Math.min(1, weighted / weightSum) : null;
  return {
    value,
    met: tally.met,
    assessed: tally.assessed,
    level: value === null ? null : levelFor(value, catalog.thresholds),
    needsReview: tally.needsReview,
    criteria: tally.criteria,
    policy: describePolicy(policy),
    method: 'osi',
    flagged: tally.flagged,
    relative: null,
    relativeStatus: value === null ? 'not_assessed' : 'not_normalised',
    levelBasis: 'absolute',
    notes: [OSI_WEIGHTS_NOTE, OSI_METHOD_NOTE, COHORT_NEEDED_NOTE],
  };
}

export interface CohortNormalisation {
  /** Portals with a raw value. */
  size: number;
  min: number | null;
  max: number | null;
  /** Relative value per input (same order); null where it cannot be computed. */
  relative: (number | null)[];
  status: RelativeStatus[];
}

/**
 * The survey's relative normalisation: (raw − min) ÷ (max − min) over the portals that have a raw
 * value. Ties get equal values (both maxima are 1). A cohort of one, or one where every raw value is
 * the same (max = min), has no relative value: dividing by zero would invent one.
 */
export function normaliseCohort(raws: readonly (number | null)[]): CohortNormalisation {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let size = 0;
  for (const raw of raws) {
    if (raw === null) continue;
    size++;
    if (raw < min) min = raw;
    if (raw > max) max = raw;
  }
  const spread = max - min;
  const relative: (number | null)[] = [];
  const status: RelativeStatus[] = [];
  for (const raw of raws) {
    if (raw === null) {
      relative.push(null);
      status.push('not_assessed');
    } else if (size < 2) {
      relative.push(null);
      status.push('cohort_of_one');
    } else if (spread <= 0) {
      relative.push(null);
      status.push('no_spread');
    } else {
      relative.push(Math.min(1, Math.max(0, (raw - min) / spread)));
      status.push('ok');
    }
  }
  return { size, min: size > 0 ? min : null, max: size > 0 ? max : null, relative, status };
}

const STATUS_NOTES: Record<Exclude<RelativeStatus, 'ok' | 'not_normalised'>, string> = {
  cohort_of_one: COHORT_NEEDED_NOTE,
  no_spread:
    'Every portal of the cohort has the same raw OSI value (max = min), so the relative value is undefined; the level is projected from the absolute share.',
  not_assessed: 'Nothing was assessed on this portal, so it has no OSI value and is left out of the cohort.',
};

/** Sets the relative values (and levels read from them) of OSI scores scored as one cohort, in place. */
export function applyCohort(
  catalog: ScoringCatalog,
  scores: readonly SiteScore[],
): Omit<CohortNormalisation, 'relative' | 'status'> {
  const norm = normaliseCohort(scores.map((s) => s.value));
  scores.forEach((score, i) => {
    const relative = norm.relative[i] ?? null;
    const status = norm.status[i] ?? 'not_assessed';
    score.relative = relative;
    score.relativeStatus = status;
    const base = [OSI_WEIGHTS_NOTE, OSI_METHOD_NOTE];
    if (relative !== null) {
      score.level = levelFor(relative, catalog.thresholds);
      score.levelBasis = 'relative';
      score.notes = [
        ...base,
        `Relative to a cohort of ${norm.size} national portals (raw min ${norm.min?.toFixed(4)}, max ${norm.max?.toFixed(4)}).`,
      ];
    } else {
      score.levelBasis = 'absolute';
      score.notes = [...base, STATUS_NOTES[status as keyof typeof STATUS_NOTES]];
    }
  });
  return { size: norm.size, min: norm.min, max: norm.max };
}
