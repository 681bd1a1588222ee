import { type Repositories, repositories, type Store } from '../../db/index.ts';
import { ScoreWriter } from '../../queue/recorder/score-writes.ts';
import type { Catalog } from '../core/index.ts';
import { knownCatalog, type ScoredPortal, scoreSetOf } from './campaign-scores.ts';
import { scorePortal, scoringMethodOf } from './cohort-score.ts';
import { finalValues, latestReviews } from './final-values.ts';
import { levelFor } from './losi-score.ts';
import { OSI_METHOD_NOTE, OSI_WEIGHTS_NOTE } from './osi-score.ts';
import { DEFAULT_POLICY, describePolicy, type ScorePolicy } from './score-policy.ts';

/**
 * One run's current score (for a portal page of the review app or a report): final values under the
 * policy and the run's latest evaluation catalog. An OSI portal of a campaign is placed in the cohort
 * range of the campaign's latest stored score set, without rescoring the whole campaign.
 */
export function scoreRun(
  repos: Repositories,
  runId: number,
  options: { policy?: ScorePolicy; catalog?: Catalog } = {},
): ScoredPortal {
  const run = repos.runs.require(runId);
  const target = repos.targets.get(run.targetId);
  if (!target) throw new Error(`Run ${runId} points at a missing target ${run.targetId}`);
  const evaluation = repos.evaluations.latestForRun(runId);
  const catalog = options.catalog ?? knownCatalog(evaluation?.catalogId ?? run.catalogId);
  const finals = finalValues(
    catalog.entries,
    evaluation?.results ?? [],
    latestReviews(repos.reviews.listForRun(runId)),
  );
  const score = scorePortal(catalog, finals, options.policy ?? DEFAULT_POLICY);
  if (scoringMethodOf(catalog) === 'osi' && run.campaignId !== null && score.value !== null) {
    const set = repos.scores.latestForCampaign(run.campaignId);
    const cohort = set?.cohorts.find((c) => c.catalogId === catalog.id);
    if (
      set &&
      cohort &&
      cohort.size >= 2 &&
      cohort.min !== null &&
      cohort.max !== null &&
      cohort.max > cohort.min
    ) {
      const relative = Math.min(1, Math.max(0, (score.value - cohort.min) / (cohort.max - cohort.min)));
      score.relative = relative;
      score.relativeStatus = 'ok';
      score.level = levelFor(relative, catalog.thresholds);
      score.levelBasis = 'relative';
      score.notes = [
        OSI_WEIGHTS_NOTE,
        OSI_METHOD_NOTE,
        `Relative to the cohort of score set #${set.id} (${cohort.size} national portals, raw min ${cohort.min.toFixed(4)}, max ${cohort.max.toFixed(4)}); rescore the campaign to update the cohort.`,
      ];
    }
  }
  return { target, run, catalog, evaluation, finals, score };
}

/**
 * Stores one run's score as a score set of its own (a self-audit: campaign null), so that every
 * score shown can be explained later. Returns the score set id.
 */
export function recordRunScore(
  store: Store,
  runId: number,
  catalog: Catalog,
  trigger = 'audit',
  policy: ScorePolicy = DEFAULT_POLICY,
): number {
  const portal = scoreRun(repositories(store), runId, { catalog, policy });
  const set = scoreSetOf(
    {
      campaignId: portal.run.campaignId,
      policy,
      policyText: describePolicy(policy),
      cohorts: [],
      portals: [portal],
    },
    trigger,
  );
  return new ScoreWriter(store).recordScoreSet(set);
}
