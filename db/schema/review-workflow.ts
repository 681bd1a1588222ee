import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { indicatorResults } from './indicators.ts';
import type { ReviewValue } from './reviews.ts';
import { runs } from './runs.ts';
import { users } from './users.ts';

/**
 * A second assessor assigned (by an admin) to review one run blind: they do not see the first
 * decisions, and their own go to `blind_reviews`, not to `reviews`, so they never change final values.
 */
export const reviewAssignments = sqliteTable(
  'review_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: text('assigned_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_assignments_run_id_user_id_idx').on(t.runId, t.userId),
    index('review_assignments_user_id_idx').on(t.userId),
  ],
);

/** A blind second assessor's decision. Append-only, like `reviews`; compared with it for agreement. */
export const blindReviews = sqliteTable(
  'blind_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    code: text('code').notNull(),
    resultId: integer('result_id').references(() => indicatorResults.id),
    reviewer: text('reviewer').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value').$type<ReviewValue>().notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('blind_reviews_run_id_code_idx').on(t.runId, t.code)],
);

/**
 * Cache of evidence screenshots with the element outlined, re-rendered offline from the stored HTML
 * (src/server/evidence/highlight.ts). The image itself is an artifact (kind 'screenshot').
 */
export const highlightShots = sqliteTable(
  'highlight_shots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    htmlHash: text('html_hash').notNull(),
    selector: text('selector').notNull(),
    /** Bumped when the rendering changes, so old images are not reused. */
    renderVersion: integer('render_version').notNull(),
    /** Null when the selector matched nothing in the stored HTML. */
    shotHash: text('shot_hash'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('highlight_shots_key_idx').on(t.htmlHash, t.selector, t.renderVersion)],
);
