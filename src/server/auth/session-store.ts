import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { ReviewAppRepositories } from '../../../db/index.ts';
import type { UserWrites } from '../../../db/review-app/user-writes.ts';

declare module 'fastify' {
  interface Session {
    /** Set at login; the user is reloaded from the store on every request. */
    userId?: number;
    /** One-shot message shown on the next page (e.g. "Decision saved"). */
    flash?: string;
    /** CSRF secret (@fastify/csrf-protection). */
    _csrf?: string;
  }
}

/**
 * @fastify/session store over the evidence store's `sessions` table: logins survive a restart of the
 * app, and expired sessions are ignored and pruned (the library's memory store never forgets them).
 */
export class StoreSessionStore implements SessionStore {
  #lastPrune = 0;

  constructor(
    private readonly repos: ReviewAppRepositories,
    private readonly writes: UserWrites,
    private readonly maxAgeMs: number,
  ) {}

  set(sessionId: string, session: Session, callback: (err?: unknown) => void): void {
    try {
      const expires = session.cookie.expires ? new Date(session.cookie.expires).getTime() : Number.NaN;
      const expiresAt = Number.isFinite(expires) ? expires : Date.now() + this.maxAgeMs;
      this.writes.putSession(sessionId, JSON.stringify(session), expiresAt);
      this.#pruneNowAndThen();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void): void {
    try {
      const data = this.repos.sessions.get(sessionId);
      callback(null, data ? (JSON.parse(data) as Session) : null);
    } catch (error) {
      callback(error);
    }
  }

  destroy(sessionId: string, callback: (err?: unknown) => void): void {
    try {
      this.writes.destroySession(sessionId);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  #pruneNowAndThen(): void {
    const now = Date.now();
    if (now - this.#lastPrune < 10 * 60_000) return;
    this.#lastPrune = now;
    this.writes.pruneSessions(now);
  }
}
