import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { packagePath, UserError } from '../src/core/index.ts';
import { type ArtifactStore, createArtifactStore } from './artifact-store.ts';
import { artifactDirFor, storeFilePath } from './paths.ts';
import * as schema from './schema/index.ts';

export { artifactDirFor, defaultDbPath } from './paths.ts';

export type StoreSchema = typeof schema;
/** The drizzle instance over the evidence store. */
export type StoreDb = BetterSQLite3Database<StoreSchema>;

export interface Store {
  db: StoreDb;
  artifacts: ArtifactStore;
  /** Absolute path of the SQLite file. */
  file: string;
  /** Absolute path of the artifact directory beside it. */
  artifactDir: string;
  readonly: boolean;
  /** Runs `fn` in one (IMMEDIATE) transaction; nested calls become savepoints. `fn` must be synchronous. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenStoreOptions {
  /** Open without writing: no migrations are applied, and the file must already be up to date. */
  readonly?: boolean;
  /**
   * Refuse a store that does not exist instead of creating it: for commands that read or change what
   * is there, where a mistyped --db must not quietly give an empty store. Implied by `readonly`.
   */
  mustExist?: boolean;
}

export const MIGRATIONS_DIR = packagePath('db', 'migrations');

/**
 * Switching a fresh file to WAL can answer SQLITE_BUSY at once, without the busy timeout, while
 * another process is doing the same: several workers or commands opening a new store together.
 */
function retryWhileBusy<T>(fn: () => T, timeoutMs = 5000): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return fn();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

/**
 * Opens (creating if needed, unless `mustExist`) the evidence store and brings its schema up to date.
 * Every failure is a UserError naming the file.
 */
export function openStore(dbFile: string, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  const file = storeFilePath(dbFile, readonly || (options.mustExist ?? false));
  try {
    return openSqlite(file, readonly);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot open the evidence store ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function openSqlite(file: string, readonly: boolean): Store {
  const artifactDir = artifactDirFor(file);
  if (!readonly) mkdirSync(dirname(file), { recursive: true });

  const sqlite = new Database(file, { readonly, fileMustExist: readonly });
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (!readonly) {
      retryWhileBusy(() => sqlite.pragma('journal_mode = WAL'));
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');

    const db = drizzle({ client: sqlite, schema });
    if (readonly) assertMigrated(sqlite, file);
    else migrateStore(db, sqlite);

    let closed = false;
    return {
      db,
      artifacts: createArtifactStore(db, artifactDir, { readonly }),
      file,
      artifactDir,
      readonly,
      // IMMEDIATE takes the write lock up front (waiting up to busy_timeout), so a transaction that reads
      // then writes cannot fail with SQLITE_BUSY when another process wrote in between.
      transaction: <T>(fn: () => T): T =>
        readonly ? sqlite.transaction(fn)() : sqlite.transaction(fn).immediate(),
      close() {
        if (closed) return;
        closed = true;
        sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Applies pending migrations; skipped when the store is up to date. When several processes open a
 * fresh store at once, a loser of the race (SQLITE_BUSY, or tables already there) looks again: the
 * winner has usually finished by then.
 */
function migrateStore(db: StoreDb, sqlite: Database.Database): void {
  const expected = migrationCount();
  for (let attempt = 1; ; attempt++) {
    if (appliedMigrations(sqlite) >= expected) return;
    try {
      migrate(db, { migrationsFolder: MIGRATIONS_DIR });
      return;
    } catch (error) {
      if (appliedMigrations(sqlite) >= expected) return;
      if (attempt >= 3) throw error;
    }
  }
}

/** A read-only store cannot migrate itself: refuse one whose schema is older than this code. */
function assertMigrated(sqlite: Database.Database, file: string): void {
  const expected = migrationCount();
  const applied = appliedMigrations(sqlite);
  if (applied < expected) {
    throw new UserError(
      `The evidence store ${file} has ${applied} of ${expected} migrations; open it once read-write to upgrade it.`,
    );
  }
}

function appliedMigrations(sqlite: Database.Database): number {
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
  } catch {
    return 0; // no migrations table yet
  }
}

let journalEntries: number | undefined;

function migrationCount(): number {
  if (journalEntries === undefined) {
    const journal = join(MIGRATIONS_DIR, 'meta', '_journal.json');
    journalEntries = (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;
  }
  return journalEntries;
}
