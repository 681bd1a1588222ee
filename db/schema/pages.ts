import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  FetchStatus,
  PageCapture,
  RenderCapture,
  SiteArtifactKind,
  SiteArtifacts,
} from '../../src/core/index.ts';
import { artifacts } from './artifacts.ts';
import { asciiJson } from './ascii-json.ts';
import type { PackedLink } from './packed-links.ts';
import { runs } from './runs.ts';

/** PageCapture fields kept in their own columns; everything else goes to the `capture` JSON column. */
export type PageColumnField =
  | 'url'
  | 'finalUrl'
  | 'site'
  | 'status'
  | 'httpStatus'
  | 'depth'
  | 'rendered'
  | 'htmlHash'
  | 'title'
  | 'lang'
  | 'text'
  | 'fetchedAt'
  | 'render'
  | 'links';

/**
 * The `capture` JSON column: every other PageCapture field; `render` without its axe result (see
 * the axe tables); links packed as tuples (packed-links.ts).
 */
export type StoredCaptureRest = Omit<PageCapture, PageColumnField> & {
  packedLinks: PackedLink[];
  render?: Omit<RenderCapture, 'axe'>;
};

/** One captured page of a run: portal pages and one-hop external pages, failed fetches included. */
export const pages = sqliteTable(
  'pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    finalUrl: text('final_url').notNull(),
    site: text('site').$type<PageCapture['site']>().notNull(),
    status: text('status').$type<FetchStatus>().notNull(),
    httpStatus: integer('http_status'),
    depth: integer('depth').notNull(),
    rendered: integer('rendered', { mode: 'boolean' }).notNull(),
    htmlHash: text('html_hash').references(() => artifacts.hash),
    screenshotHash: text('screenshot_hash').references(() => artifacts.hash),
    title: text('title').notNull(),
    langDeclared: text('lang_declared'),
    langDetected: text('lang_detected'),
    text: text('text').notNull(),
    /** JSON; see asciiJson for why it is not a plain `text({ mode: 'json' })` column. */
    capture: asciiJson<StoredCaptureRest>('capture').notNull(),
    fetchedAt: text('fetched_at').notNull(),
  },
  // pages_run_id_idx lists a run's pages in id order without sorting whole rows.
  (t) => [uniqueIndex('pages_run_id_url_idx').on(t.runId, t.url), index('pages_run_id_idx').on(t.runId)],
);

/** Site-level artifacts of a run (robots.txt, sitemaps, search probe, markup validation): one per kind. */
export const siteArtifacts = sqliteTable(
  'site_artifacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SiteArtifactKind>().notNull(),
    data: text('data', { mode: 'json' }).$type<NonNullable<SiteArtifacts[SiteArtifactKind]>>().notNull(),
  },
  (t) => [uniqueIndex('site_artifacts_run_id_kind_idx').on(t.runId, t.kind)],
);
