import { and, asc, count, eq } from 'drizzle-orm';
import type { Store } from '../client.ts';
import { campaigns, pages, runs } from '../schema/index.ts';

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

  /** Oldest first. */
  list(): StoredCampaign[] {
    return this.store.db.select().from(campaigns).orderBy(asc(campaigns.id)).all();
  }

  /** Pages stored so far for the runs of one round (all runs of a target in it, failed fetches included). */
  roundPageCount(campaignId: number, round: number): number {
    const row = this.store.db
      .select({ n: count() })
      .from(pages)
      .innerJoin(runs, eq(pages.runId, runs.id))
      .where(and(eq(runs.campaignId, campaignId), eq(runs.round, round)))
      .get();
    return row?.n ?? 0;
  }
}
