import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { UserRole } from './user-roles.ts';

export { USER_ROLES, type UserRole } from './user-roles.ts';

/** People who log in to the review app (`portal-audit user add`). */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').$type<UserRole>().notNull(),
    /** `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>` (src/server/auth/password.ts). */
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_name_idx').on(t.name)],
);

/** Review-app login sessions (@fastify/session store), so a restart does not log everyone out. */
export const sessions = sqliteTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    /** The session as JSON (user id, CSRF secret, cookie). */
    data: text('data').notNull(),
    /** Epoch milliseconds; expired rows are ignored and pruned. */
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_expires_at_idx').on(t.expiresAt)],
);
