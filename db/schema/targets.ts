import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Level } from '../../src/core/index.ts';
import { campaigns } from './campaigns.ts';

/**
 * A portal to audit. Self-audits have no campaign; SQLite treats NULLs as distinct in the unique
 * index, so self-audit targets are looked up by url before inserting.
 */
export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    url: text('url').notNull(),
    level: text('level').$type<Level>().notNull(),
    country: text('country'),
    city: text('city'),
    language: text('language'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('targets_campaign_id_url_idx').on(t.campaignId, t.url),
    index('targets_url_idx').on(t.url),
  ],
);
