import type {
  NewScoreSet,
  Repositories,
  ScoringEvaluation,
  StoredCampaign,
  StoredRun,
  StoredTarget,
} from '../../db/index.ts';
import { getCatalog } from '../../rules/index.ts';
import { type Catalog, UserError } from '../core/index.ts';
import { type CampaignRef, type SkippedTarget, selectCampaignRuns } from './campaign-runs.ts';
import { type CohortSummary, scoreCohort } from './cohort-score.ts';
import { type FinalValue, finalValues, latestReviews } from './final-values.ts';
import type { SiteScore } from './losi-score.ts';
import { DEFAULT_POLICY, describePolicy, type ScorePolicy } from './score-policy.ts';

export interface ScoredPortal {
  target: StoredTarget;
  run: StoredRun;
  catalog: Catalog;
  /** The latest evaluation of the run (its automated results), or null when it was never evaluated. */
  evaluation: ScoringEvaluation | null;
  finals: FinalValue[];
  score: SiteScore;
}

export interface CampaignScores {
  campaign: StoredCampaign;
  round: number | null;
  policy: ScorePolicy;
  policyText: string;
  portals: ScoredPortal[];
  cohorts: CohortSummary[];
  skipped: SkippedTarget[];
  /** Things a reader of the scores should know (older catalog versions, unknown catalogs). */
  warnings: string[];
}

export interface CampaignScoreOptions {
  policy?: ScorePolicy;
  /** The catalog a run is scored with; default: its latest evaluation's catalog, else the run's own. */
  catalogFor?: (run: StoredRun, target: StoredTarget, evaluation: ScoringEvaluation | null) => Catalog;
}

/**
 * A campaign's current scores, computed from the store (never read back from stored scores): the final
 * value of each indicator (latest review, else the latest evaluation's outcome) under the catalog and
 * the policy, OSI portals normalised over the campaign's national portals.
 */
export function computeCampaignScores(
  repos: Repositories,
  ref: CampaignRef,
  options: CampaignScoreOptions = {},
): CampaignScores {
  const policy = options.policy ?? DEFAULT_POLICY;
  const { portals: selected, skipped } = selectCampaignRuns(repos, ref);
  const warnings: string[] = [];
  const stale = new Set<string>();
  const loaded = selected.map(({ target, run }) => {
    const evaluation = repos.evaluations.latestForScoring(run.id);
    const catalog = options.catalogFor
      ? options.catalogFor(run, target, evaluation)
      : knownCatalog(evaluation?.catalogId ?? run.catalogId);
    if (
      evaluation &&
      (evaluation.catalogId !== catalog.id || evaluation.catalogVersion !== catalog.version)
    ) {
      stale.add(`${evaluation.catalogId} ${evaluation.catalogVersion}`);
    }
    const reviews = latestReviews(repos.reviews.listForRun(run.id));
    const finals = finalValues(catalog.entries, evaluation?.results ?? [], reviews);
    return { target, run, catalog, evaluation, finals };
  });
  for (const version of stale) {
    warnings.push(
      `Some portals were last evaluated with ${version}, not the catalog they are scored with: run \`campaign rescore\` to re-run the rules.`,
    );
  }
  const { scores, cohorts } = scoreCohort(
    loaded.map((p) => ({ catalog: p.catalog, outcomes: p.finals })),
    policy,
  );
  return {
    campaign: ref.campaign,
    round: ref.round,
    policy,
    policyText: describePolicy(policy),
    portals: loaded.map((p, i) => ({ ...p, score: scores[i] as SiteScore })),
    cohorts,
    skipped,
    warnings,
  };
}

/** The stored form of a campaign's scores: enough to explain and recompute every value. */
export function toScoreSet(scores: CampaignScores, trigger: string): NewScoreSet {
  return scoreSetOf({ ...scores, campaignId: scores.campaign.id }, trigger);
}

export function scoreSetOf(
  scores: Pick<CampaignScores, 'policy' | 'policyText' | 'cohorts' | 'portals'> & {
    campaignId: number | null;
  },
  trigger: string,
): NewScoreSet {
  return {
    campaignId: scores.campaignId,
    trigger,
    policy: { ...scores.policy },
    policyText: scores.policyText,
    cohorts: scores.cohorts.map((c) => ({ ...c })),
    portals: scores.portals.map((p) => ({
      runId: p.run.id,
      targetId: p.target.id,
      evaluationId: p.evaluation?.id ?? null,
      catalogId: p.catalog.id,
      catalogVersion: p.catalog.version,
      method: p.score.method ?? 'losi',
      value: p.score.value,
      relative: p.score.relative ?? null,
      level: p.score.level,
      levelBasis: p.score.level === null ? null : (p.score.levelBasis ?? 'absolute'),
      met: p.score.met,
      assessed: p.score.assessed,
      needsReview: p.score.needsReview,
      criteria: p.score.criteria,
      inputs: p.finals.map((f) => ({
        code: f.code,
        value: f.outcome,
        resultId: f.automated?.resultId ?? null,
        reviewId: f.review?.reviewId ?? null,
      })),
    })),
  };
}

/** A catalog of rules/ by id; a UserError naming the known ones for an id this version does not have. */
export function knownCatalog(id: string): Catalog {
  try {
    return getCatalog(id);
  } catch (error) {
    throw new UserError(
      `The store refers to catalog "${id}", which this version of portal-audit does not have. ${error instanceof Error ? error.message : ''}`,
    );
  }
}
