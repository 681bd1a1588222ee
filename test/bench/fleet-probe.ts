import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Redis } from 'ioredis';

/**
 * What the fleet bench reads while a round runs, from outside the measured processes: Redis memory
 * (INFO memory, MEMORY USAGE) and the evidence store's rows and bytes (a read-only connection).
 */

/** `used_memory` of the Redis server, bytes. */
export async function redisUsedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const m = /^used_memory:(\d+)/m.exec(info);
  return m ? Number(m[1]) : 0;
}

/** Bytes Redis holds for the keys matching `pattern` (MEMORY USAGE, summed; SCAN, so safe on a live server). */
export async function redisKeyBytes(redis: Redis, pattern: string): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    for (const key of batch) {
      keys++;
      bytes += Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0);
    }
  } while (cursor !== '0');
  return { keys, bytes };
}

export interface StoreCounts {
  pages: number;
  renderedPages: number;
  evaluations: number;
  /** created_at of the latest evaluation (ms since the epoch), or null. */
  lastEvaluationAt: number | null;
}

/** Counts rows of a store another process is writing (WAL: readers never block the writer). */
export class StoreCounter {
  private db: Database.Database | null = null;

  constructor(private readonly file: string) {}

  read(): StoreCounts | null {
    try {
      this.db ??= new Database(this.file, { readonly: true, fileMustExist: true });
      const pages = this.db
        .prepare('SELECT count(*) AS n, coalesce(sum(rendered), 0) AS r FROM pages')
        .get() as { n: number; r: number };
      const evals = this.db
        .prepare('SELECT count(*) AS n, max(created_at) AS last FROM evaluations')
        .get() as { n: number; last: string | null };
      return {
        pages: pages.n,
        renderedPages: pages.r,
        evaluations: evals.n,
        lastEvaluationAt: evals.last ? Date.parse(evals.last) : null,
      };
    } catch {
      return null; // not created yet, or busy for a moment
    }
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/** Bytes of a SQLite store on disk: the file and its WAL. */
export function sqliteBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) total += statSync(f).size;
  return total;
}

/** Bytes of every file under `dir` (0 when it does not exist). */
export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}
