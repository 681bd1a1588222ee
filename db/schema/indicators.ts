import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { EvidenceKind, LinkStep, Method, Outcome } from '../../src/core/index.ts';
import { runs } from './runs.ts';

/**
 * Every time rules run over a run's captures (the first audit, a later rescoring) is a new
 * evaluation; the latest one is current. Nothing is overwritten.
 */
export const evaluations = sqliteTable(
  'evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    catalogId: text('catalog_id').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    toolVersion: text('tool_version').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('evaluations_run_id_idx').on(t.runId)],
);

/** One rule's verdict within an evaluation. */
export const indicatorResults = sqliteTable(
  'indicator_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    ruleId: text('rule_id').notNull(),
    code: text('code').notNull(),
    criterion: text('criterion').notNull(),
    method: text('method').$type<Method>().notNull(),
    ruleVersion: integer('rule_version').notNull(),
    outcome: text('outcome').$type<Outcome>().notNull(),
    confidence: real('confidence').notNull(),
    message: text('message').notNull(),
  },
  (t) => [uniqueIndex('indicator_results_evaluation_id_rule_id_idx').on(t.evaluationId, t.ruleId)],
);

/** The evidence behind a result, in the order the rule gave it. */
export const evidenceItems = sqliteTable(
  'evidence_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resultId: integer('result_id')
      .notNull()
      .references(() => indicatorResults.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    pageUrl: text('page_url').notNull(),
    kind: text('kind').$type<EvidenceKind>().notNull(),
    selector: text('selector'),
    snippet: text('snippet'),
    /** The matched words inside the snippet, as character offsets. */
    highlight: text('highlight', { mode: 'json' }).$type<{ start: number; end: number }>(),
    linkPath: text('link_path', { mode: 'json' }).$type<LinkStep[]>(),
    /** Not a foreign key: evidence may point at a screenshot the store never received. */
    screenshotHash: text('screenshot_hash'),
    note: text('note'),
  },
  (t) => [index('evidence_items_result_id_ordinal_idx').on(t.resultId, t.ordinal)],
);
