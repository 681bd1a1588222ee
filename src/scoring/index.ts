/** Scoring: final values → LOSI/OSI scores, campaign scoring, rescoring, exports, diffs (README "Scores"). */
// The bench entries (scoringBench, rescoringBench) live in ./bench.ts: they pull in the crawler and fixtures.
export { type CampaignRef, portalLabel, resolveCampaign, selectCampaignRuns } from './campaign-runs.ts';
export {
  type CampaignScores,
  computeCampaignScores,
  knownCatalog,
  type ScoredPortal,
  toScoreSet,
} from './campaign-scores.ts';
export { type CohortSummary, scoreCohort, scorePortal, scoringMethodOf } from './cohort-score.ts';
export { type CampaignDiff, diffCampaigns, type PortalDiff } from './diff.ts';
export { formatDiffText } from './diff-text.ts';
export { LEVEL_LABELS, LEVEL_ORDER, levelCounts, totalsHistogram } from './distribution.ts';
export { campaignCsv, campaignJson, EXPORT_FORMATS, EXPORT_TABLES } from './export/export-format.ts';
export { type LongRow, longRows, type WideRow, wideRows } from './export/export-tables.ts';
export { type FinalValue, finalValues, latestReviews } from './final-values.ts';
export { type CriterionScore, levelFor, type SiteScore, scoreSite } from './losi-score.ts';
export { normaliseCohort } from './osi-score.ts';
export { type RescoreOutcome, rescoreCampaign } from './rescore.ts';
export { scoreRun } from './run-score.ts';
export { DEFAULT_POLICY, describePolicy, policyKey, type ScorePolicy } from './score-policy.ts';
