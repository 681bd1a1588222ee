/** The evidence store: open it, then read and write through the repositories (writes: the recorder only). */
export {
  ArtifactHashError,
  type ArtifactStore,
  isArtifactHash,
  type PutResult,
  type StoredArtifact,
  sha256Hex,
} from './artifact-store.ts';
export {
  artifactDirFor,
  defaultDbPath,
  type OpenStoreOptions,
  openStore,
  type Store,
  type StoreDb,
} from './client.ts';
export type { StoredCampaign } from './repositories/campaigns.repo.ts';
export type { EvaluationRow, StoredEvaluation } from './repositories/evaluations.repo.ts';
export { type Repositories, repositories } from './repositories/index.ts';
export type { NewReview, StoredReview } from './repositories/reviews.repo.ts';
export type { NewRun, StoredRun } from './repositories/runs.repo.ts';
export type {
  NewPortalScore,
  NewScoreSet,
  PortalScoreRow,
  ScoreSetRow,
  StoredScoreSet,
} from './repositories/scores.repo.ts';
export { findHome, loadSiteCaptures } from './repositories/site-captures.repo.ts';
export type { StoredTarget } from './repositories/targets.repo.ts';
export {
  REVIEW_VALUES,
  type ReviewValue,
  RUN_STATUSES,
  type RunOptions,
  type RunStatus,
  type StoredCohort,
  type StoredScoreInput,
  type StoredScorePolicy,
} from './schema/index.ts';
