import { z } from 'zod';
import { type NewScoreSet, type Repositories, repositories, type Store } from '../../db/index.ts';
import { OUTCOMES } from '../../src/core/index.ts';
import { InvalidRecordError } from './record-schema.ts';

const unit = z.number().min(0).max(1);

const portalScore = z.strictObject({
  runId: z.number().int().positive(),
  targetId: z.number().int().positive(),
  evaluationId: z.number().int().positive().nullable(),
  catalogId: z.string().min(1),
  catalogVersion: z.string().min(1),
  method: z.enum(['losi', 'osi']),
  value: unit.nullable(),
  relative: unit.nullable(),
  level: z.string().nullable(),
  levelBasis: z.enum(['absolute', 'relative']).nullable(),
  met: z.number().int().nonnegative(),
  assessed: z.number().int().nonnegative(),
  needsReview: z.number().int().nonnegative(),
  criteria: z.record(
    z.string(),
    z.strictObject({
      met: z.number().nonnegative(),
      assessed: z.number().int().nonnegative(),
      value: unit.nullable(),
    }),
  ),
  inputs: z.array(
    z.strictObject({
      code: z.string().min(1),
      value: z.enum(OUTCOMES),
      resultId: z.number().int().positive().nullable(),
      reviewId: z.number().int().positive().nullable(),
    }),
  ),
});

const scoreSet = z.strictObject({
  campaignId: z.number().int().positive().nullable(),
  trigger: z.string().min(1),
  policy: z.strictObject({
    needsReview: z.enum(['not_met', 'met', 'exclude']),
    error: z.enum(['not_met', 'exclude']),
  }),
  policyText: z.string().min(1),
  cohorts: z.array(
    z.strictObject({
      catalogId: z.string().min(1),
      method: z.enum(['losi', 'osi']),
      portals: z.number().int().nonnegative(),
      size: z.number().int().nonnegative(),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
  portals: z.array(portalScore),
  toolVersion: z.string().optional(),
  createdAt: z.string().optional(),
});

/**
 * The recorder side's writer of scores (DESIGN.md: one writer of the store). A score set is validated
 * and written whole in one transaction; it never replaces an earlier one.
 */
export class ScoreWriter {
  private readonly repos: Repositories;

  constructor(store: Store) {
    if (store.readonly) throw new Error('Recording scores needs a writable evidence store');
    this.repos = repositories(store);
  }

  recordScoreSet(input: NewScoreSet): number {
    const parsed = scoreSet.safeParse(input);
    if (!parsed.success) throw new InvalidRecordError(`Invalid score set: ${z.prettifyError(parsed.error)}`);
    const seen = new Set<number>();
    for (const portal of parsed.data.portals) {
      if (seen.has(portal.runId))
        throw new InvalidRecordError(`Run ${portal.runId} is scored twice in one set`);
      seen.add(portal.runId);
    }
    return this.repos.scores.create(parsed.data);
  }
}
