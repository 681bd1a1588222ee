import { eq } from 'drizzle-orm';
import type { Store } from '../client.ts';
import { campaigns } from '../schema/index.ts';

export type StoredCampaign = typeof campaigns.$inferSelect;

/** Minimal campaign access (the fleet issue extends it). */
export class CampaignsRepo {
  constructor(private readonly store: Store) {}

  create(input: { name: string; catalogId: string; options?: Record<string, unknown> }): number {
    const row = this.store.db
      .insert(campaigns)
      .values({
        name: input.name,
        catalogId: input.catalogId,
        options: input.options ?? {},
        createdAt: new Date().toISOString(),
      })
      .returning({ id: campaigns.id })
      .get();
    return row.id;
  }

  get(id: number): StoredCampaign | null {
    return this.store.db.select().from(campaigns).where(eq(campaigns.id, id)).get() ?? null;
  }

  getByName(name: string): StoredCampaign | null {
    return this.store.db.select().from(campaigns).where(eq(campaigns.name, name)).get() ?? null;
  }
}
