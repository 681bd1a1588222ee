import { asc, eq, sql } from 'drizzle-orm';
import type { SiteArtifactKind, SiteArtifacts } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import { siteArtifacts } from '../schema/index.ts';

type SiteArtifactData = NonNullable<SiteArtifacts[SiteArtifactKind]>;

/** One artifact of each kind per run (robots, sitemap, search probe, markup validation). */
export class SiteArtifactsRepo {
  private readonly allOfRun;

  constructor(private readonly store: Store) {
    this.allOfRun = store.db
      .select({ kind: siteArtifacts.kind, data: siteArtifacts.data })
      .from(siteArtifacts)
      .where(eq(siteArtifacts.runId, sql.placeholder('runId')))
      .orderBy(asc(siteArtifacts.id))
      .prepare();
  }

  /** Recording the same kind again for a run replaces its data. */
  upsert<K extends SiteArtifactKind>(runId: number, kind: K, data: NonNullable<SiteArtifacts[K]>): void {
    this.store.db
      .insert(siteArtifacts)
      .values({ runId, kind, data: data as SiteArtifactData })
      .onConflictDoUpdate({
        target: [siteArtifacts.runId, siteArtifacts.kind],
        set: { data: sql`excluded.data` },
      })
      .run();
  }

  getAll(runId: number): SiteArtifacts {
    const result: Record<string, SiteArtifactData> = {};
    for (const row of this.allOfRun.all({ runId })) result[row.kind] = row.data;
    return result as SiteArtifacts;
  }
}
