import { asc, desc, eq, isNull } from 'drizzle-orm';
import { TOOL_VERSION } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import { portalScores, type StoredCohort, type StoredScorePolicy, scoreSets } from '../schema/index.ts';

export type ScoreSetRow = typeof scoreSets.$inferSelect;
export type PortalScoreRow = typeof portalScores.$inferSelect;
export type NewPortalScore = Omit<typeof portalScores.$inferInsert, 'id' | 'scoreSetId'>;

export interface NewScoreSet {
  campaignId: number | null;
  trigger: string;
  policy: StoredScorePolicy;
  policyText: string;
  cohorts: StoredCohort[];
  portals: readonly NewPortalScore[];
  toolVersion?: string;
  createdAt?: string;
}

export interface StoredScoreSet extends ScoreSetRow {
  portals: PortalScoreRow[];
}

/**
 * Stored scores: each scoring is a new set (append-only), kept so a score can be explained and
 * recomputed (catalog version, policy, evaluation, result and review ids). Writes: the recorder side.
 */
export class ScoresRepo {
  constructor(private readonly store: Store) {}

  create(input: NewScoreSet): number {
    return this.store.transaction(() => {
      const set = this.store.db
        .insert(scoreSets)
        .values({
          campaignId: input.campaignId,
          trigger: input.trigger,
          policy: input.policy,
          policyText: input.policyText,
          cohorts: input.cohorts,
          toolVersion: input.toolVersion ?? TOOL_VERSION,
          createdAt: input.createdAt ?? new Date().toISOString(),
        })
        .returning({ id: scoreSets.id })
        .get();
      for (const portal of input.portals) {
        this.store.db
          .insert(portalScores)
          .values({ ...portal, scoreSetId: set.id })
          .run();
      }
      return set.id;
    });
  }

  get(scoreSetId: number): StoredScoreSet | null {
    const set = this.store.db.select().from(scoreSets).where(eq(scoreSets.id, scoreSetId)).get();
    return set ? { ...set, portals: this.portalsOf(set.id) } : null;
  }

  /** The current scores of a campaign (its latest score set), or of self-audits with `null`. */
  latestForCampaign(campaignId: number | null): StoredScoreSet | null {
    const set = this.store.db
      .select()
      .from(scoreSets)
      .where(campaignId === null ? isNull(scoreSets.campaignId) : eq(scoreSets.campaignId, campaignId))
      .orderBy(desc(scoreSets.id))
      .limit(1)
      .get();
    return set ? { ...set, portals: this.portalsOf(set.id) } : null;
  }

  /** Score sets of a campaign, oldest first, without their portal rows. */
  listForCampaign(campaignId: number): ScoreSetRow[] {
    return this.store.db
      .select()
      .from(scoreSets)
      .where(eq(scoreSets.campaignId, campaignId))
      .orderBy(asc(scoreSets.id))
      .all();
  }

  /** Every stored score of one run, oldest first. */
  listForRun(runId: number): PortalScoreRow[] {
    return this.store.db
      .select()
      .from(portalScores)
      .where(eq(portalScores.runId, runId))
      .orderBy(asc(portalScores.id))
      .all();
  }

  private portalsOf(scoreSetId: number): PortalScoreRow[] {
    return this.store.db
      .select()
      .from(portalScores)
      .where(eq(portalScores.scoreSetId, scoreSetId))
      .orderBy(asc(portalScores.id))
      .all();
  }
}
