import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Outcome } from '../../src/core/index.ts';
import { campaigns } from './campaigns.ts';
import { evaluations } from './indicators.ts';
import { runs } from './runs.ts';
import { targets } from './targets.ts';

/** How needs_review and error outcomes count (src/scoring/score-policy.ts). */
export interface StoredScorePolicy {
  needsReview: 'not_met' | 'met' | 'exclude';
  error: 'not_met' | 'exclude';
}

/** The portals scored with one catalog; for OSI, the raw range the relative values were derived from. */
export interface StoredCohort {
  catalogId: string;
  method: 'losi' | 'osi';
  /** Portals scored with this catalog. */
  portals: number;
  /** Portals with a raw value (something assessed). */
  size: number;
  min: number | null;
  max: number | null;
}

export interface StoredCriterionTally {
  met: number;
  assessed: number;
  value: number | null;
}

/**
 * One indicator as it entered a score: code, final value, and where the value came from (the
 * automated result id and/or the review id in force). Short keys: a campaign stores ~95 per portal.
 */
export interface StoredScoreInput {
  code: string;
  value: Outcome;
  resultId: number | null;
  reviewId: number | null;
}

/**
 * Every scoring of a campaign (or of one self-audit) is a new score set; the latest one of a
 * campaign is current. Nothing is overwritten: scores are computed, stored only to be explained.
 */
export const scoreSets = sqliteTable(
  'score_sets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    /** What produced it: 'rescore', 'campaign', 'audit' (free text so later issues can add kinds). */
    trigger: text('trigger').notNull(),
    policy: text('policy', { mode: 'json' }).$type<StoredScorePolicy>().notNull(),
    /** The policy as printed with the scores. */
    policyText: text('policy_text').notNull(),
    cohorts: text('cohorts', { mode: 'json' }).$type<StoredCohort[]>().notNull(),
    toolVersion: text('tool_version').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('score_sets_campaign_id_idx').on(t.campaignId)],
);

/** One portal's score within a score set, with the inputs it was computed from. */
export const portalScores = sqliteTable(
  'portal_scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scoreSetId: integer('score_set_id')
      .notNull()
      .references(() => scoreSets.id, { onDelete: 'cascade' }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id),
    /** The evaluation whose automated results were used (null when the run was never evaluated). */
    evaluationId: integer('evaluation_id').references(() => evaluations.id),
    catalogId: text('catalog_id').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    /** 'losi' (absolute share) or 'osi' (module subindices, relative within the cohort). */
    method: text('method').$type<'losi' | 'osi'>().notNull(),
    /** Absolute value 0..1 (LOSI share, OSI raw weighted subindex mean); null when nothing was assessed. */
    value: real('value'),
    /** OSI relative value (raw − min) ÷ (max − min) over the cohort; null without a usable cohort. */
    relative: real('relative'),
    level: text('level'),
    /** What the level was read from: 'absolute' or 'relative'. */
    levelBasis: text('level_basis'),
    met: integer('met').notNull(),
    assessed: integer('assessed').notNull(),
    needsReview: integer('needs_review').notNull(),
    criteria: text('criteria', { mode: 'json' }).$type<Record<string, StoredCriterionTally>>().notNull(),
    inputs: text('inputs', { mode: 'json' }).$type<StoredScoreInput[]>().notNull(),
  },
  (t) => [
    uniqueIndex('portal_scores_score_set_id_run_id_idx').on(t.scoreSetId, t.runId),
    index('portal_scores_run_id_idx').on(t.runId),
  ],
);
