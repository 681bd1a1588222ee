import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Target } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import { targets } from '../schema/index.ts';

export interface StoredTarget extends Target {
  id: number;
  campaignId: number | null;
  createdAt: string;
}

type TargetRow = typeof targets.$inferSelect;

function prepareById(store: Store) {
  return store.db
    .select()
    .from(targets)
    .where(eq(targets.id, sql.placeholder('id')))
    .prepare();
}

export class TargetsRepo {
  /** Prepared on first use: a campaign rescoring looks up every target. */
  #byId: ReturnType<typeof prepareById> | undefined;

  constructor(private readonly store: Store) {}

  /**
   * The self-audit target (no campaign) for this URL and level, created on first use. SQLite's
   * unique index treats NULL campaign ids as distinct, hence the lookup before the insert.
   */
  findOrCreateSelfAudit(target: Target): StoredTarget {
    return this.store.transaction(() => {
      const existing = this.store.db
        .select()
        .from(targets)
        .where(and(isNull(targets.campaignId), eq(targets.url, target.url), eq(targets.level, target.level)))
        .orderBy(asc(targets.id))
        .limit(1)
        .get();
      if (existing) return toTarget(existing);
      return toTarget(this.insert(null, target));
    });
  }

  /** The campaign's target for this URL; created when the campaign does not list it yet. */
  createForCampaign(campaignId: number, target: Target): StoredTarget {
    return this.store.transaction(() => {
      const existing = this.store.db
        .select()
        .from(targets)
        .where(and(eq(targets.campaignId, campaignId), eq(targets.url, target.url)))
        .get();
      if (existing) return toTarget(existing);
      return toTarget(this.insert(campaignId, target));
    });
  }

  get(id: number): StoredTarget | null {
    this.#byId ??= prepareById(this.store);
    const row = this.#byId.get({ id });
    return row ? toTarget(row) : null;
  }

  listForCampaign(campaignId: number): StoredTarget[] {
    return this.store.db
      .select()
      .from(targets)
      .where(eq(targets.campaignId, campaignId))
      .orderBy(asc(targets.id))
      .all()
      .map(toTarget);
  }

  private insert(campaignId: number | null, target: Target): TargetRow {
    return this.store.db
      .insert(targets)
      .values({
        campaignId,
        url: target.url,
        level: target.level,
        country: target.country ?? null,
        city: target.city ?? null,
        language: target.language ?? null,
        createdAt: new Date().toISOString(),
      })
      .returning()
      .get();
  }
}

export function toTarget(row: TargetRow): StoredTarget {
  const target: StoredTarget = {
    id: row.id,
    campaignId: row.campaignId,
    url: row.url,
    level: row.level,
    createdAt: row.createdAt,
  };
  if (row.country !== null) target.country = row.country;
  if (row.city !== null) target.city = row.city;
  if (row.language !== null) target.language = row.language;
  return target;
}
