import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { ArtifactBytes, ArtifactKind } from '../src/core/index.ts';
import { artifacts } from './schema/index.ts';

export interface StoredArtifact {
  hash: string;
  kind: ArtifactKind;
  mediaType: string;
  /** Uncompressed size. */
  bytes: number;
  /** Compressed size on disk. */
  storedBytes: number;
  createdAt: string;
}

export interface PutResult {
  hash: string;
  bytes: number;
  storedBytes: number;
  /** False when the file was already there (content-addressed: deduplicated). */
  written: boolean;
}

/**
 * Content-addressed, gzip-compressed blobs beside the SQLite file: `<dir>/<hash[0..2]>/<hash>.gz`,
 * one row per blob in `artifacts`. Synchronous, so a put can sit inside a store transaction.
 */
export interface ArtifactStore {
  readonly dir: string;
  /** Writes once (verifying hash = sha256(data)); a second put of the same bytes is a no-op. */
  put(artifact: ArtifactBytes): PutResult;
  /** The decompressed bytes, or null when absent. Throws ArtifactHashError on a malformed hash. */
  get(hash: string): Buffer | null;
  has(hash: string): boolean;
  info(hash: string): StoredArtifact | null;
  /** Where the file lives. Refuses anything that is not a 64-character lowercase hex hash. */
  pathOf(hash: string): string;
}

export class ArtifactHashError extends Error {
  override name = 'ArtifactHashError';
}

const HASH = /^[0-9a-f]{64}$/;

export function isArtifactHash(value: unknown): value is string {
  return typeof value === 'string' && HASH.test(value);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

// Any drizzle SQLite database works here; the store passes its better-sqlite3 one.
// biome-ignore lint/suspicious/noExplicitAny: the schema type parameter does not matter to this module
type SyncDb = BaseSQLiteDatabase<'sync', any, any>;

export function createArtifactStore(
  db: SyncDb,
  dir: string,
  options: { readonly?: boolean } = {},
): ArtifactStore {
  const madeDirs = new Set<string>();
  const insertRow = db
    .insert(artifacts)
    .values({
      hash: sql.placeholder('hash'),
      kind: sql.placeholder('kind'),
      mediaType: sql.placeholder('mediaType'),
      bytes: sql.placeholder('bytes'),
      storedBytes: sql.placeholder('storedBytes'),
      createdAt: sql.placeholder('createdAt'),
    })
    .onConflictDoNothing()
    .prepare();
  const selectRow = db
    .select()
    .from(artifacts)
    .where(eq(artifacts.hash, sql.placeholder('hash')))
    .prepare();

  function pathOf(hash: string): string {
    if (!isArtifactHash(hash)) throw new ArtifactHashError(`Not an artifact hash: ${JSON.stringify(hash)}`);
    return join(dir, hash.slice(0, 2), `${hash}.gz`);
  }

  function writeAtomically(path: string, data: Buffer): void {
    const parent = dirname(path);
    if (!madeDirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(temp, data);
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  return {
    dir,
    pathOf,
    put(artifact) {
      if (options.readonly) throw new Error('The evidence store is open read-only');
      const path = pathOf(artifact.hash);
      const actual = sha256Hex(artifact.data);
      if (actual !== artifact.hash) {
        throw new ArtifactHashError(
          `Artifact hash mismatch: declared ${artifact.hash}, content is ${actual}`,
        );
      }
      const existing = statSync(path, { throwIfNoEntry: false });
      let storedBytes: number;
      let written = false;
      if (existing) {
        storedBytes = existing.size;
      } else {
        // Images are already compressed: gzip them fast rather than hard.
        const level = artifact.mediaType.startsWith('image/') ? 1 : 6;
        const gz = gzipSync(artifact.data, { level });
        writeAtomically(path, gz);
        storedBytes = gz.length;
        written = true;
      }
      insertRow.run({
        hash: artifact.hash,
        kind: artifact.kind,
        mediaType: artifact.mediaType,
        bytes: artifact.data.byteLength,
        storedBytes,
        createdAt: new Date().toISOString(),
      });
      return { hash: artifact.hash, bytes: artifact.data.byteLength, storedBytes, written };
    },
    get(hash) {
      const path = pathOf(hash);
      let gz: Buffer;
      try {
        gz = readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return gunzipSync(gz);
    },
    has(hash) {
      return statSync(pathOf(hash), { throwIfNoEntry: false }) !== undefined;
    },
    info(hash) {
      pathOf(hash);
      return selectRow.get({ hash }) ?? null;
    },
  };
}
