import { and, eq, gt, lte } from 'drizzle-orm';
import type { Store } from '../client.ts';
import { sessions } from '../schema/index.ts';

/** Review-app login sessions. Written only through queue/recorder/session-writes.ts. */
export class SessionsRepo {
  constructor(private readonly store: Store) {}

  /** The session's JSON, or null when it is absent or expired. */
  get(sid: string, now = Date.now()): string | null {
    const row = this.store.db
      .select({ data: sessions.data })
      .from(sessions)
      .where(and(eq(sessions.sid, sid), gt(sessions.expiresAt, now)))
      .get();
    return row?.data ?? null;
  }

  put(sid: string, data: string, expiresAt: number): void {
    this.store.db
      .insert(sessions)
      .values({ sid, data, expiresAt })
      .onConflictDoUpdate({ target: sessions.sid, set: { data, expiresAt } })
      .run();
  }

  delete(sid: string): void {
    this.store.db.delete(sessions).where(eq(sessions.sid, sid)).run();
  }

  deleteExpired(now = Date.now()): number {
    return this.store.db.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes;
  }
}
