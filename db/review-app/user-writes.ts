import { z } from 'zod';
import {
  type ReviewAppRepositories,
  reviewAppRepositories,
  type Store,
  USER_ROLES,
  type UserRole,
} from '../index.ts';
import type { StoredUser } from '../repositories/users.repo.ts';
import { InvalidInputError } from './invalid-input.ts';

/** Letters, digits and . _ @ - ; 1 to 64 characters. */
export const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

const newUser = z.strictObject({
  name: z.string().regex(USER_NAME, 'a user name is 1-64 letters, digits or . _ @ -'),
  role: z.enum(USER_ROLES),
  passwordHash: z.string().startsWith('scrypt$'),
});

export class DuplicateUserError extends Error {
  override name = 'DuplicateUserError';
}

/** Review-app users and their login sessions: every write to them, validated. */
export class UserWrites {
  private readonly app: ReviewAppRepositories;

  constructor(private readonly store: Store) {
    if (store.readonly) throw new Error('Changing users needs a writable evidence store');
    this.app = reviewAppRepositories(store);
  }

  /** Adds a user; the password arrives already hashed (src/server/auth/password.ts). */
  add(input: { name: string; role: UserRole; passwordHash: string }): StoredUser {
    const parsed = newUser.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(z.prettifyError(parsed.error));
    return this.store.transaction(() => {
      if (this.app.users.getByName(parsed.data.name)) {
        throw new DuplicateUserError(`A user named "${parsed.data.name}" already exists`);
      }
      return this.app.users.insert(parsed.data);
    });
  }

  setPassword(userId: number, passwordHash: string): void {
    if (!passwordHash.startsWith('scrypt$')) throw new InvalidInputError('Not a password hash');
    this.app.users.update(userId, { passwordHash });
  }

  setRole(userId: number, role: UserRole): void {
    this.app.users.update(userId, { role: z.enum(USER_ROLES).parse(role) });
  }

  putSession(sid: string, data: string, expiresAt: number): void {
    this.app.sessions.put(sid, data, expiresAt);
  }

  destroySession(sid: string): void {
    this.app.sessions.delete(sid);
  }

  /** Removes expired sessions; returns how many. */
  pruneSessions(now = Date.now()): number {
    return this.app.sessions.deleteExpired(now);
  }
}
