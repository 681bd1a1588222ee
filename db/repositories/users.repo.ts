import { asc, count, eq } from 'drizzle-orm';
import type { Store } from '../client.ts';
import { type UserRole, users } from '../schema/index.ts';

export type StoredUser = typeof users.$inferSelect;

/** Review-app users. Written only through db/review-app/user-writes.ts. */
export class UsersRepo {
  constructor(private readonly store: Store) {}

  insert(input: { name: string; role: UserRole; passwordHash: string }): StoredUser {
    const now = new Date().toISOString();
    return this.store.db
      .insert(users)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
  }

  update(id: number, changes: { role?: UserRole; passwordHash?: string }): void {
    this.store.db
      .update(users)
      .set({ ...changes, updatedAt: new Date().toISOString() })
      .where(eq(users.id, id))
      .run();
  }

  get(id: number): StoredUser | null {
    return this.store.db.select().from(users).where(eq(users.id, id)).get() ?? null;
  }

  getByName(name: string): StoredUser | null {
    return this.store.db.select().from(users).where(eq(users.name, name)).get() ?? null;
  }

  list(): StoredUser[] {
    return this.store.db.select().from(users).orderBy(asc(users.name)).all();
  }

  count(): number {
    return this.store.db.select({ n: count() }).from(users).get()?.n ?? 0;
  }
}
