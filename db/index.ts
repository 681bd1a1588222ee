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
export type {
  EvaluationRow,
  ScoringEvaluation,
  StoredEvaluation,
} from './repositories/evaluations.repo.ts';
export { type Repositories, repositories } from './repositories/index.ts';
// Review app (src/server): users, sessions, blind second reviews, read models.
export { type ReviewAppRepositories, reviewAppRepositories } from './repositories/review-app.ts';
export type { EvidenceRow, ResultSummary, RunWithTarget } from './repositories/review-queries.repo.ts';
export type { StoredAssignment, StoredBlindReview } from './repositories/review-workflow.repo.ts';
export type { NewReview, StoredReview } from './repositories/reviews.repo.ts';
export {
  type RunListing,
  type RunViolation,
  siteKey,
} from './repositories/run-history.repo.ts';
export { type NewRun, runOwner, type StoredRun } from './repositories/runs.repo.ts';
export type {
  NewPortalScore,
  NewScoreSet,
  PortalScoreRow,
  ScoreSetRow,
  StoredScoreSet,
} from './repositories/scores.repo.ts';
export { findHome, loadSiteCaptures } from './repositories/site-captures.repo.ts';
export type { StoredTarget } from './repositories/targets.repo.ts';
export type { StoredUser } from './repositories/users.repo.ts';
export {
  REVIEW_KINDS,
  REVIEW_VALUES,
  type ReviewKind,
  type ReviewValue,
  RUN_STATUSES,
  type RunOptions,
  type RunStatus,
  type StoredCohort,
  type StoredScoreInput,
  type StoredScorePolicy,
  USER_ROLES,
  type UserRole,
} from './schema/index.ts';
