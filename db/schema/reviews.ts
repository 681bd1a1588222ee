import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { indicatorResults } from './indicators.ts';
import { runs } from './runs.ts';

export const REVIEW_VALUES = ['met', 'not_met', 'not_applicable'] as const;
export type ReviewValue = (typeof REVIEW_VALUES)[number];

/** 'review': an assessor's decision; 'resolution': a reviewer settling a blind-review disagreement. */
export const REVIEW_KINDS = ['review', 'resolution'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/**
 * An assessor's decision on one indicator of one run. Append-only: a later review supersedes an
 * earlier one; rows are never updated or deleted.
 */
export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    code: text('code').notNull(),
    /** The automated result the reviewer saw, if any. */
    resultId: integer('result_id').references(() => indicatorResults.id),
    reviewer: text('reviewer').notNull(),
    /** The value before this review (automated outcome or the previous review's value). */
    fromValue: text('from_value'),
    toValue: text('to_value').$type<ReviewValue>().notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    kind: text('kind').$type<ReviewKind>().notNull().default('review'),
  },
  (t) => [index('reviews_run_id_code_idx').on(t.runId, t.code)],
);
