import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A named crawl campaign over many targets (filled by the fleet issue). */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    catalogId: text('catalog_id').notNull(),
    options: text('options', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('campaigns_name_idx').on(t.name)],
);
