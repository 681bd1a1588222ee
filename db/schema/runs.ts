import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { FetchStatus, StopReason } from '../../src/core/index.ts';
import { campaigns } from './campaigns.ts';
import { targets } from './targets.ts';

export const RUN_STATUSES = ['running', 'finished', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Options a run was started with (budget, render mode, …); free-form so later issues can add keys. */
export type RunOptions = Record<string, unknown>;

/** One crawl of one target. Auditing a portal again adds a run; runs are never overwritten. */
export const runs = sqliteTable(
  'runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    round: integer('round').notNull().default(1),
    catalogId: text('catalog_id').notNull(),
    toolVersion: text('tool_version').notNull(),
    options: text('options', { mode: 'json' }).$type<RunOptions>().notNull(),
    status: text('status').$type<RunStatus>().notNull(),
    /** How the crawl ended (FetchStatus of the home page); null while running. */
    outcome: text('outcome').$type<FetchStatus>(),
    stopReason: text('stop_reason').$type<StopReason>(),
    homeUrl: text('home_url').notNull(),
    finalHomeUrl: text('final_home_url'),
    spa: integer('spa', { mode: 'boolean' }).notNull().default(false),
    pages: integer('pages').notNull().default(0),
    statuses: text('statuses', { mode: 'json' }).$type<Partial<Record<FetchStatus, number>>>(),
    message: text('message'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    /**
     * `<host name>:<pid>` of the process crawling an embedded audit, while it runs; a run still
     * `running` whose process is gone is marked interrupted. Null for campaign runs (their
     * coordinator resumes them).
     */
    owner: text('owner'),
  },
  (t) => [
    index('runs_target_id_idx').on(t.targetId),
    index('runs_campaign_id_round_idx').on(t.campaignId, t.round),
  ],
);
