import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AxeFinding, AxeNode } from '../../src/core/index.ts';
import { pages } from './pages.ts';

export const AXE_FINDING_KINDS = ['violation', 'incomplete'] as const;
export type AxeFindingKind = (typeof AXE_FINDING_KINDS)[number];

/** The axe-core run on one rendered page. */
export const axeRuns = sqliteTable(
  'axe_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pageId: integer('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    engine: text('engine').$type<'axe-core'>().notNull(),
    engineVersion: text('engine_version').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    passes: integer('passes').notNull(),
    inapplicable: integer('inapplicable').notNull(),
  },
  (t) => [uniqueIndex('axe_runs_page_id_idx').on(t.pageId)],
);

/** One row per axe rule per page, violations and incomplete (needs review) alike. */
export const axeFindings = sqliteTable(
  'axe_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    axeRunId: integer('axe_run_id')
      .notNull()
      .references(() => axeRuns.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AxeFindingKind>().notNull(),
    ruleId: text('rule_id').notNull(),
    impact: text('impact').$type<AxeFinding['impact']>(),
    help: text('help').notNull(),
    helpUrl: text('help_url').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    nodeCount: integer('node_count').notNull(),
    nodes: text('nodes', { mode: 'json' }).$type<AxeNode[]>().notNull(),
  },
  (t) => [
    index('axe_findings_axe_run_id_idx').on(t.axeRunId),
    index('axe_findings_rule_id_idx').on(t.ruleId),
  ],
);
