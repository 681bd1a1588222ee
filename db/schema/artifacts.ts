import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ArtifactKind } from '../../src/core/index.ts';

/**
 * Content-addressed blobs (HTML, screenshots). The bytes live gzip-compressed in the artifact
 * directory at `<dir>/<hash[0..2]>/<hash>.gz`; this table says what they are.
 */
export const artifacts = sqliteTable('artifacts', {
  /** sha256 hex of the uncompressed bytes. */
  hash: text('hash').primaryKey(),
  kind: text('kind').$type<ArtifactKind>().notNull(),
  mediaType: text('media_type').notNull(),
  /** Uncompressed size. */
  bytes: integer('bytes').notNull(),
  /** Size of the compressed file on disk. */
  storedBytes: integer('stored_bytes').notNull(),
  createdAt: text('created_at').notNull(),
});
