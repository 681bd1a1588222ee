import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Repositories,
  type ReviewAppRepositories,
  repositories,
  reviewAppRepositories,
  type Store,
  type UserRole,
} from '../../db/index.ts';
import { HighlightWrites } from '../../db/review-app/highlight-writes.ts';
import { ReviewWrites } from '../../db/review-app/review-writes.ts';
import { UserWrites } from '../../db/review-app/user-writes.ts';
import type { Highlighter } from '../evidence/highlighter.ts';

export interface AppUser {
  id: number;
  name: string;
  role: UserRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user (set by the auth hook); null only on the public routes. */
    user: AppUser | null;
  }
}

/** What every route needs: the store, its read repositories and the recorder-side writers. */
export interface AppContext {
  store: Store;
  repos: Repositories;
  app: ReviewAppRepositories;
  reviewWrites: ReviewWrites;
  userWrites: UserWrites;
  highlightWrites: HighlightWrites;
  /** Renders highlighted evidence screenshots; null when no Chromium is available. */
  highlighter: Highlighter | null;
  /** The bull-board dashboard is mounted at /admin/queues (REDIS_URL set). */
  queueDashboard: boolean;
}

export function createContext(store: Store, highlighter: Highlighter | null): AppContext {
  return {
    store,
    repos: repositories(store),
    app: reviewAppRepositories(store),
    reviewWrites: new ReviewWrites(store),
    userWrites: new UserWrites(store),
    highlightWrites: new HighlightWrites(store),
    highlighter,
    queueDashboard: false,
  };
}

/** The logged-in user of a route behind the auth hook. */
export function userOf(request: FastifyRequest): AppUser {
  if (!request.user) throw new Error('No user on an authenticated route');
  return request.user;
}

export function canDecide(user: AppUser): boolean {
  return user.role === 'admin' || user.role === 'assessor';
}

/** Sends a server-rendered page. */
export function sendPage(reply: FastifyReply, body: { toString(): string }, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body.toString());
}
