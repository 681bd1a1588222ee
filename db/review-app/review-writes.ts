import { z } from 'zod';
import {
  REVIEW_VALUES,
  type Repositories,
  type ReviewAppRepositories,
  repositories,
  reviewAppRepositories,
  type Store,
} from '../index.ts';
import type { StoredBlindReview } from '../repositories/review-workflow.repo.ts';
import type { StoredReview } from '../repositories/reviews.repo.ts';
import { InvalidInputError } from './invalid-input.ts';

/** Longest note kept with a decision. */
export const MAX_NOTE_CHARS = 4000;

const decision = z.strictObject({
  runId: z.number().int().positive(),
  code: z.string().min(1).max(64),
  resultId: z.number().int().positive().nullable(),
  reviewer: z.string().trim().min(1).max(64),
  fromValue: z.string().max(32).nullable(),
  toValue: z.enum(REVIEW_VALUES),
  note: z.string().max(MAX_NOTE_CHARS).nullable(),
});
export type Decision = z.infer<typeof decision>;

const assignment = z.strictObject({
  runId: z.number().int().positive(),
  userId: z.number().int().positive(),
  assignedBy: z.string().trim().min(1).max(64),
});

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The review app's writes to the evidence store, validated here once (crawl records stay the
 * recorder's): assessors'
 * decisions (append-only), resolutions of blind-review disagreements, blind second decisions, and
 * the admin's assignments of blind second assessors.
 */
export class ReviewWrites {
  private readonly repos: Repositories;
  private readonly app: ReviewAppRepositories;

  constructor(private readonly store: Store) {
    if (store.readonly) throw new Error('Recording reviews needs a writable evidence store');
    this.repos = repositories(store);
    this.app = reviewAppRepositories(store);
  }

  /** An assessor's decision on one indicator; the latest decision is the indicator's final value. */
  decide(input: Decision): StoredReview {
    const d = parse(decision, input, 'decision');
    return this.repos.reviews.append({ ...d, kind: 'review' });
  }

  /** A reviewer settles a disagreement between the first and the blind second assessor. */
  resolve(input: Decision): StoredReview {
    const d = parse(decision, input, 'resolution');
    return this.repos.reviews.append({ ...d, kind: 'resolution' });
  }

  /** A blind second assessor's decision: kept apart, it never changes the final value. */
  decideBlind(input: Decision): StoredBlindReview {
    return this.app.workflow.appendBlindReview(parse(decision, input, 'blind decision'));
  }

  /** Assigns a user to review a run blind. Assigning twice is harmless. */
  assignBlind(input: { runId: number; userId: number; assignedBy: string }): void {
    this.app.workflow.insertAssignment(parse(assignment, input, 'assignment'));
  }

  /** Ends an assignment; the blind decisions already made stay. */
  unassignBlind(runId: number, userId: number): void {
    this.store.transaction(() => this.app.workflow.deleteAssignment(runId, userId));
  }
}
